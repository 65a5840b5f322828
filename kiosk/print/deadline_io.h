// Blocking-looking I/O that can never block forever: every call polls a non-blocking descriptor
// until a deadline. A printer that accepts a connection and then stops reading (or never answers
// a status request) costs the print worker a bounded wait, not the kiosk.
#pragma once

#include "core/unique_fd.h"

#include "core/clock.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

enum class IoStatus {
    Ok,
    TimedOut,   // the deadline passed first
    Closed,     // the peer closed or reset the connection
    Failed,     // any other error; `detail` has strerror
};

struct IoResult {
    IoStatus status = IoStatus::Ok;
    std::string detail;
    size_t transferred = 0;
    [[nodiscard]] bool ok() const { return status == IoStatus::Ok; }
};

struct ConnectResult {
    UniqueFd fd;
    IoResult result;
};

// A non-blocking TCP connection to host:port (a name or an address), or why not:
// "connection refused by 127.0.0.1:9100", "no answer from ... within 3 s".
[[nodiscard]] ConnectResult connect_tcp(const std::string& host, int port, SteadyTime deadline);

// Opens a device (or any) file for writing without blocking and without creating it.
[[nodiscard]] ConnectResult open_device(const std::string& path);

// Writes all of `data`; sockets use MSG_NOSIGNAL so a reset peer is an error, not SIGPIPE.
[[nodiscard]] IoResult write_all(int fd, const std::uint8_t* data, size_t size, SteadyTime deadline);
[[nodiscard]] IoResult write_all(int fd, const std::vector<std::uint8_t>& data, SteadyTime deadline);

// Reads exactly `size` bytes into `out`.
[[nodiscard]] IoResult read_exact(int fd, std::uint8_t* out, size_t size, SteadyTime deadline);

// Reads and throws away whatever has already arrived (stale status bytes), without waiting.
void drain_input(int fd);

}  // namespace kiosk
