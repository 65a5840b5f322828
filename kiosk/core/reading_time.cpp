#include "reading_time.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

std::chrono::milliseconds reading_time(int words, double min_seconds, double max_seconds) {
    const double seconds = std::clamp(kLookSeconds + words * 60.0 / kWordsPerMinute, min_seconds, max_seconds);
    return std::chrono::milliseconds(static_cast<long long>(std::lround(seconds * 1000.0)));
}

}  // namespace kiosk
