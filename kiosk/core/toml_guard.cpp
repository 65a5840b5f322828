#include "toml_guard.h"

#include "codepage.h"
#include "utf8.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kiosk::toml_util {

namespace {

bool non_ascii(char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0;
}
bool blank(char c) {
    return c == ' ' || c == '\t';
}
bool blank_or_newline(char c) {
    return blank(c) || c == '\n' || c == '\r';
}

// The offending character as staff typed it, or its bytes in hex when it is not valid UTF-8.
std::string shown(std::string_view text, std::size_t pos) {
    const std::size_t n = utf8_char_length(text, pos);
    bool valid = n > 1 || !non_ascii(text[pos]);
    for (std::size_t k = 1; k < n && valid; ++k) valid = (static_cast<unsigned char>(text[pos + k]) & 0xC0) == 0x80;
    if (valid) return "'" + std::string(text.substr(pos, n)) + "'";
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[pos])));
    return std::string("the byte ") + buf;
}

// The code points toml++ 3.3.0's is_non_ascii_horizontal_whitespace() has no answer for.
bool hazardous(char32_t c) {
    return (c >= 0xA1 && c <= 0x499) || (c >= 0x2C5E && c <= 0x3057 && c != 0x3000) || (c >= 0xFB26 && c <= 0xFEFE);
}

// What toml++ passes over after a line-ending backslash: ASCII blanks and line breaks (0x0A-0x0D)
// and the non-ASCII spaces its whitespace test does answer for (U+00A0, U+3000, U+FEFF, ...).
bool skipped_after_continuation(std::string_view text, std::size_t pos) {
    const char b = text[pos];
    if (blank(b) || (b >= '\n' && b <= '\r')) return true;
    if (!non_ascii(b)) return false;
    std::string_view rest = text.substr(pos);
    const char32_t c = next_code_point(rest);
    return c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
           (c >= 0x205F && c <= 0x2060) || c == 0x3000 || c == 0xFEFF;
}

