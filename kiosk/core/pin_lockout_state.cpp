#include "pin_lockout_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kiosk {

namespace {

std::optional<long long> parse_number(std::string_view text) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 0) return std::nullopt;
    return v;
}

}  // namespace

std::filesystem::path pin_lockout_file(const std::filesystem::path& state_dir) {
    return state_dir / "pin-lockout";
}

LoadedLockoutState load_pin_lockout(const std::filesystem::path& file) {
    LoadedLockoutState out;
    std::ifstream in(file);
    if (!in) {
        std::error_code ec;
        out.problem = std::filesystem::exists(file, ec) ? "cannot read " + file.string()
                                                        : "no saved lockout state in " + file.string();
        return out;
    }
    std::optional<long long> failures, until;
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        const size_t eq = line.find(" = ");
        const std::string key = eq == std::string::npos ? line : line.substr(0, eq);
        const auto value = eq == std::string::npos ? std::nullopt : parse_number(std::string_view(line).substr(eq + 3));
        if (key == "failures" && value && *value < 1000) {
            failures = value;
        } else if (key == "locked_until" && value) {
            until = value;
        } else {
            out.problem = file.string() + ":" + std::to_string(line_no) + ": not understood: '" + line + "'";
            return out;
        }
    }
    if (!failures || !until) {
        out.problem = file.string() + ": incomplete (needs failures and locked_until)";
        return out;
    }
    out.state.failures = static_cast<int>(*failures);
    if (*until > 0) out.state.locked_until = WallTime(std::chrono::seconds(*until));
    return out;
}

std::string save_pin_lockout(const std::filesystem::path& file, const PinLockoutState& state) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const long long until =
        state.locked_until
            // Rounded up: whole seconds must never shorten a lockout.
            ? std::chrono::ceil<std::chrono::seconds>(state.locked_until->time_since_epoch()).count()
            : 0;
    std::ostringstream text;
    text << "# Staff PIN lockout, kept by the kiosk across restarts. locked_until is Unix time (0 = not locked).\n"
         << "failures = " << state.failures << "\nlocked_until = " << until << "\n";
    const std::string body = text.str();
    const std::filesystem::path tmp = file.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return "cannot write " + tmp.string() + ": " + std::strerror(errno);
    const bool written = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!written) {
        std::filesystem::remove(tmp, ec);
        return "cannot write " + tmp.string() + ": " + std::strerror(saved_errno);
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::filesystem::remove(tmp, ec);
        return "cannot replace " + file.string() + ": " + why;
    }
    return {};
}

}  // namespace kiosk
