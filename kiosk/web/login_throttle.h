// Wrong web passwords, counted per client address: after each failure the next try from that
// address must wait a doubling delay, and after `max_failures` the address is locked out for a
// while. A try that comes too early is refused without checking the password, so guessing costs
// time the attacker cannot parallelise from one address. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace kiosk::web {

struct LoginThrottleRules {
    std::chrono::milliseconds first_delay{1000};  // wait after the first failure; doubles after each
    std::chrono::milliseconds max_delay{30000};
    int max_failures = 5;  // then locked out
    std::chrono::seconds lockout{300};
};

class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;
    explicit LoginThrottle(LoginThrottleRules rules) : rules_(rules) {}

    struct Verdict {
        bool allowed = true;
        bool locked_out = false;
        std::chrono::milliseconds wait{0};  // how long until a try is allowed again
    };
    // May `client` try a password now?
    [[nodiscard]] Verdict check(const std::string& client, Clock::time_point now = Clock::now());
    // Records a wrong password; returns the failures counted so far (within the current lockout round).
    int failed(const std::string& client, Clock::time_point now = Clock::now());
    void succeeded(const std::string& client);
    [[nodiscard]] const LoginThrottleRules& rules() const { return rules_; }

private:
    struct Record {
        int failures = 0;
        Clock::time_point not_before{};
    };
    LoginThrottleRules rules_;
    std::mutex mutex_;
    std::map<std::string, Record> clients_;
};

}  // namespace kiosk::web
