// A pre-check of staff-written TOML (kiosk.toml, slide front matter) before it reaches toml++.
// Debian's toml++ 3.3.0 reaches an "unreachable" program point (undefined behaviour; upstream issues
// 190 and 295) when its whitespace test meets U+00A1–U+0499, U+2C5E–U+3057 (not U+3000) or
// U+FB26–U+FEFE ("é", "Ü", "¡", "§", Cyrillic, CJK punctuation, kana). That test runs on every
// character outside quotes (line start, after a key, after '=', after a value, in [headers],
// [arrays] and {tables}) and, inside """ text, on the character after a backslash and on the first
// non-blank one after a line-ending backslash. No non-ASCII character outside quotes and comments
// is valid TOML, so all of them are refused there (with a better message than toml++'s); inside
// """ text only the hazardous code points are, at those two places. Quoted text and comments are
// never refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::toml_util {

struct TomlHazard {
    int line = 0;         // 1-based, within the text given
    std::string message;  // what is wrong
    std::string hint;     // what to do
};

// The first place toml++ 3.3.0 must not see, or nullopt when the text is safe to give it.
[[nodiscard]] std::optional<TomlHazard> find_toml_hazard(std::string_view text);

}  // namespace kiosk::toml_util
