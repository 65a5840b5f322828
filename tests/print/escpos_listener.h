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
    // The printer's condition changes, e.g. PaperOut → Ok when staff refill the paper. Applies to
    // the next status request.
    void set_mode(ListenerMode mode) { mode_.store(mode); }
    // GS ( H (process ID response): a printer that knows it answers 37 22 d1..d4 00 once the data
    // before it has printed (here: once it has arrived, after `process_delay`); one that does not
    // know it ignores it. On by default, like current Epson-compatible models; never in Silent.
    void set_answers_process_id(bool answers) { answers_process_id_.store(answers); }
    void set_process_delay_ms(int ms) { process_delay_ms_.store(ms); }
    // Process ID requests seen, answered or not.
    [[nodiscard]] int process_id_requests() const { return process_id_requests_.load(); }

private:
    void run();
    void serve(int fd);
    std::uint8_t answer(int n) const;

    std::atomic<ListenerMode> mode_;
    int listen_fd_ = -1;
    int wake_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<int> connections_{0};
    std::atomic<bool> answers_process_id_{true};
    std::atomic<int> process_delay_ms_{0};
    std::atomic<int> process_id_requests_{0};
    mutable std::mutex mutex_;
    std::vector<std::uint8_t> received_;
    std::thread thread_;
};

}  // namespace kiosk::test
