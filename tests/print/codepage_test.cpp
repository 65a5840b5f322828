#include "core/codepage.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

std::string bytes(std::initializer_list<unsigned char> b) { return std::string(b.begin(), b.end()); }

TEST(Codepage, Cp858HasTheAccentsAndTheEuro) {
    EXPECT_EQ(transcode("é", Codepage::Cp858), bytes({0x82}));
    EXPECT_EQ(transcode("ñ", Codepage::Cp858), bytes({0xA4}));
    EXPECT_EQ(transcode("ü", Codepage::Cp858), bytes({0x81}));
    EXPECT_EQ(transcode("€", Codepage::Cp858), bytes({0xD5}));
    EXPECT_EQ(transcode("Peña €5", Codepage::Cp858), bytes({'P', 'e', 0xA4, 'a', ' ', 0xD5, '5'}));
}

TEST(Codepage, Cp437HasAccentsButNoEuro) {
    EXPECT_EQ(transcode("é", Codepage::Cp437), bytes({0x82}));
    EXPECT_EQ(transcode("€", Codepage::Cp437), "?");
}

TEST(Codepage, UnmappableBecomesQuestionMarkAndPunctuationFallsBackToAscii) {
    EXPECT_EQ(transcode("中", Codepage::Cp858), "?");
    EXPECT_EQ(transcode("→", Codepage::Cp858), "?");
    EXPECT_EQ(transcode("Mon–Fri “open”…", Codepage::Cp858), "Mon-Fri \"open\"...");
}

TEST(Codepage, MalformedUtf8AndControlsNeverReachThePrinter) {
    EXPECT_EQ(transcode("a\xC3", Codepage::Cp858), "a?");
    EXPECT_EQ(transcode("\xFF", Codepage::Cp858), "?");
    EXPECT_EQ(transcode("\xC0\xAF", Codepage::Cp858), "??") << "overlong form of '/'";
    EXPECT_EQ(transcode("a\x1B@b\x1D", Codepage::Cp858), "a @b ") << "ESC/GS in text would be printer commands";
}

TEST(Codepage, ParsesNamesAndKnowsEscTNumbers) {
    EXPECT_EQ(parse_codepage("cp858"), Codepage::Cp858);
    EXPECT_EQ(parse_codepage("PC858"), Codepage::Cp858);
    EXPECT_EQ(parse_codepage("CP-437"), Codepage::Cp437);
    EXPECT_FALSE(parse_codepage("utf-8"));
    EXPECT_EQ(escpos_codepage_number(Codepage::Cp858), 19);
    EXPECT_EQ(escpos_codepage_number(Codepage::Cp437), 0);
}

}  // namespace
}  // namespace kiosk
