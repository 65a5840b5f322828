// How long a slide stays up when staff give no duration: long enough for a slow reader.
#pragma once

#include <chrono>
#include <string_view>

namespace kiosk {

// Words read per minute by an unhurried older reader glancing up from a waiting-room chair.
inline constexpr double kWordsPerMinute = 110.0;
// Time to notice the slide changed and look at the picture before reading starts.
inline constexpr double kLookSeconds = 4.0;

[[nodiscard]] int count_words(std::string_view text);
[[nodiscard]] std::chrono::milliseconds reading_time(int words, double min_seconds, double max_seconds);

}  // namespace kiosk