bool hazardous_at(std::string_view text, std::size_t pos) {
    std::string_view rest = text.substr(pos);
    return hazardous(next_code_point(rest));
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : t_(text) {}

    std::optional<TomlHazard> run() {
        // toml++ skips a UTF-8 byte-order mark itself (Windows editors write one).
        if (t_.substr(0, 3) == "\xEF\xBB\xBF") p_ = 3;
        while (p_ < t_.size()) {
            const char c = t_[p_];
            if (non_ascii(c)) {
                return TomlHazard{line_at(p_), "the character " + shown(t_, p_) + " is outside quotes",
                                  "In TOML, text with letters like this goes in double quotes, like: "
                                  "name = \"Über uns\" (and a comment starts with #)"};
            }
            if (c == '#') {
                skip_to_line_end();
                continue;
            }
            if ((c == '"' || c == '\'') && opens_string()) {
                if (auto h = string_at(c)) return h;
                continue;
            }
            step(c);
            ++p_;
        }
        return std::nullopt;
    }

private:
    // Where the scan is, as toml++ sees it, so a quote is known to open a string or not. A quote
    // opens one where a key or a value begins; inside a bare value (a number, a date, a word)
    // toml++ reads everything up to whitespace, ',', ']', '}' or '#' as that one token, quotes
    // included, testing each character for whitespace, so what follows them is outside quotes.
    enum class At { Key, ValueStart, BareValue, AfterValue };
    enum class Nest { Header, Array, Table };

    [[nodiscard]] bool opens_string() const { return at_ == At::Key || at_ == At::ValueStart; }

    std::optional<TomlHazard> string_at(char quote) {
        const bool key = at_ == At::Key;
        if (quote == '"' && starts("\"\"\"")) {
            p_ += 3;
            if (auto h = multi_line_basic()) return h;
        } else if (quote == '\'' && starts("'''")) {
            p_ += 3;
            multi_line_literal();
        } else {
            ++p_;
            single_line(quote, quote == '"');
        }
        if (!key) at_ = At::AfterValue;
        return std::nullopt;
    }

    // After a ',' or at a line break: what comes next in the innermost bracket.
    void next_item() {
        if (nest_.empty()) return;
        at_ = nest_.back() == Nest::Array ? At::ValueStart : At::Key;
    }

    void close(Nest kind) {
        if (!nest_.empty() && nest_.back() == kind) nest_.pop_back();
        at_ = At::AfterValue;
    }

    void step(char c) {
        if (c == '\n') {
            if (nest_.empty() || nest_.back() != Nest::Array) {
                nest_.clear();
                at_ = At::Key;
            } else if (at_ == At::BareValue) {
                at_ = At::AfterValue;
            }
            return;
        }
        if (blank(c) || c == '\r') {
            if (at_ == At::BareValue) at_ = At::AfterValue;
            return;
        }
        switch (at_) {
            case At::Key:
                if (c == '=')
                    at_ = At::ValueStart;
                else if (c == '[' && (nest_.empty() || nest_.back() == Nest::Header))
                    nest_.push_back(Nest::Header);
                else if (c == ']')
                    close(Nest::Header);
                else if (c == '}')
                    close(Nest::Table);
                else if (c == ',')
                    next_item();
                return;
            case At::ValueStart:
                if (c == '[')
                    nest_.push_back(Nest::Array);
                else if (c == '{') {
                    nest_.push_back(Nest::Table);
                    at_ = At::Key;
                } else if (c == ']')
                    close(Nest::Array);
                else if (c == '}')
                    close(Nest::Table);
                else
                    at_ = At::BareValue;
                return;
            case At::BareValue:
            case At::AfterValue:
                if (c == ',')
                    next_item();
                else if (c == ']')
                    close(Nest::Array);
                else if (c == '}')
                    close(Nest::Table);
                return;
        }
    }

    [[nodiscard]] bool starts(std::string_view s) const { return t_.substr(p_, s.size()) == s; }
    [[nodiscard]] int line_at(std::size_t pos) const {
        return 1 + static_cast<int>(std::count(t_.begin(), t_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    }
    void skip_to_line_end() {
        while (p_ < t_.size() && t_[p_] != '\n') ++p_;
    }

    // "..." or '...': ends at its quote or, unterminated, at the line end (toml++ then reports it).
    void single_line(char quote, bool escapes) {
        while (p_ < t_.size() && t_[p_] != '\n') {
            const char c = t_[p_++];
            if (c == quote) return;
            if (escapes && c == '\\' && p_ < t_.size() && t_[p_] != '\n') ++p_;
        }
    }

    // The closing quotes may be preceded by one or two quotes that belong to the text.
    void close_multi_line(char quote) {
        p_ += 3;
        for (int extra = 0; extra < 2 && p_ < t_.size() && t_[p_] == quote; ++extra) ++p_;
    }

    void multi_line_literal() {
        while (p_ < t_.size()) {
            if (starts("'''")) return close_multi_line('\'');
            ++p_;
        }
    }

    std::optional<TomlHazard> multi_line_basic() {
        while (p_ < t_.size()) {
            if (starts("\"\"\"")) {
                close_multi_line('"');
                return std::nullopt;
            }
            if (t_[p_] != '\\') {
                ++p_;
                continue;
            }
            const std::size_t slash = p_++;
            if (p_ >= t_.size()) return std::nullopt;
            if (hazardous_at(t_, p_)) {
                return TomlHazard{line_at(p_), "'\\' followed by " + shown(t_, p_) + " inside \"\"\" text",
                                  "Remove the backslash before the letter"};
            }
            if (!blank_or_newline(t_[p_])) {
                ++p_;  // an ordinary escape such as \n or \"
                continue;
            }
            // A line-ending backslash: toml++ tests every blank after it, the line break, and then
            // every character until the first it does not skip, and it skips more than ASCII
            // blanks (found by fuzz_config: a U+FEFF between the line breaks).
            while (p_ < t_.size() && skipped_after_continuation(t_, p_)) p_ += utf8_char_length(t_, p_);
            if (p_ < t_.size() && hazardous_at(t_, p_)) {
                return TomlHazard{line_at(p_),
                                  "the line after the '\\' on line " + std::to_string(line_at(slash)) +
                                      " starts with " + shown(t_, p_) +
                                      ", which this kiosk's TOML reader cannot handle",
                                  "Remove the backslash at the end of line " + std::to_string(line_at(slash)) +
                                      ", or start the next line with a plain letter"};
            }
        }
        return std::nullopt;
    }

    std::string_view t_;
    std::size_t p_ = 0;
    At at_ = At::Key;
    std::vector<Nest> nest_;
};

}  // namespace

std::optional<TomlHazard> find_toml_hazard(std::string_view text) {
    return Scanner(text).run();
}

}  // namespace kiosk::toml_util
