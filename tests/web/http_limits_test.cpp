// The server's refusals of odd requests over a real socket: traversal in the path, unknown pages
// and methods, bodies, uploads and headers over their limits, and a slow client that must not hold
// up anyone else.
#include "server_fixture.h"
#include "support/process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <thread>

namespace kiosk::test {
namespace {

TEST(HttpPaths, TraversalAttemptsNeverReachAFileOrAHandler) {
    WebServer s;
    const std::string id = s.login();
    const int calls_before = s.calls;
    for (const std::string path :
         {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
          "/static/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/%2E%2E/kiosk.css",
          "//etc/passwd", "/etc/passwd", "/static/./kiosk.css", "/static/kiosk.css/..", "/static\\..\\..\\etc\\passwd",
          "/static/%00kiosk.css", "/echo/../", "/./"}) {
        const std::string raw = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: kiosk_session=" + id +
                                "\r\nConnection: close\r\n\r\n";
        const HttpReply r = send_raw(s.port, raw);
        EXPECT_TRUE(r.status == 400 || r.status == 404) << path << " gave " << r.status;
        EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
        EXPECT_EQ(r.body.find("--accent"), std::string::npos) << path << " must not reach the stylesheet either";
    }
    // An absolute URL in the request line names no page of ours either.
    const HttpReply absolute = send_raw(
        s.port, "GET http://127.0.0.1/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    EXPECT_NE(absolute.status, 200);
    EXPECT_EQ(absolute.body.find("root:"), std::string::npos);
    EXPECT_EQ(s.calls, calls_before);
}

TEST(HttpRouting, UnknownPageIs404AndWrongMethodIs405) {
    WebServer s;
    const std::string id = s.login();
    HttpCall c;
    c.cookie = id;
    c.path = "/no-such-page";
    EXPECT_EQ(http(s.port, c).status, 404);
    c.path = "/echo";
    const HttpReply wrong = http(s.port, c);
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.header("allow"), "POST");
    c.method = "DELETE";
    c.path = "/";
    EXPECT_EQ(http(s.port, c).status, 405);
}

std::string multipart(const std::string& boundary, const std::string& csrf, const std::string& file_bytes) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"x-ray.png\"\r\n"
           "Content-Type: image/png\r\n\r\n" +
           file_bytes + "\r\n--" + boundary + "--\r\n";
}

TEST(HttpLimits, UploadOverTheLimitGets413StatingTheLimit) {
    auto options = WebServer::default_options();
    options.limits.max_upload_bytes = 64 * 1024;
    options.limits.max_request_bytes = 1024 * 1024;
    WebServer s(options);
    const std::string id = s.login();
    const std::string csrf = s.csrf_of(id);
    HttpCall up;
    up.method = "POST";
    up.path = "/echo";
    up.cookie = id;
    up.origin = "same";
    up.content_type = "multipart/form-data; boundary=XyZ";
    up.body = multipart("XyZ", csrf, std::string(60 * 1024, 'p'));
    HttpReply r = http(s.port, up);
    EXPECT_EQ(r.status, 200) << "a file under the limit arrives whole";
    EXPECT_EQ(r.body, "saved - file picture 61440");

    const int calls = s.calls;
    up.body = multipart("XyZ", csrf, std::string(100 * 1024, 'p'));
    r = http(s.port, up);
    EXPECT_EQ(r.status, 413);
    EXPECT_NE(r.body.find("64 KB"), std::string::npos) << "the answer states the limit: " << r.body;
    EXPECT_NE(r.body.find("x-ray.png"), std::string::npos) << r.body;
    // A body bigger than the whole-request limit is read and dropped, then refused, so a browser
    // still sending it sees the 413 rather than a reset connection.
    up.body = multipart("XyZ", csrf, std::string(2 * 1024 * 1024, 'p'));
    r = http(s.port, up);
    EXPECT_EQ(r.status, 413);
    EXPECT_NE(r.body.find("1 MB"), std::string::npos) << r.body;
    // Far bigger (over 8× the limit) is answered at once, before a byte of it is sent.
    const HttpReply cut =
        send_raw(s.port,
                 "POST /echo HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(s.port) +
                     "\r\nOrigin: http://127.0.0.1:" + std::to_string(s.port) + "\r\nCookie: kiosk_session=" + id +
                     "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                     "Content-Length: 9000000\r\n\r\n",
                 std::chrono::seconds(10));
    EXPECT_EQ(cut.status, 413);
    EXPECT_NE(cut.body.find("the limit is 1 MB"), std::string::npos) << cut.body;
    EXPECT_EQ(s.calls, calls) << "no oversize upload reached the handler";
}

TEST(HttpLimits, OversizeHeadersAreRefusedAndTheServerGoesOn) {
    WebServer s;
    const std::string raw = "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + std::string(64 * 1024, 'h') +
                            "\r\nConnection: close\r\n\r\n";
    const HttpReply r = send_raw(s.port, raw);
    EXPECT_EQ(r.status, 431) << "Request Header Fields Too Large";
    HttpCall c;
    c.path = "/login";
    EXPECT_EQ(http(s.port, c).status, 200);
}

// A TCP connection to the server from 127.0.0.1 that the test writes to byte by byte.
class Trickle {
public:
    explicit Trickle(int port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
    }
    ~Trickle() { ::close(fd_); }
    Trickle(const Trickle&) = delete;
    Trickle& operator=(const Trickle&) = delete;

