#include "web/session_store.h"

#include "web/random_token.h"

#include <algorithm>

namespace kiosk::web {

SessionStore::Session SessionStore::create(Clock::time_point now) {
    Session s{random_hex_token(32), random_hex_token(32)};
    const std::lock_guard lock(mutex_);
    for (auto it = sessions_.begin(); it != sessions_.end();) {
        it = (now - it->second.last_used > idle_limit_) ? sessions_.erase(it) : std::next(it);
    }
    while (!sessions_.empty() && sessions_.size() >= max_sessions_) {
        const auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
            return a.second.last_used < b.second.last_used;
        });
        sessions_.erase(oldest);
    }
    sessions_[s.id] = Entry{s.csrf, now};
    return s;
}

std::optional<SessionStore::Session> SessionStore::touch(const std::string& id, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    if (now - it->second.last_used > idle_limit_) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.last_used = now;
    return Session{id, it->second.csrf};
}

void SessionStore::end(const std::string& id) {
    const std::lock_guard lock(mutex_);
    sessions_.erase(id);
}

std::size_t SessionStore::size() const {
    const std::lock_guard lock(mutex_);
    return sessions_.size();
}

}  // namespace kiosk::web
