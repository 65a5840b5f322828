// `kiosk screenshot FILE.png`: asks the running kiosk, over its control socket, for exactly the
// frame on screen now. The kiosk sends the PNG bytes; this command writes the file as the user
// who asked, so the kiosk never writes where someone else points it.
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/state_dir.h"
#include "core/control_protocol.h"
#include "core/unique_fd.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr int kTimeoutMs = 10000;  // the kiosk answers after its next frame; generous for a busy box

bool read_some(int fd, std::string& into) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, kTimeoutMs) <= 0) return false;
    char buf[65536];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    into.append(buf, static_cast<std::size_t>(n));
    return true;
}

}  // namespace

int screenshot_command(const Args& args, Io io) {
    ArgParser p({"config", "state-dir"}, {});
    if (!p.parse(args) || p.positional().size() != 1) {
        io.err << "kiosk screenshot: " << (p.error().empty() ? "give one output file" : p.error())
               << "\nUsage: kiosk screenshot FILE.png [--config FILE] [--state-dir DIR]\n";
        return kExitUsage;
    }
    const std::string out_file = p.positional()[0];
    const std::filesystem::path sock = state_dir_for(p.value("state-dir"), p.value("config")) / control::kSocketName;

    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, sock.c_str(), sizeof addr.sun_path - 1);
    const UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd || ::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        const int e = errno;
        if (e == ENOENT || e == ECONNREFUSED) {
            io.err << "kiosk screenshot: the kiosk is not running (nothing answers on " << sock.string() << ")\n";
        } else {
            io.err << "kiosk screenshot: cannot reach the kiosk at " << sock.string() << ": " << std::strerror(e)
                   << (e == EACCES ? " (run as root or as a member of the kiosk group)" : "") << '\n';
        }
        return kExitFailure;
    }
    const std::string request = "screenshot\n";
    if (::send(fd.get(), request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
        io.err << "kiosk screenshot: cannot send the request: " << std::strerror(errno) << '\n';
        return kExitFailure;
    }
    std::string data;
    while (data.find('\n') == std::string::npos) {
        if (!read_some(fd.get(), data)) {
            io.err << "kiosk screenshot: the kiosk did not answer within " << kTimeoutMs / 1000 << " s\n";
            return kExitFailure;
        }
    }
    const auto nl = data.find('\n');
    const auto header = control::parse_answer_header(std::string_view(data).substr(0, nl));
    if (!header) {
        io.err << "kiosk screenshot: the kiosk's answer makes no sense: "
               << data.substr(0, std::min<std::size_t>(nl, 80)) << '\n';
        return kExitFailure;
    }
    if (!header->ok) {
        io.err << "kiosk screenshot: the kiosk says: " << header->error << '\n';
        return kExitFailure;
    }
    data.erase(0, nl + 1);
    while (data.size() < header->length) {
        if (!read_some(fd.get(), data)) {
            io.err << "kiosk screenshot: the picture was cut off after " << data.size() << " of " << header->length
                   << " bytes\n";
            return kExitFailure;
        }
    }
    std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(header->length));
    out.close();
    if (!out) {
        io.err << "kiosk screenshot: cannot write " << out_file << '\n';
        return kExitFailure;
    }
    io.out << "kiosk screenshot: wrote " << out_file << " (" << header->length << " bytes)\n";
    return kExitOk;
}

}  // namespace kiosk::cli
