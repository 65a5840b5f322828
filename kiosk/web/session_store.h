// Logged-in staff sessions, kept only in the server's memory: logging out or idling past the limit
// ends a session here, so a copied cookie is worth nothing afterwards. Thread-safe (MHD serves each
// connection on its own thread).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk::web {

class SessionStore {
public:
    using Clock = std::chrono::steady_clock;

    SessionStore(std::chrono::seconds idle_limit, std::size_t max_sessions = 64)
        : idle_limit_(idle_limit), max_sessions_(max_sessions) {}

    struct Session {
        std::string id;    // the cookie's value (256 random bits)
        std::string csrf;  // this session's CSRF token (256 random bits)
    };
    // A new session with fresh random id and token. The oldest is dropped when the store is full.
    Session create(Clock::time_point now = Clock::now());
    // The session for a cookie value, refreshed to `now`; nullopt when unknown or idle too long
    // (an expired one is erased).
    std::optional<Session> touch(const std::string& id, Clock::time_point now = Clock::now());
    void end(const std::string& id);
    [[nodiscard]] std::size_t size() const;

private:
    struct Entry {
        std::string csrf;
        Clock::time_point last_used;
    };
    std::chrono::seconds idle_limit_;
    std::size_t max_sessions_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry> sessions_;
};

}  // namespace kiosk::web
