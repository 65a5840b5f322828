#include "codepage.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiosk {

namespace {

using Table = std::array<char32_t, 128>;  // code points of bytes 0x80..0xFF

// Generated from Python's codec tables (bytes(range(0x80, 0x100)).decode("cp437" / "cp858")).
constexpr Table kCp437 = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE,
    0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6,
    0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA,
    0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, 0x2514,
    0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C,
    0x2588, 0x2584, 0x258C, 0x2590, 0x2580, 0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320,
    0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

constexpr Table kCp858 = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE,
    0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6,
    0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA,
    0x00BA, 0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x00C1, 0x00C2, 0x00C0, 0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510, 0x2514,
    0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256C, 0x00A4, 0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x20AC, 0x00CD, 0x00CE, 0x00CF, 0x2518, 0x250C,
    0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580, 0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,
    0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4, 0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6,
    0x00A7, 0x00F7, 0x00B8, 0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
};

const Table& table_for(Codepage cp) { return cp == Codepage::Cp437 ? kCp437 : kCp858; }

// ASCII stand-ins for punctuation that word processors put into clinic texts.
std::string_view ascii_fallback(char32_t c) {
    switch (c) {
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
        case 0x2018: case 0x2019: case 0x201A: case 0x2032: return "'";
        case 0x201C: case 0x201D: case 0x201E: case 0x2033: return "\"";
        case 0x2026: return "...";
        case 0x2022: return "*";
        case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: return " ";
        default: return {};
    }
}

}  // namespace

std::optional<Codepage> parse_codepage(std::string_view name) {
    std::string n;
    for (const char c : name) {
        if (c != ' ' && c != '-' && c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (const std::string_view prefix : {"cp", "pc", "ibm"}) {
        if (n.starts_with(prefix)) {
            n.erase(0, prefix.size());
            break;
        }
    }
    if (n == "437") return Codepage::Cp437;
    if (n == "858") return Codepage::Cp858;
    return std::nullopt;
}

std::uint8_t escpos_codepage_number(Codepage cp) { return cp == Codepage::Cp437 ? 0 : 19; }

char32_t next_code_point(std::string_view& text) {
    constexpr char32_t kBad = 0xFFFD;
    if (text.empty()) return 0;
    const auto b0 = static_cast<unsigned char>(text[0]);
    int extra = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        text.remove_prefix(1);
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        extra = 1;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3;
        cp = b0 & 0x07;
    } else {
        text.remove_prefix(1);
        return kBad;
    }
    if (text.size() < static_cast<size_t>(extra) + 1) {
        text.remove_prefix(1);
        return kBad;
    }
    for (int i = 1; i <= extra; ++i) {
        const auto b = static_cast<unsigned char>(text[static_cast<size_t>(i)]);
        if ((b & 0xC0) != 0x80) {
            text.remove_prefix(1);
            return kBad;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms and surrogates are malformed too.
    constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        text.remove_prefix(1);
        return kBad;
    }
    text.remove_prefix(static_cast<size_t>(extra) + 1);
    return cp;
}

namespace {

template <typename String>
void transcode_into(std::string_view utf8, Codepage cp, String& out) {
    const Table& table = table_for(cp);
    out.clear();
    out.reserve(utf8.size() + 16);  // room for a few look-alikes ("…" -> "...") without regrowing
    while (!utf8.empty()) {
        const char32_t c = next_code_point(utf8);
        if (c == '\n') {
            out += '\n';
        } else if (c < 0x20 || c == 0x7F) {
            out += ' ';
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (const auto it = std::find(table.begin(), table.end(), c); it != table.end()) {
            out += static_cast<char>(0x80 + (it - table.begin()));
        } else if (const auto fb = ascii_fallback(c); !fb.empty()) {
            out += fb;
        } else {
            out += '?';
        }
    }
}

}  // namespace

std::string transcode(std::string_view utf8, Codepage cp) {
    std::string out;
    transcode_into(utf8, cp, out);
    return out;
}

void transcode(std::string_view utf8, Codepage cp, SecretString& out) { transcode_into(utf8, cp, out); }

std::string decode_codepage(std::string_view bytes, Codepage cp) {
    const Table& table = table_for(cp);
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        const char32_t c = b < 0x80 ? b : table[b - 0x80];
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::string printable_text(std::string_view utf8, Codepage cp) { return decode_codepage(transcode(utf8, cp), cp); }

}  // namespace kiosk
