// Logging in to the staff web page over a real socket: right and wrong passwords, the delay after
// a wrong one, the lockout per computer, and the page with no password set.
#include "server_fixture.h"
#include "support/process.h"

#include "web/login_throttle.h"

namespace kiosk::test {
namespace {

HttpCall login_call(const std::string& password, const std::string& source = "127.0.0.1") {
    HttpCall c;
    c.method = "POST";
    c.path = "/login";
    c.origin = "same";
    c.body = form_encode({{"password", password}});
    c.source = source;
    return c;
}

TEST(HttpLogin, RightPasswordGivesASessionAndTheSlidesPage) {
    WebServer s;
    const HttpReply r = http(s.port, login_call(kPassword));
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.header("location"), "/");
    const std::string id = session_id_of(r);
    ASSERT_FALSE(id.empty()) << "a right password sets the session cookie";
    HttpCall page;
    page.cookie = id;
    const HttpReply slides = http(s.port, page);
    EXPECT_EQ(slides.status, 200);
    EXPECT_NE(slides.body.find("slide list"), std::string::npos);
    EXPECT_NE(s.log().find("staff logged in from 127.0.0.1"), std::string::npos) << s.log();
}

TEST(HttpLogin, WrongPasswordIsRefusedAndTheNextTryMustWait) {
    WebServer s;
    const HttpReply wrong = http(s.port, login_call("not-the-password"));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_TRUE(session_id_of(wrong).empty());
    EXPECT_NE(wrong.body.find("Wrong password"), std::string::npos) << wrong.body;
    // At once, even the right password is refused without being checked: guessing costs time.
    const HttpReply early = http(s.port, login_call(kPassword));
    EXPECT_EQ(early.status, 429) << early.body;
    EXPECT_FALSE(early.header("retry-after").empty());
    EXPECT_TRUE(session_id_of(early).empty());
    // Once the delay has passed, the right password works.
    std::string id;
    EXPECT_TRUE(wait_until([&] { return !(id = session_id_of(http(s.port, login_call(kPassword)))).empty(); },
                           std::chrono::seconds(5)));
    EXPECT_NE(s.log().find("wrong web password from 127.0.0.1 (1 of 3)"), std::string::npos) << s.log();
}

TEST(HttpLogin, LockoutAfterThreeWrongTriesRefusesTheRightPasswordButNotAnotherComputer) {
    WebServer s;
    for (int i = 0; i < 3; ++i) {
        int status = 0;
        // Each try waits out the growing delay, as a patient attacker would.
        ASSERT_TRUE(
            wait_until([&] { return (status = http(s.port, login_call("guess-" + std::to_string(i))).status) != 429; },
                       std::chrono::seconds(10)));
        EXPECT_EQ(status, 401);
    }
    const HttpReply locked = http(s.port, login_call(kPassword));
    EXPECT_EQ(locked.status, 429);
    EXPECT_NE(locked.body.find("Too many wrong passwords"), std::string::npos) << locked.body;
    EXPECT_GE(std::atoi(locked.header("retry-after").c_str()), 20) << "the lockout lasts the configured 30 s";
    EXPECT_NE(s.log().find("locked out"), std::string::npos) << s.log();
    // The lockout is per client address: the desk PC next door (127.0.0.2) still logs in.
    EXPECT_FALSE(s.login("127.0.0.2").empty());
}

TEST(HttpLogin, EmptyPasswordHashRefusesEveryLoginAndThePageSaysHowToSetOne) {
    auto options = WebServer::default_options();
    options.password_hash.clear();
    WebServer s(options);
    HttpCall get;
    get.path = "/login";
    const HttpReply page = http(s.port, get);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("kiosk hash-pin --web"), std::string::npos) << page.body;
    EXPECT_EQ(page.body.find("type=\"password\""), std::string::npos) << "no password field when none can work";
    for (const std::string& attempt : {std::string(kPassword), std::string(), std::string("x")}) {
        const HttpReply r = http(s.port, login_call(attempt));
        EXPECT_EQ(r.status, 403);
        EXPECT_TRUE(session_id_of(r).empty());
    }
}

TEST(HttpLogin, MalformedPasswordHashRefusesEveryLogin) {
    auto options = WebServer::default_options();
    options.password_hash = password_hash().substr(0, 20);  // truncated while pasting
    WebServer s(options);
    const HttpReply r = http(s.port, login_call(kPassword));
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("not a valid hash"), std::string::npos) << r.body;
}

// The doubling delay itself, on the throttle's own clock (no waiting).
TEST(LoginThrottle, DelayDoublesPerFailureThenLocksOutAndExpires) {
    web::LoginThrottleRules rules;
    rules.first_delay = std::chrono::milliseconds(1000);
    rules.max_delay = std::chrono::milliseconds(30000);
    rules.max_failures = 4;
    rules.lockout = std::chrono::seconds(300);
    web::LoginThrottle t(rules);
    auto now = web::LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
    std::vector<long long> waits;
    for (int i = 0; i < 3; ++i) {
        t.failed("10.0.0.5", now);
        waits.push_back(t.check("10.0.0.5", now).wait.count());
        now += t.check("10.0.0.5", now).wait;
        EXPECT_TRUE(t.check("10.0.0.5", now).allowed);
    }
    EXPECT_EQ(waits, (std::vector<long long>{1000, 2000, 4000}));
    t.failed("10.0.0.5", now);
    const auto locked = t.check("10.0.0.5", now);
    EXPECT_FALSE(locked.allowed);
    EXPECT_TRUE(locked.locked_out);
    EXPECT_EQ(locked.wait.count(), 300000);
    EXPECT_TRUE(t.check("10.0.0.6", now).allowed) << "another address is not affected";
    now += std::chrono::seconds(300);
    EXPECT_TRUE(t.check("10.0.0.5", now).allowed);
    t.failed("10.0.0.5", now);
    EXPECT_EQ(t.check("10.0.0.5", now).wait.count(), 1000) << "after a lockout a fresh round starts";
}

}  // namespace
}  // namespace kiosk::test