    // Sends the next byte of `text` (looping); false once the server has closed the connection.
    bool next_byte(const std::string& text) {
        if (!connected_ || closed_) return false;
        char buf[256];
        const ssize_t got = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) closed_ = true;
        if (got > 0) answer_.append(buf, static_cast<std::size_t>(got));
        if (!closed_ && ::send(fd_, &text[sent_++ % text.size()], 1, MSG_NOSIGNAL) != 1) closed_ = true;
        return !closed_;
    }
    [[nodiscard]] bool connected() const { return connected_; }
    [[nodiscard]] const std::string& answer() const { return answer_; }

private:
    int fd_;
    bool connected_ = false;
    bool closed_ = false;
    std::size_t sent_ = 0;
    std::string answer_;
};

// Sends one byte every 200 ms on each connection (never silent long enough for the idle timeout)
// until the server closes them all or `limit` passes; returns how long that took.
std::chrono::milliseconds trickle_until_closed(std::vector<std::unique_ptr<Trickle>>& clients, const std::string& text,
                                               std::chrono::seconds limit) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < limit) {
        bool any_open = false;
        for (auto& c : clients) any_open = c->next_byte(text) || any_open;
        if (!any_open) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

// Several clients that send their request a byte now and then (each on its own connection thread)
// must not delay a normal one.
TEST(HttpLimits, SlowClientsDoNotStallTheNextClient) {
    WebServer s;
    std::vector<std::unique_ptr<Trickle>> slow;
    for (int i = 0; i < 4; ++i) slow.push_back(std::make_unique<Trickle>(s.port));
    std::atomic<bool> stop{false};
    std::thread dribble([&] {
        while (!stop) {
            for (auto& c : slow) c->next_byte("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: aaaaaaaaaaaaaaaaaaaa");
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the slow ones are mid-request
    const auto start = std::chrono::steady_clock::now();
    HttpCall c;
    c.path = "/login";
    const HttpReply r = http(s.port, c);
    const auto took = std::chrono::steady_clock::now() - start;
    stop = true;
    dribble.join();
    EXPECT_EQ(r.status, 200);
    EXPECT_LT(took, std::chrono::seconds(3)) << "served while four clients dribble their requests";
}

web::ServerOptions tight_time_caps() {
    auto options = WebServer::default_options();
    options.limits.max_connections = 4;
    options.limits.max_connections_per_ip = 4;
    options.limits.header_timeout_seconds = 2;
    options.limits.request_timeout_seconds = 4;
    return options;
}

// Slow-loris: clients that hold every connection by trickling their headers are cut off at the
// header cap (the idle timeout of 15 s never fires for them), and then staff get in again.
TEST(HttpLimits, ClientsTricklingHeadersAreCutOffAtTheCapAndStaffGetInAgain) {
    WebServer s(tight_time_caps());
    std::vector<std::unique_ptr<Trickle>> slow;
    for (int i = 0; i < 4; ++i) slow.push_back(std::make_unique<Trickle>(s.port));
    for (const auto& c : slow) ASSERT_TRUE(c->connected());
    const std::string headers =
        "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const auto took = trickle_until_closed(slow, headers, std::chrono::seconds(12));
    EXPECT_GE(took, std::chrono::milliseconds(1500)) << "not before the cap";
    EXPECT_LT(took, std::chrono::milliseconds(4500)) << "cut off near the 2 s header cap, not at the idle timeout";
    HttpCall c;
    c.path = "/login";
    EXPECT_EQ(http(s.port, c).status, 200) << "the connections are free again";
    EXPECT_NE(s.log().find("request line and headers took over 2 s"), std::string::npos) << s.log();
}

// The same with a body: the headers arrive at once, the body a byte at a time; the request is cut
// off at the whole-request cap and no handler ever sees it.
TEST(HttpLimits, AClientTricklingItsBodyIsCutOffAtTheRequestCapBeforeAnyHandler) {
    WebServer s(tight_time_caps());
    const std::string id = s.login();
    const std::string csrf = s.csrf_of(id);
    const int calls = s.calls;
    std::vector<std::unique_ptr<Trickle>> slow;
    slow.push_back(std::make_unique<Trickle>(s.port));
    const std::string head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(s.port) +
                             "\r\nOrigin: http://127.0.0.1:" + std::to_string(s.port) +
                             "\r\nCookie: kiosk_session=" + id +
                             "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n";
    for (std::size_t i = 0; i < head.size(); ++i) ASSERT_TRUE(slow[0]->next_byte(head));
    const auto took = trickle_until_closed(slow, "csrf=" + csrf + "&title=x", std::chrono::seconds(12));
    EXPECT_GE(took, std::chrono::milliseconds(3000));
    EXPECT_LT(took, std::chrono::milliseconds(6500)) << "cut off near the 4 s request cap";
    EXPECT_EQ(s.calls, calls) << "the handler never ran";
    EXPECT_NE(s.log().find("its request took over 4 s"), std::string::npos) << s.log();
}

// One computer cannot take every connection: past its share it is turned away while another
// computer is still served.
TEST(HttpLimits, OneAddressGetsOnlyItsShareOfTheConnections) {
    auto options = WebServer::default_options();
    options.limits.max_connections = 8;
    options.limits.max_connections_per_ip = 2;
    WebServer s(options);
    std::vector<std::unique_ptr<Trickle>> held;
    for (int i = 0; i < 2; ++i) held.push_back(std::make_unique<Trickle>(s.port));
    for (auto& h : held) ASSERT_TRUE(h->next_byte("GET"));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // both accepted and counted
    HttpCall c;
    c.path = "/login";
    EXPECT_EQ(http(s.port, c).status, 0) << "a third connection from 127.0.0.1 is closed at once";
    c.source = "127.0.0.2";
    EXPECT_EQ(http(s.port, c).status, 200) << "another computer still gets the page";
}

// libmicrohttpd answers a few malformed requests itself (431 headers too large, 400 a header line
// without a colon, 505 an unknown HTTP version), before any code of ours runs and without our
// security headers (0.9.75 has no hook for them). What makes that harmless is checked here: those
// answers are fixed texts that carry nothing of the request (no reflected script), have no form or
// link to click, and close the connection.
TEST(HttpHeaders, LibmicrohttpdsOwnRefusalsEchoNothingOfTheRequest) {
    WebServer s;
    const std::string marker = "<script>alert(1)</script>";
    for (const std::string& raw :
         {"GET /login?x=" + marker + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Evil: " + marker + std::string(64 * 1024, 'h') +
              "\r\n\r\n",
          "GET /login?x=" + marker + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Evil " + marker + "\r\n\r\n",
          "GET /login HTTP/3.7\r\nHost: 127.0.0.1\r\nX-Evil: " + marker + "\r\n\r\n"}) {
        const HttpReply r = send_raw(s.port, raw);
        EXPECT_GE(r.status, 400) << raw.substr(0, 60);
        EXPECT_EQ(r.body.find("alert"), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find("<form"), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find("<a "), std::string::npos) << r.body;
        EXPECT_EQ(r.body.find("<script"), std::string::npos) << r.body;
    }
    HttpCall c;
    c.path = "/login";
    EXPECT_EQ(http(s.port, c).status, 200);
}

TEST(HttpHeaders, SecurityHeadersOnEveryResponse) {
    WebServer s;
    const std::string id = s.login();
    struct Case {
        std::string path, cookie;
        bool private_page;
    };
    for (const Case& k : {Case{"/login", "", true}, Case{"/", "", true}, Case{"/", id, true},
                          Case{"/nowhere", id, true}, Case{"/static/kiosk.css", "", false}}) {
        HttpCall c;
        c.path = k.path;
        c.cookie = k.cookie;
        const HttpReply r = http(s.port, c);
        const std::string csp = r.header("content-security-policy");
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << k.path << ": " << csp;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << k.path;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << k.path;
        EXPECT_EQ(r.header("x-frame-options"), "DENY") << k.path;
        EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << k.path;
        EXPECT_EQ(r.header("referrer-policy"), "same-origin") << k.path;
        if (k.private_page) {
            EXPECT_EQ(r.header("cache-control"), "no-store") << k.path;
        }
    }
    // The pages themselves carry no inline script for the CSP to have to allow.
    HttpCall c;
    c.cookie = id;
    const std::string body = http(s.port, c).body;
    EXPECT_EQ(body.find("<script>"), std::string::npos);
    EXPECT_NE(body.find("<script src=\"/static/kiosk.js\""), std::string::npos);
}

}  // namespace
}  // namespace kiosk::test
