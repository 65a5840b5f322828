#include "escpos_listener.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace kiosk::test {

EscposListener::EscposListener(ListenerMode mode, int receive_buffer) : mode_(mode) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // Inherited by accepted sockets: a small buffer makes "never reads" fill up quickly.
    if (receive_buffer > 0) ::setsockopt(listen_fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 4) != 0) {
        throw std::runtime_error("listener: cannot bind 127.0.0.1");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    if (::pipe2(wake_, O_CLOEXEC) != 0) throw std::runtime_error("listener: pipe");
    thread_ = std::thread([this] { run(); });
}

EscposListener::~EscposListener() {
    const char x = 'x';
    (void)!::write(wake_[1], &x, 1);
    thread_.join();
    ::close(listen_fd_);
    ::close(wake_[0]);
    ::close(wake_[1]);
}

std::vector<std::uint8_t> EscposListener::received() const {
    const std::lock_guard lock(mutex_);
    return received_;
}

std::uint8_t EscposListener::answer(int n) const {
    // Bits 1 and 4 are always set in a status byte.
    constexpr std::uint8_t kBase = 0x12;
    switch (mode_.load()) {
        case ListenerMode::NearEnd: return n == 4 ? kBase | 0x0C : kBase;
        case ListenerMode::PaperOut: return n == 4 ? kBase | 0x60 : kBase | 0x20;
        case ListenerMode::CoverOpen: return n == 2 ? kBase | 0x04 : kBase;
        default: return kBase;
    }
}

void EscposListener::run() {
    for (;;) {
        pollfd p[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (::poll(p, 2, -1) < 0) continue;
        if (p[1].revents != 0) return;
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        ++connections_;
        serve(fd);
    }
}

void EscposListener::serve(int fd) {
    std::vector<std::uint8_t> conn;  // this connection's bytes, to find DLE EOT across reads
    size_t scanned = 0;
    size_t slip_bytes = 0;
    for (;;) {
        pollfd p[2] = {{fd, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        // NeverRead: only watch for the end of the test, never the client's data.
        const nfds_t first = mode_ == ListenerMode::NeverRead ? 1 : 0;
        if (::poll(p + first, 2 - first, -1) < 0) continue;
        if (p[1].revents != 0) break;
        std::uint8_t buf[4096];
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        conn.insert(conn.end(), buf, buf + n);
        {
            const std::lock_guard lock(mutex_);
            received_.insert(received_.end(), buf, buf + n);
        }
        bool reset = false;
        while (scanned < conn.size()) {
            if (conn[scanned] == 0x10) {
                if (scanned + 3 > conn.size()) break;  // wait for the rest of the request
                if (conn[scanned + 1] == 0x04) {
                    const int req = conn[scanned + 2];
                    scanned += 3;
                    if (mode_ == ListenerMode::Silent) continue;
                    if (mode_ == ListenerMode::ResetMidSlip && slip_bytes > 0) {
                        reset = true;
                        break;
                    }
                    const std::uint8_t a = answer(req);
                    (void)!::write(fd, &a, 1);
                    continue;
                }
            }
            // GS ( H pL pH 48 48 d1 d2 d3 d4: process ID response, answered in order.
            if (conn[scanned] == 0x1D && scanned + 2 < conn.size() && conn[scanned + 1] == '(' &&
                conn[scanned + 2] == 'H') {
                if (scanned + 11 > conn.size()) break;  // wait for the rest of the request
                if (conn[scanned + 5] == 48 && conn[scanned + 6] == 48) {
                    ++process_id_requests_;
                    if (answers_process_id_ && mode_ != ListenerMode::Silent) {
                        if (const int ms = process_delay_ms_.load(); ms > 0) ::poll(nullptr, 0, ms);
                        const std::uint8_t a[7] = {0x37, 0x22, conn[scanned + 7], conn[scanned + 8], conn[scanned + 9],
                                                   conn[scanned + 10], 0x00};
                        (void)!::write(fd, a, sizeof a);
                    }
                    scanned += 11;
                    continue;
                }
            }
            ++scanned;
            ++slip_bytes;
            if (mode_ == ListenerMode::ResetMidSlip && slip_bytes >= 20) {
                reset = true;
                break;
            }
        }
        if (reset) {
            // SO_LINGER 0: close() sends RST instead of FIN, like a printer that reboots.
            const linger l{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            break;
        }
    }
    ::close(fd);
}

}  // namespace kiosk::test
