#include "utf8.h"

namespace kiosk {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

}  // namespace

std::size_t utf8_char_length(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t expected = 1;
    if ((lead & 0xE0U) == 0xC0U) {
        expected = 2;
    } else if ((lead & 0xF0U) == 0xE0U) {
        expected = 3;
    } else if ((lead & 0xF8U) == 0xF0U) {
        expected = 4;
    }
    // Only count continuation bytes that are really there: a truncated sequence is one "character".
    std::size_t n = 1;
    while (n < expected && pos + n < text.size() && is_continuation(static_cast<unsigned char>(text[pos + n]))) ++n;
    return n == expected ? n : 1;
}

std::vector<std::string_view> utf8_chars(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t n = utf8_char_length(text, pos);
        out.push_back(text.substr(pos, n));
        pos += n;
    }
    return out;
}

std::size_t utf8_safe_cut(std::string_view text, std::size_t max_bytes) {
    std::size_t cut = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t next = pos + utf8_char_length(text, pos);
        if (next > max_bytes) break;
        cut = next;
        pos = next;
    }
    return cut;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); pos += utf8_char_length(text, pos)) ++count;
    return count;
}

}  // namespace kiosk
