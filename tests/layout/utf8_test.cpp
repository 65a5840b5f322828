#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace kiosk {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

const std::string kMixed = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a é € 😀 z

TEST(Utf8, CharLengthsFollowTheLeadByte) {
    EXPECT_EQ(utf8_char_length(kMixed, 0), 1U);
    EXPECT_EQ(utf8_char_length(kMixed, 1), 2U);
    EXPECT_EQ(utf8_char_length(kMixed, 3), 3U);
    EXPECT_EQ(utf8_char_length(kMixed, 6), 4U);
    EXPECT_EQ(utf8_length(kMixed), 5U);
}

TEST(Utf8, CharsReassembleToTheInput) {
    std::string joined;
    for (std::string_view ch : utf8_chars(kMixed)) joined += ch;
    EXPECT_EQ(joined, kMixed);
    EXPECT_EQ(utf8_chars(kMixed).size(), 5U);
}

TEST(Utf8, SafeCutNeverEndsInsideACharacter) {
    for (std::size_t max = 0; max <= kMixed.size() + 2; ++max) {
        const std::size_t cut = utf8_safe_cut(kMixed, max);
        EXPECT_LE(cut, max);
        if (cut < kMixed.size()) {
            EXPECT_FALSE(is_continuation(kMixed[cut])) << "cut at byte " << cut;
        }
    }
    EXPECT_EQ(utf8_safe_cut(kMixed, 2), 1U) << "half of é is not taken";
    EXPECT_EQ(utf8_safe_cut(kMixed, 100), kMixed.size());
}

TEST(Utf8, MalformedInputStillAdvances) {
    const std::string bad = "\xC3" "a\x80\xE2\x82";  // truncated lead, stray continuation, truncated €
    EXPECT_EQ(utf8_length(bad), 5U) << "each broken byte counts as one character";
    EXPECT_EQ(utf8_chars("").size(), 0U);
}

}  // namespace
}  // namespace kiosk
