// The kiosk's control socket: how `kiosk screenshot` (and later the staff web page) asks the
// running kiosk for things. Small on purpose, so any client can speak it with a few lines.
//
//   Where:    <state_dir>/control.sock, a unix stream socket, mode 0660 (owner kiosk, and its group).
//   Request:  one line, e.g. "screenshot\n". One request per connection.
//   Answer:   "OK <media-type> <byte-count>\n" then exactly that many bytes, then the kiosk closes;
//             or "ERR <sentence for a person>\n" and close.
//   Requests: screenshot  → image/png: the frame on screen now (read back before it is presented)
//             screenshot-public → the same, or ERR while the touch panel is open (the web page's view)
//             status      → application/json: the newest status.json text (at most 30 s old)
//             test-print  → text/plain: a test slip on each printer there is, one line per printer
//                           once all have answered ("Desk printer: printed on …"; ERR when no
//                           printer is set up); the staff web page's "Test print"
//
// The PNG travels over the socket and the client writes the file, so the kiosk (user kiosk) never
// writes where the asking user points it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::control {

inline constexpr const char* kSocketName = "control.sock";
inline constexpr std::size_t kMaxRequestLine = 256;

struct AnswerHeader {
    bool ok = false;
    std::string media_type;  // when ok
    std::size_t length = 0;  // when ok
    std::string error;       // when !ok
};

[[nodiscard]] std::string ok_header(std::string_view media_type, std::size_t length);
[[nodiscard]] std::string error_line(std::string_view sentence);
// Parses the first line of an answer (without its '\n'); nullopt when it is neither OK nor ERR.
[[nodiscard]] std::optional<AnswerHeader> parse_answer_header(std::string_view line);

}  // namespace kiosk::control
