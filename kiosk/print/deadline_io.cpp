#include "deadline_io.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>

namespace kiosk {

namespace {

using std::chrono::milliseconds;

int ms_left(SteadyTime deadline) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::clamp<long long>(left.count(), 0, 60'000));
}

std::string errno_text(int err) { return std::strerror(err); }

bool is_closed_errno(int err) { return err == EPIPE || err == ECONNRESET || err == ENOTCONN || err == ESHUTDOWN; }

// Waits until `fd` is ready for `events`; returns false at the deadline.
IoResult wait_for(int fd, short events, SteadyTime deadline) {
    for (;;) {
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, ms_left(deadline));
        if (r > 0) return {};
        if (r == 0) return {IoStatus::TimedOut, "timed out", 0};
        if (errno != EINTR) return {IoStatus::Failed, errno_text(errno), 0};
    }
}

bool is_socket(int fd) {
    struct stat st {};
    return ::fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

struct AddrinfoDeleter {
    void operator()(addrinfo* a) const { ::freeaddrinfo(a); }
};

}  // namespace

ConnectResult connect_tcp(const std::string& host, int port, SteadyTime deadline) {
    const std::string where = host + ":" + std::to_string(port);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* raw = nullptr;
    if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &raw); rc != 0) {
        return {UniqueFd{}, {IoStatus::Failed, "cannot find " + host + ": " + ::gai_strerror(rc), 0}};
    }
    const std::unique_ptr<addrinfo, AddrinfoDeleter> list(raw);
    IoResult last{IoStatus::Failed, "no address for " + host, 0};
    for (const addrinfo* a = list.get(); a != nullptr; a = a->ai_next) {
        UniqueFd fd(::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol));
        if (!fd) {
            last = {IoStatus::Failed, errno_text(errno), 0};
            continue;
        }
        if (::connect(fd.get(), a->ai_addr, a->ai_addrlen) != 0) {
            if (errno != EINPROGRESS) {
                const int err = errno;
                last = {err == ECONNREFUSED ? IoStatus::Closed : IoStatus::Failed,
                        err == ECONNREFUSED ? "connection refused by " + where : errno_text(err) + " (" + where + ")", 0};
                continue;
            }
            if (IoResult w = wait_for(fd.get(), POLLOUT, deadline); !w.ok()) {
                last = {w.status, w.status == IoStatus::TimedOut ? "no answer from " + where : w.detail, 0};
                continue;
            }
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0) {
                last = {err == ECONNREFUSED ? IoStatus::Closed : IoStatus::Failed,
                        err == ECONNREFUSED ? "connection refused by " + where : errno_text(err) + " (" + where + ")", 0};
                continue;
            }
        }
        return {std::move(fd), {}};
    }
    return {UniqueFd{}, last};
}

ConnectResult open_device(const std::string& path) {
    // No O_CREAT: a missing /dev/usb/lp0 means the printer is unplugged, not "make a file".
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!fd) return {UniqueFd{}, {IoStatus::Failed, "cannot open " + path + ": " + errno_text(errno), 0}};
    return {std::move(fd), {}};
}

IoResult write_all(int fd, const std::uint8_t* data, size_t size, SteadyTime deadline) {
    const bool sock = is_socket(fd);
    size_t done = 0;
    while (done < size) {
        const ssize_t n = sock ? ::send(fd, data + done, size - done, MSG_NOSIGNAL)
                               : ::write(fd, data + done, size - done);
        if (n > 0) {
            done += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (IoResult w = wait_for(fd, POLLOUT, deadline); !w.ok()) {
                w.transferred = done;
                if (w.status == IoStatus::TimedOut) w.detail = "the printer stopped taking data";
                return w;
            }
            continue;
        }
        const int err = n < 0 ? errno : EIO;
        return {is_closed_errno(err) ? IoStatus::Closed : IoStatus::Failed, errno_text(err), done};
    }
    return {IoStatus::Ok, {}, done};
}

IoResult write_all(int fd, const std::vector<std::uint8_t>& data, SteadyTime deadline) {
    return write_all(fd, data.data(), data.size(), deadline);
}

IoResult read_exact(int fd, std::uint8_t* out, size_t size, SteadyTime deadline) {
    size_t done = 0;
    while (done < size) {
        if (IoResult w = wait_for(fd, POLLIN, deadline); !w.ok()) {
            w.transferred = done;
            return w;
        }
        const ssize_t n = ::read(fd, out + done, size - done);
        if (n > 0) {
            done += static_cast<size_t>(n);
        } else if (n == 0) {
            return {IoStatus::Closed, "connection closed by the printer", done};
        } else if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
            const int err = errno;
            return {is_closed_errno(err) ? IoStatus::Closed : IoStatus::Failed, errno_text(err), done};
        }
    }
    return {IoStatus::Ok, {}, done};
}

void drain_input(int fd) {
    std::uint8_t buf[256];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0 || (p.revents & POLLIN) == 0) return;
        if (::read(fd, buf, sizeof buf) <= 0) return;
    }
}

}  // namespace kiosk
