// Starting and stopping the real programs a test needs (Xvfb, cupsd, ippeveprinter, the kiosk).
// Every child is stopped by its own PID when the ChildProcess goes out of scope.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace kiosk::test {

class ChildProcess {
public:
    ChildProcess() = default;
    // Starts argv[0] (looked up in PATH) with the current environment plus `extra_env`.
    // stdout and stderr go to `log_file` when given, else to /dev/null.
    ChildProcess(std::vector<std::string> argv, std::map<std::string, std::string> extra_env = {},
                 std::string log_file = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;

    [[nodiscard]] int pid() const { return pid_; }
    [[nodiscard]] bool running();
    // SIGTERM, then SIGKILL after `grace`. Returns the exit status (as from waitpid) or -1.
    int stop(std::chrono::milliseconds grace = std::chrono::milliseconds(3000));
    // Waits for the child to exit by itself; returns its exit code, or -1 on timeout/signal.
    int wait(std::chrono::milliseconds timeout);

private:
    int pid_ = -1;
    int status_ = -1;
};

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr interleaved
};
// Runs a command to completion (killed after `timeout`), capturing its output.
CommandResult run_command(const std::vector<std::string>& argv, std::map<std::string, std::string> extra_env = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_loopback_port();
// Polls until something accepts connections on 127.0.0.1:port.
bool wait_for_port(int port, std::chrono::milliseconds timeout);
// Polls `predicate` every 50 ms until it returns true or `timeout` passes.
template <typename Pred>
bool wait_until(Pred predicate, std::chrono::milliseconds timeout);

// Whether an executable is on PATH (tests that need a missing tool FAIL, they are not skipped:
// the README's test command installs every tool).
bool have_program(const std::string& name);

}  // namespace kiosk::test

#include <thread>
template <typename Pred>
bool kiosk::test::wait_until(Pred predicate, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return predicate();
}
