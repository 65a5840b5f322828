// Receipt printers do not speak UTF-8: text is sent in a single-byte code page chosen with ESC t.
// This turns the clinic's UTF-8 wording into such bytes, so "é", "ñ", "ü" and "€" print as letters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wiping_allocator.h"

namespace kiosk {

enum class Codepage {
    Cp437,  // the original PC set; every ESC/POS printer has it (no €)
    Cp858,  // Western European with €; the default
};

// "cp858", "CP437", "pc858", "858" ...; nullopt for a code page we cannot transcode to.
[[nodiscard]] std::optional<Codepage> parse_codepage(std::string_view name);

// The n of ESC t n that selects the code page on Epson-compatible printers.
[[nodiscard]] std::uint8_t escpos_codepage_number(Codepage cp);

// UTF-8 to single bytes. ASCII passes through; typographic punctuation the code page lacks
// (dashes, curly quotes, ellipsis) is replaced by its ASCII look-alike so opening hours such as
// "Mon–Fri" stay readable; anything else unmappable, and malformed UTF-8, becomes '?'.
// Control characters other than '\n' become ' ' so text can never smuggle a printer command.
[[nodiscard]] std::string transcode(std::string_view utf8, Codepage cp);
// The same into wiping storage (replacing `out`), for a patient's name and number.
void transcode(std::string_view utf8, Codepage cp, SecretString& out);

// The reverse: single code-page bytes back to UTF-8 (ASCII as is, 0x80..0xFF through the table).
[[nodiscard]] std::string decode_codepage(std::string_view bytes, Codepage cp);

// What a printer using `cp` will really print for `utf8`, as UTF-8: "Mon–Fri" -> "Mon-Fri", "€"
// -> "?" under cp437, an emoji -> "?". Previews draw this, so they show what the paper will show.
[[nodiscard]] std::string printable_text(std::string_view utf8, Codepage cp);

// Decodes one code point from the front of `text`, advancing it. Malformed input yields U+FFFD
// and consumes one byte. Shared by the transcoder and the keypad's name check.
[[nodiscard]] char32_t next_code_point(std::string_view& text);

}  // namespace kiosk
