#include "web/login_throttle.h"

#include <algorithm>

namespace kiosk::web {

LoginThrottle::Verdict LoginThrottle::check(const std::string& client, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    const auto it = clients_.find(client);
    if (it == clients_.end() || now >= it->second.not_before) {
        // A lockout that has run out starts a fresh round of tries.
        if (it != clients_.end() && it->second.failures >= rules_.max_failures) clients_.erase(it);
        return {};
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(it->second.not_before - now);
    return {false, it->second.failures >= rules_.max_failures, wait};
}

int LoginThrottle::failed(const std::string& client, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    // Bound the table: an address flood cannot grow it without limit (drop the oldest-expiring).
    if (clients_.size() > 4096) {
        for (auto it = clients_.begin(); it != clients_.end();)
            it = (now >= it->second.not_before) ? clients_.erase(it) : std::next(it);
    }
    Record& r = clients_[client];
    ++r.failures;
    if (r.failures >= rules_.max_failures) {
        r.not_before = now + rules_.lockout;
    } else {
        auto delay = rules_.first_delay;
        for (int i = 1; i < r.failures && delay < rules_.max_delay; ++i) delay *= 2;
        r.not_before = now + std::min(delay, rules_.max_delay);
    }
    return r.failures;
}

void LoginThrottle::succeeded(const std::string& client) {
    const std::lock_guard lock(mutex_);
    clients_.erase(client);
}

}  // namespace kiosk::web
