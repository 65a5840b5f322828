#include "web/kiosk_link.h"

#include "core/control_protocol.h"
#include "core/unique_fd.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kiosk::web {

namespace {

constexpr std::size_t kMaxAnswer = 64u * 1024 * 1024;  // a 4K screenshot PNG is far below this

}  // namespace

KioskAnswer ask_kiosk(const std::filesystem::path& state_dir, const std::string& request, int timeout_ms) {
    KioskAnswer a;
    const std::filesystem::path sock = state_dir / control::kSocketName;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (sock.string().size() >= sizeof addr.sun_path) {
        a.error = "the kiosk's control socket path is too long";
        return a;
    }
    std::strncpy(addr.sun_path, sock.c_str(), sizeof addr.sun_path - 1);
    const UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd || ::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        a.error = (errno == ENOENT || errno == ECONNREFUSED)
                      ? "the kiosk is not running"
                      : std::string("cannot reach the kiosk: ") + std::strerror(errno);
        return a;
    }
    const std::string line = request + "\n";
    if (::send(fd.get(), line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size())) {
        a.error = "cannot send to the kiosk";
        return a;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::string data;
    std::optional<control::AnswerHeader> header;
    std::size_t body_start = 0;
    for (;;) {
        if (!header) {
            if (const auto nl = data.find('\n'); nl != std::string::npos) {
                header = control::parse_answer_header(std::string_view(data).substr(0, nl));
                if (!header) {
                    a.error = "the kiosk's answer makes no sense";
                    return a;
                }
                if (!header->ok) {
                    a.error = "the kiosk says: " + header->error;
                    return a;
                }
                if (header->length > kMaxAnswer) {
                    a.error = "the kiosk's answer is too big";
                    return a;
                }
                body_start = nl + 1;
            }
        }
        if (header && data.size() - body_start >= header->length) break;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{fd.get(), POLLIN, 0};
        if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            a.error = "the kiosk did not answer in time";
            return a;
        }
        char buf[65536];
        const ssize_t n = ::recv(fd.get(), buf, sizeof buf, 0);
        if (n <= 0) {
            a.error = "the kiosk closed the connection early";
            return a;
        }
        data.append(buf, static_cast<std::size_t>(n));
    }
    a.ok = true;
    a.media_type = header->media_type;
    a.bytes = data.substr(body_start, header->length);
    return a;
}

std::optional<json::Value> read_status(const std::filesystem::path& state_dir) {
    std::ifstream in(state_dir / "status.json", std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return json::parse(s.str());
}

std::pair<int, int> png_size(const std::string& png) {
    if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
    const auto be = [&png](std::size_t at) {
        int v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be(16), be(20)};
}

}  // namespace kiosk::web
