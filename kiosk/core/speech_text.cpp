#include "speech_text.h"

#include <cctype>

namespace kiosk {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Collapses whitespace and trims, so "a  \n b" is spoken as "a b".
std::string tidy(const std::string& in) {
    std::string out;
    bool space = false;
    for (const char c : in) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A block that ends without punctuation ("Start with five minutes a day") gets a full stop, so
// the voice does not run one bullet into the next.
void add_sentence(std::string& out, const std::string& raw) {
    const std::string s = tidy(raw);
    if (s.empty()) return;
    if (!out.empty()) out += ' ';
    out += s;
    const char last = s.back();
    if (last != '.' && last != '!' && last != '?' && last != ':' && last != ';') out += '.';
}

}  // namespace

std::string speech_text(const Slide& slide) {
    if (!tidy(slide.say).empty()) return tidy(slide.say);
    std::string out;
    add_sentence(out, slide.title);
    for (const Block& block : slide.body) {
        std::string text;
        for (const Span& span : block.spans) text += span.text;
        add_sentence(out, text);
    }
    return out;
}

int spoken_words(const std::string& text) {
    int words = 0;
    bool in_word = false;
    for (const char c : text) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
    }
    return words;
}

double expected_speech_seconds(const std::string& text, int rate_wpm) {
    if (rate_wpm <= 0) return 0;
    return 60.0 * spoken_words(text) / rate_wpm;
}

}  // namespace kiosk
