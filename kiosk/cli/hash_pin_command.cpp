// `kiosk hash-pin`: turns a staff PIN into the salted hash that goes into kiosk.toml, so the PIN
// itself is never stored on the kiosk.
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "core/pin_lock.h"
#include "core/web_password.h"

#include <string.h>  // explicit_bzero
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>
#include <ostream>
#include <string>

namespace kiosk::cli {
namespace {

// Turns terminal echo off for its lifetime, so the PIN is not shown while typed.
class EchoOff {
public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (::tcgetattr(fd_, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

void wipe(std::string& s) {
    explicit_bzero(s.data(), s.size());
    s.clear();
}

std::optional<std::string> read_line(std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::optional<std::string> prompt_hidden(const char* prompt, std::ostream& err) {
    err << prompt << std::flush;
    std::optional<std::string> line;
    {
        const EchoOff echo_off(STDIN_FILENO);
        line = read_line(std::cin);
    }
    err << '\n';
    return line;
}

}  // namespace

int hash_pin_command(const Args& args, Io io) {
    ArgParser parser({"pin"}, {"web"});
    if (!parser.parse(args) || !parser.positional().empty()) {
        io.err << "kiosk hash-pin: " << (parser.error().empty() ? "unexpected argument" : parser.error())
               << "\nUsage: kiosk hash-pin [--web] [--pin PIN]   (without --pin the PIN is read from stdin;\n"
                  "       --web: a password of 8 or more characters for the staff web page)\n";
        return kExitUsage;
    }

    // --web: the same hash format for [web] password_hash, but of a password rather than a PIN.
    const bool web = parser.flag("web");
    std::string pin;
    if (const auto given = parser.value("pin")) {
        pin = *given;
        io.err << "note: a PIN typed on the command line may stay in the shell history; "
                  "run 'kiosk hash-pin' without --pin to be asked for it instead\n";
    } else if (::isatty(STDIN_FILENO)) {
        auto first =
            prompt_hidden(web ? "Web page password (8 or more characters): " : "Staff PIN (4 to 8 digits): ", io.err);
        auto second = first ? prompt_hidden("Type it again: ", io.err) : std::nullopt;
        if (!first || !second) {
            io.err << "kiosk hash-pin: no PIN was entered\n";
            return kExitFailure;
        }
        const bool same = *first == *second;
        pin = *first;
        wipe(*first);
        wipe(*second);
        if (!same) {
            wipe(pin);
            io.err << "kiosk hash-pin: the two PINs differ; nothing was changed\n";
            return kExitFailure;
        }
    } else {
        auto line = read_line(std::cin);
        if (!line) {
            io.err << "kiosk hash-pin: no PIN on standard input\n";
            return kExitFailure;
        }
        pin = *line;
        wipe(*line);
    }

    if (const auto problem = web ? validate_web_password(pin) : validate_pin(pin)) {
        wipe(pin);
        io.err << "kiosk hash-pin: " << *problem << '\n';
        return kExitFailure;
    }
    const std::string hash = web ? hash_web_password(pin) : hash_pin(pin);
    wipe(pin);
    if (hash.empty()) {
        io.err << "kiosk hash-pin: the system's password hashing (libcrypt) failed\n";
        return kExitFailure;
    }
    // The hash alone on the first line, so a script can take it with `head -n1`.
    if (web) {
        io.out << hash << '\n'
               << "\n# Put this in kiosk.toml (the password itself is not stored anywhere):\n"
               << "[web]\n"
               << "password_hash = \"" << hash << "\"\n";
        return kExitOk;
    }
    io.out << hash << '\n'
           << "\n# Put this in kiosk.toml (the PIN itself is not stored anywhere):\n"
           << "[staff]\n"
           << "pin_hash = \"" << hash << "\"\n";
    return kExitOk;
}

}  // namespace kiosk::cli
