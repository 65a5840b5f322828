// HTTPS with a certificate made in the test (openssl), the Secure cookie and the header time cap
// under TLS, and the server's log kept free of passwords and of anything a patient typed.
#include "server_fixture.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

namespace kiosk::test {
namespace {

// A self-signed certificate for 127.0.0.1 made with openssl, and server options serving HTTPS with it.
struct TlsFiles {
    TempDir dir{"kiosk-web-tls"};
    std::filesystem::path cert = dir.path() / "cert.pem";
    std::filesystem::path key = dir.path() / "key.pem";
    CommandResult made =
        run_command({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", key.string(), "-out", cert.string(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                     "subjectAltName=IP:127.0.0.1"});
    [[nodiscard]] web::ServerOptions options(web::ServerOptions o = WebServer::default_options()) const {
        o.tls_certificate_pem = read_file(cert);
        o.tls_key_pem = read_file(key);
        return o;
    }
};

TEST(HttpTls, ServesHttpsWithASecureSessionCookie) {
    ASSERT_TRUE(have_program("openssl") && have_program("curl")) << "deploy/setup.sh test installs openssl and curl";
    const TlsFiles tls;
    ASSERT_EQ(tls.made.exit_code, 0) << tls.made.output;
    const auto& cert = tls.cert;
    WebServer s(tls.options());
    ASSERT_NE(s.port, 0);
    const std::string base = "https://127.0.0.1:" + std::to_string(s.port);
    const auto page = run_command(
        {"curl", "-sS", "--cacert", cert.string(), "-o", "/dev/null", "-w", "%{http_code}", base + "/login"});
    EXPECT_EQ(page.output, "200") << "the certificate checks out against itself";
    const auto login =
        run_command({"curl", "-sS", "--cacert", cert.string(), "-D", "-", "-o", "/dev/null", "-H", "Origin: " + base,
                     "--data-urlencode", std::string("password=") + kPassword, base + "/login"});
    EXPECT_NE(login.output.find("HTTP/1.1 303"), std::string::npos) << login.output;
    EXPECT_NE(login.output.find("; Secure"), std::string::npos) << "the cookie is Secure under TLS: " << login.output;
    EXPECT_NE(login.output.find("HttpOnly"), std::string::npos) << login.output;
    // The plain-HTTP Origin of the same host is another origin under TLS.
    const auto cross = run_command({"curl", "-sS", "--cacert", cert.string(), "-o", "/dev/null", "-w", "%{http_code}",
                                    "-H", "Origin: http://127.0.0.1:" + std::to_string(s.port), "--data-urlencode",
                                    std::string("password=") + kPassword, base + "/login"});
    EXPECT_EQ(cross.output, "403");
    // Plain HTTP to the HTTPS port gets no page.
    HttpCall plain;
    plain.path = "/login";
    EXPECT_NE(http(s.port, plain).status, 200);
}

// A real TLS client, `openssl s_client`, whose standard input is one end of a socket pair: what the
// test sends there goes to the server as TLS records, a byte at a time if the test likes.
class TlsClient {
public:
    TlsClient(int port, const std::filesystem::path& ca, const std::filesystem::path& output) {
        // Everything the child needs is made before fork: the test process has the server's threads.
        const std::vector<std::string> args = {
            "openssl",  "s_client",   "-connect", "127.0.0.1:" + std::to_string(port), "-CAfile", ca.string(),
            "-brief",  // "CONNECTION ESTABLISHED" once the handshake is done
            "-ign_eof", "-nocommands"};
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const std::string out = output.string();
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            const int log = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(pair[1], 0);
            ::dup2(log, 1);
            ::dup2(log, 2);
            ::execvp(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(pair[1]);
        input_ = pair[0];
    }
    ~TlsClient() {
        if (input_ >= 0) ::close(input_);
        if (pid_ > 0 && !exited()) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    TlsClient(const TlsClient&) = delete;
    TlsClient& operator=(const TlsClient&) = delete;

    bool send(char c) const { return ::send(input_, &c, 1, MSG_NOSIGNAL) == 1; }
    // True once s_client has ended (it does when the server closes the connection).
    bool exited() {
        if (pid_ <= 0 || done_) return true;
        done_ = ::waitpid(pid_, nullptr, WNOHANG) == pid_;
        return done_;
    }

private:
    pid_t pid_ = -1;
    int input_ = -1;
    bool done_ = false;
};

// The header time cap holds over HTTPS too: a client that finished the TLS handshake and then sends
// its request line and headers a byte every 200 ms (never silent long enough for the idle timeout)
// is cut off at the cap, and the server goes on serving.
TEST(HttpTls, AClientTricklingItsHeadersOverTlsIsCutOffAtTheHeaderCap) {
    ASSERT_TRUE(have_program("openssl") && have_program("curl")) << "deploy/setup.sh test installs openssl and curl";
    const TlsFiles tls;
    ASSERT_EQ(tls.made.exit_code, 0) << tls.made.output;
    auto caps = WebServer::default_options();
    caps.limits.header_timeout_seconds = 2;
    caps.limits.request_timeout_seconds = 4;
    WebServer s(tls.options(caps));
    ASSERT_NE(s.port, 0);

    const auto output = tls.dir.path() / "s_client.log";
    const auto start = std::chrono::steady_clock::now();
    TlsClient client(s.port, tls.cert, output);
    ASSERT_TRUE(wait_until([&] { return read_file(output).find("CONNECTION ESTABLISHED") != std::string::npos; },
                           std::chrono::seconds(5)))
        << "the TLS handshake is done before the trickle starts: " << read_file(output);
    const std::string headers =
        "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for (std::size_t i = 0; !client.exited() && std::chrono::steady_clock::now() - start < std::chrono::seconds(12);
         ++i) {
        (void)client.send(headers[i % headers.size()]);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(client.exited()) << "still connected after 12 s: " << read_file(output);
    EXPECT_GE(took, std::chrono::milliseconds(1500)) << "not before the cap";
    EXPECT_LT(took, std::chrono::milliseconds(4500)) << "cut off near the 2 s header cap, not at the idle timeout";
    EXPECT_NE(s.log().find("request line and headers took over 2 s"), std::string::npos) << s.log();
    EXPECT_EQ(read_file(output).find("HTTP/1.1"), std::string::npos) << "no answer was sent to it";

    const auto page = run_command({"curl", "-sS", "--cacert", tls.cert.string(), "-o", "/dev/null", "-w",
                                   "%{http_code}", "https://127.0.0.1:" + std::to_string(s.port) + "/login"});
    EXPECT_EQ(page.output, "200") << "staff still get in over HTTPS";
}

TEST(HttpLog, NeverHoldsAPasswordOrWhatAPatientTyped) {
    WebServer s;
    HttpCall wrong;
    wrong.method = "POST";
    wrong.path = "/login";
    wrong.origin = "same";
    wrong.body = form_encode({{"password", "Sunflower-Guess-77"}});
    ASSERT_EQ(http(s.port, wrong).status, 401);
    const std::string id = [&] {
        std::string got;
        wait_until([&] { return !(got = s.login()).empty(); }, std::chrono::seconds(5));
        return got;
    }();
    ASSERT_FALSE(id.empty());
    // A callback slip's details as a form might carry them, refused (no token) and accepted.
    HttpCall post;
    post.method = "POST";
    post.path = "/echo?name=Maria+Lopez-Quintana&phone=5550100123";
    post.cookie = id;
    post.origin = "same";
    post.body = form_encode({{"name", "Maria Lopez-Quintana"}, {"phone", "555 0100 123"}});
    EXPECT_EQ(http(s.port, post).status, 403);
    post.body = form_encode({{"name", "Maria Lopez-Quintana"}, {"phone", "555 0100 123"}, {"csrf", s.csrf_of(id)}});
    EXPECT_EQ(http(s.port, post).status, 200);
    post.origin = "http://evil.example";
    EXPECT_EQ(http(s.port, post).status, 403);

    const std::string log = s.log();
    EXPECT_NE(log.find("wrong web password from 127.0.0.1"), std::string::npos) << log;
    EXPECT_NE(log.find("refused POST /echo"), std::string::npos) << log;
    for (const std::string secret :
         {"Sunflower-Guess-77", kPassword, "Maria", "Quintana", "5550100123", "555 0100 123", "0100"}) {
        EXPECT_EQ(log.find(secret), std::string::npos) << "'" << secret << "' is in the log:\n" << log;
    }
    EXPECT_EQ(log.find(id), std::string::npos) << "nor a session id";
}

}  // namespace
}  // namespace kiosk::test
