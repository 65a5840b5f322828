#include "control_protocol.h"

#include <charconv>

namespace kiosk::control {

std::string ok_header(std::string_view media_type, std::size_t length) {
    return "OK " + std::string(media_type) + " " + std::to_string(length) + "\n";
}

std::string error_line(std::string_view sentence) {
    std::string s(sentence);
    for (char& c : s) {
        if (c == '\n' || c == '\r') c = ' ';  // one line, whatever the message held
    }
    return "ERR " + s + "\n";
}

std::optional<AnswerHeader> parse_answer_header(std::string_view line) {
    AnswerHeader h;
    if (line.substr(0, 4) == "ERR ") {
        h.error = std::string(line.substr(4));
        return h;
    }
    if (line.substr(0, 3) != "OK ") return std::nullopt;
    const std::string_view rest = line.substr(3);
    const auto space = rest.find(' ');
    if (space == std::string_view::npos || space == 0) return std::nullopt;
    h.media_type = std::string(rest.substr(0, space));
    const std::string_view num = rest.substr(space + 1);
    const auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), h.length);
    if (ec != std::errc() || p != num.data() + num.size()) return std::nullopt;
    h.ok = true;
    return h;
}

}  // namespace kiosk::control
