// A slide with no duration stays up as long as an unhurried reader needs, within the clinic's
// min/max; a duration written by staff always wins.
#include "core/reading_time.h"

#include "core/slide_parser.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

TEST(ReadingTime, CountsWordsSeparatedByAnyWhitespace) {
    EXPECT_EQ(count_words(""), 0);
    EXPECT_EQ(count_words("   \n\t "), 0);
    EXPECT_EQ(count_words("one"), 1);
    EXPECT_EQ(count_words("  one two\nthree\tfour  "), 4);
    EXPECT_EQ(count_words("Café – naïve"), 3) << "non-ASCII words and dashes count like any other";
}

TEST(ReadingTime, LongerSlideStaysLonger) {
    auto previous = reading_time(0, 0, 1000);
    for (const int words : {5, 20, 40, 80, 160}) {
        const auto t = reading_time(words, 0, 1000);
        EXPECT_GT(t, previous) << "more words never mean less time (" << words << " words)";
        previous = t;
    }
}

TEST(ReadingTime, FollowsTheReadingSpeed) {
    // 110 words at 110 wpm is one minute, plus the look at the picture.
    EXPECT_EQ(reading_time(110, 0, 1000), std::chrono::milliseconds(static_cast<long long>((60 + kLookSeconds) * 1000)));
}

TEST(ReadingTime, ClampedToMinAndMax) {
    EXPECT_EQ(reading_time(0, 8, 40), 8s) << "a nearly empty slide still stays the minimum";
    EXPECT_EQ(reading_time(1000, 8, 40), 40s) << "a wordy slide never stays past the maximum";
    EXPECT_GT(reading_time(30, 8, 40), 8s);
    EXPECT_LT(reading_time(30, 8, 40), 40s);
}

TEST(ReadingTime, SlideDurationUsesConfiguredClamp) {
    test::TempDir dir;
    KioskConfig config;
    config.player.min_slide_seconds = 12;
    config.player.max_slide_seconds = 20;
    const auto shortr = parse_slide_text("# Hi\n", dir.path(), "a.md", config);
    ASSERT_TRUE(shortr.slide);
    EXPECT_EQ(shortr.slide->duration, 12s) << "the configured minimum applies to slides";
    std::string words = "# Long\n\n";
    for (int i = 0; i < 55; ++i) words += "word ";
    const auto longr = parse_slide_text(words, dir.path(), "b.md", config);
    ASSERT_TRUE(longr.slide);
    EXPECT_EQ(longr.slide->duration, 20s) << "the configured maximum applies to slides";
}

TEST(ReadingTime, ExplicitDurationWins) {
    test::TempDir dir;
    const KioskConfig config;
    const auto quick = parse_slide_text("+++\nduration = 4\n+++\n# Hi\n", dir.path(), "a.md", config);
    ASSERT_TRUE(quick.slide);
    EXPECT_EQ(quick.slide->duration, 4s) << "staff's duration wins over the minimum";
    EXPECT_FALSE(quick.slide->duration_from_reading_time);
    std::string words = "+++\nduration = 90\n+++\n# Long\n\n";
    for (int i = 0; i < 10; ++i) words += "word ";
    const auto slow = parse_slide_text(words, dir.path(), "b.md", config);
    ASSERT_TRUE(slow.slide);
    EXPECT_EQ(slow.slide->duration, 90s) << "staff's duration wins over the maximum";
}

}  // namespace
}  // namespace kiosk
