// UTF-8 handling (line breaking never cuts inside a character) and transcoding to the printer's
// code page (no control byte but '\n' may reach the printer).
#include "core/codepage.h"
#include "core/utf8.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = kiosk::fuzz::text_of(data, size);
    std::string joined;
    for (const std::string_view ch : kiosk::utf8_chars(text)) {
        kiosk::fuzz::require(!ch.empty(), "a character has at least one byte");
        joined += ch;
    }
    kiosk::fuzz::require(joined == text, "the characters put together are the text");
    kiosk::fuzz::require(kiosk::utf8_length(text) <= text.size(), "never more characters than bytes");
    for (std::size_t max = 0; max <= text.size() && max < 64; ++max) {
        const std::size_t cut = kiosk::utf8_safe_cut(text, max);
        kiosk::fuzz::require(cut <= max, "a safe cut is never longer than asked");
    }
    std::string_view rest = text;
    std::size_t steps = 0;
    while (!rest.empty()) {
        const std::size_t before = rest.size();
        (void)kiosk::next_code_point(rest);
        kiosk::fuzz::require(rest.size() < before, "decoding always advances");
        ++steps;
    }
    kiosk::fuzz::require(steps <= text.size(), "at most one code point per byte");
    for (const kiosk::Codepage cp : {kiosk::Codepage::Cp437, kiosk::Codepage::Cp858}) {
        const std::string out = kiosk::transcode(text, cp);
        for (const char c : out) {
            const auto b = static_cast<unsigned char>(c);
            kiosk::fuzz::require(b == '\n' || b >= 0x20, "no printer command can be smuggled in");
        }
    }
    (void)kiosk::parse_codepage(text);
    return 0;
}
