// Test-only: a fake ESC/POS printer on a real TCP socket on 127.0.0.1, with a thread. It records
// every byte and answers DLE EOT the way a printer in the chosen condition would.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::test {

enum class ListenerMode {
    Ok,            // answers "all fine"
    NearEnd,       // paper near end: still prints
    PaperOut,      // paper end: a kiosk must not send the slip
    CoverOpen,
    Silent,        // reads everything, never answers a status request
    ResetMidSlip,  // answers the first status, then resets the connection once slip data arrives
    NeverRead,     // accepts and never reads a byte
};

class EscposListener {
public:
    explicit EscposListener(ListenerMode mode, int receive_buffer = 0);
    ~EscposListener();
    EscposListener(const EscposListener&) = delete;
    EscposListener& operator=(const EscposListener&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::vector<std::uint8_t> received() const;
    [[nodiscard]] int connections() const { return connections_.load(); }
    // A printer whose condition changes while the kiosk runs (paper out, then refilled).
    void set_mode(ListenerMode mode) { mode_.store(mode); }

private:
    void run();
    void serve(int fd);
    std::uint8_t answer(int n) const;

    std::atomic<ListenerMode> mode_;
    int listen_fd_ = -1;
    int wake_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<int> connections_{0};
    mutable std::mutex mutex_;
    std::vector<std::uint8_t> received_;
    std::thread thread_;
};

}  // namespace kiosk::test
