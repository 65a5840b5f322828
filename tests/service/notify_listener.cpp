#include "service/notify_listener.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::test {

NotifyListener::NotifyListener(std::filesystem::path socket_path, bool world_writable) : path_(std::move(socket_path)) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path_.string().size() >= sizeof addr.sun_path) {
        error_ = "socket path too long: " + path_.string();
        return;
    }
    std::strncpy(addr.sun_path, path_.c_str(), sizeof addr.sun_path - 1);
    std::filesystem::remove(path_);
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        (world_writable && chmod(path_.c_str(), 0777) != 0)) {
        error_ = std::string("cannot bind ") + path_.string() + ": " + std::strerror(errno);
        if (fd_ >= 0) close(fd_);
        fd_ = -1;
    }
}

NotifyListener::~NotifyListener() {
    if (fd_ >= 0) close(fd_);
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

bool NotifyListener::receive_one(std::chrono::steady_clock::time_point deadline) {
    if (fd_ < 0) return false;
    const auto now = std::chrono::steady_clock::now();
    const auto left = deadline > now ? std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now)
                                     : std::chrono::milliseconds(0);
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[4096];
    const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    if (n < 0) return false;
    received_.push_back({std::chrono::steady_clock::now(), std::string(buffer, static_cast<std::size_t>(n))});
    return true;
}

bool NotifyListener::wait_for(const std::string& needle, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (receive_one(deadline)) {
        if (received_.back().text.find(needle) != std::string::npos) return true;
    }
    return false;
}

void NotifyListener::collect(std::chrono::milliseconds duration) {
    const auto deadline = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < deadline) receive_one(deadline);
}

std::vector<std::chrono::steady_clock::time_point> NotifyListener::times_of(const std::string& needle) const {
    std::vector<std::chrono::steady_clock::time_point> times;
    for (const NotifyMessage& m : received_) {
        if (m.text.find(needle) != std::string::npos) times.push_back(m.at);
    }
    return times;
}

}  // namespace kiosk::test
