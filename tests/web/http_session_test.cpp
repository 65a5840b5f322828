// Sessions and CSRF over a real socket: every page but /login and /static needs a session, the
// cookie's attributes, logout and idle expiry end it on the server, and a POST needs the session's
// token and a same-origin Origin before any handler sees it.
#include "server_fixture.h"
#include "support/process.h"

#include <regex>
#include <thread>

namespace kiosk::test {
namespace {

TEST(HttpSession, RequiredForEveryPageButLoginAndStatic) {
    WebServer s;
    HttpCall get;
    const HttpReply home = http(s.port, get);
    EXPECT_EQ(home.status, 303);
    EXPECT_EQ(home.header("location"), "/login");
    get.cookie = std::string(64, 'a');  // a made-up session id
    EXPECT_EQ(http(s.port, get).status, 303);
    HttpCall post;
    post.method = "POST";
    post.path = "/echo";
    post.origin = "same";
    post.body = form_encode({{"title", "x"}, {"csrf", "y"}});
    EXPECT_EQ(http(s.port, post).status, 403);
    get.cookie.clear();
    get.path = "/login";
    EXPECT_EQ(http(s.port, get).status, 200);
    get.path = "/static/kiosk.css";
    const HttpReply css = http(s.port, get);
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("content-type").rfind("text/css", 0), 0u);
    EXPECT_NE(css.body.find("--accent"), std::string::npos) << "the stylesheet is served from the binary";
    get.path = "/static/kiosk.js";
    EXPECT_NE(http(s.port, get).body.find("X-CSRF-Token"), std::string::npos);
    EXPECT_EQ(s.calls, 0) << "no handler ran without a session";
}

TEST(HttpSession, CookieIsRandomHttpOnlySameSiteStrictAndNotSecureOnPlainHttp) {
    WebServer s;
    HttpCall c;
    c.method = "POST";
    c.path = "/login";
    c.origin = "same";
    c.body = form_encode({{"password", kPassword}});
    const HttpReply r = http(s.port, c);
    const std::string cookie = r.header("set-cookie");
    EXPECT_TRUE(std::regex_match(session_id_of(r), std::regex("[0-9a-f]{64}"))) << cookie << ": 256 random bits";
    EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "Secure only under TLS (see HttpTls)";
    EXPECT_NE(s.login(), session_id_of(r)) << "each login gets a new id";
}

TEST(HttpSession, LogoutEndsTheSessionOnTheServer) {
    WebServer s;
    const std::string id = s.login();
    const std::string csrf = s.csrf_of(id);
    ASSERT_EQ(csrf.size(), 64u);
    HttpCall out;
    out.method = "POST";
    out.path = "/logout";
    out.cookie = id;
    out.origin = "same";
    out.body = form_encode({{"csrf", csrf}});
    const HttpReply r = http(s.port, out);
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.header("location"), "/login");
    EXPECT_NE(r.header("set-cookie").find("Max-Age=0"), std::string::npos);
    // The old cookie, replayed (as by someone who copied it), no longer opens anything.
    HttpCall again;
    again.cookie = id;
    EXPECT_EQ(http(s.port, again).status, 303);
}

TEST(HttpSession, EndsAfterIdling) {
    auto options = WebServer::default_options();
    options.session_idle = std::chrono::seconds(1);
    WebServer s(options);
    const std::string id = s.login();
    HttpCall get;
    get.cookie = id;
    EXPECT_EQ(http(s.port, get).status, 200);
    // Idle means no request at all, so this waits without polling (every request would refresh it).
    std::this_thread::sleep_for(std::chrono::milliseconds(1600));
    const HttpReply after = http(s.port, get);
    EXPECT_EQ(after.status, 303) << "an idle session ends";
    EXPECT_EQ(after.header("location"), "/login");
}

TEST(HttpCsrf, PostNeedsTheSessionsTokenAndSameOrigin) {
    WebServer s;
    const std::string id = s.login();
    const std::string csrf = s.csrf_of(id);
    const int calls_before = s.calls;
    HttpCall post;
    post.method = "POST";
    post.path = "/echo";
    post.cookie = id;
    post.origin = "same";
    post.body = form_encode({{"title", "New title"}});
    EXPECT_EQ(http(s.port, post).status, 403) << "no token";
    post.body = form_encode({{"title", "New title"}, {"csrf", std::string(64, '0')}});
    EXPECT_EQ(http(s.port, post).status, 403) << "wrong token";
    post.body = form_encode({{"title", "New title"}, {"csrf", s.csrf_of(s.login())}});
    EXPECT_EQ(http(s.port, post).status, 403) << "another session's token";
    post.body = form_encode({{"title", "New title"}, {"csrf", csrf}});
    post.origin = "http://evil.example";
    EXPECT_EQ(http(s.port, post).status, 403) << "right token from another site";
    post.origin = "";
    EXPECT_EQ(http(s.port, post).status, 403) << "neither Origin nor Referer";
    post.headers["Referer"] = "http://127.0.0.1:" + std::to_string(s.port) + ".evil.example/";
    EXPECT_EQ(http(s.port, post).status, 403) << "a Referer that only starts like ours";
    EXPECT_EQ(s.calls, calls_before + 1) << "none of the refused POSTs reached the handler (csrf_of's GET did)";

    post.headers["Referer"] = "http://127.0.0.1:" + std::to_string(s.port) + "/slide";
    HttpReply ok = http(s.port, post);
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.body, "saved New title");
    post.headers.clear();
    post.origin = "same";
    post.body = form_encode({{"title", "From fetch"}});
    post.headers["X-CSRF-Token"] = csrf;
    ok = http(s.port, post);
    EXPECT_EQ(ok.status, 200) << "fetch() sends the token as a header";
    EXPECT_EQ(ok.body, "saved From fetch");
}

TEST(HttpCsrf, LoginFromAnotherSiteIsRefused) {
    WebServer s;
    HttpCall c;
    c.method = "POST";
    c.path = "/login";
    c.origin = "http://evil.example";
    c.body = form_encode({{"password", kPassword}});
    const HttpReply r = http(s.port, c);
    EXPECT_EQ(r.status, 403);
    EXPECT_TRUE(session_id_of(r).empty());
}

}  // namespace
}  // namespace kiosk::test
