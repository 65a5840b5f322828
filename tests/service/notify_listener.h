// Plays systemd's side of sd_notify(3) in a test: a unix datagram socket that a program finds
// through NOTIFY_SOCKET, and every message it sends, with the time it arrived.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::test {

struct NotifyMessage {
    std::chrono::steady_clock::time_point at;
    std::string text;  // e.g. "READY=1\nSTATUS=Showing 7 slides" or "WATCHDOG=1"
};

class NotifyListener {
public:
    // Binds `socket_path` (replacing a stale file). `world_writable` lets a program running as
    // another user (the kiosk under cage as nobody) send to it.
    explicit NotifyListener(std::filesystem::path socket_path, bool world_writable = false);
    ~NotifyListener();
    NotifyListener(const NotifyListener&) = delete;
    NotifyListener& operator=(const NotifyListener&) = delete;

    [[nodiscard]] bool ok() const { return fd_ >= 0; }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // Waits up to `timeout` for the next message that contains `needle` (earlier ones are kept in
    // received()). True when it came.
    bool wait_for(const std::string& needle, std::chrono::milliseconds timeout);
    // Receives whatever arrives during `duration`.
    void collect(std::chrono::milliseconds duration);
    // Every message so far, oldest first; clear() forgets them.
    [[nodiscard]] const std::vector<NotifyMessage>& received() const { return received_; }
    void clear() { received_.clear(); }
    // Arrival times of the messages that contain `needle`.
    [[nodiscard]] std::vector<std::chrono::steady_clock::time_point> times_of(const std::string& needle) const;

private:
    // Receives at most one message, waiting until `deadline`. False on timeout.
    bool receive_one(std::chrono::steady_clock::time_point deadline);

    std::filesystem::path path_;
    int fd_ = -1;
    std::string error_;
    std::vector<NotifyMessage> received_;
};

}  // namespace kiosk::test
