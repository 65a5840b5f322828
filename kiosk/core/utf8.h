// UTF-8 helpers for wrapping: text is only ever cut between characters, never inside a multi-byte
// sequence, so a broken word still renders (SDL_ttf rejects malformed UTF-8).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kiosk {

// Byte length of the character starting at `pos` (1 for a stray continuation or truncated byte,
// so malformed input still advances and never loops).
[[nodiscard]] std::size_t utf8_char_length(std::string_view text, std::size_t pos);

// The text split into whole characters (each view is one code point's bytes).
[[nodiscard]] std::vector<std::string_view> utf8_chars(std::string_view text);

// The largest byte count <= max_bytes that ends on a character boundary.
[[nodiscard]] std::size_t utf8_safe_cut(std::string_view text, std::size_t max_bytes);

// Number of characters (code points) in the text.
[[nodiscard]] std::size_t utf8_length(std::string_view text);

}  // namespace kiosk
