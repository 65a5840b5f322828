// HTTPS with a certificate made in the test (openssl), the Secure cookie under TLS, and the
// server's log kept free of passwords and of anything a patient typed.
#include "server_fixture.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace kiosk::test {
namespace {

TEST(HttpTls, ServesHttpsWithASecureSessionCookie) {
    ASSERT_TRUE(have_program("openssl") && have_program("curl")) << "deploy/setup.sh test installs openssl and curl";
    TempDir dir("kiosk-web-tls");
    const auto cert = dir.path() / "cert.pem";
    const auto key = dir.path() / "key.pem";
    const auto made =
        run_command({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", key.string(), "-out", cert.string(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                     "subjectAltName=IP:127.0.0.1"});
    ASSERT_EQ(made.exit_code, 0) << made.output;
    auto options = WebServer::default_options();
    options.tls_certificate_pem = read_file(cert);
    options.tls_key_pem = read_file(key);
    WebServer s(options);
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
