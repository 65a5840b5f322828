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

TEST(Codepage, Cp858PrintsEverySpanishLetterAndTheEuro) {
    // The bytes an Epson-compatible printer prints as these letters after ESC t 19 (CP858).
    EXPECT_EQ(transcode("áéíóú", Codepage::Cp858), bytes({0xA0, 0x82, 0xA1, 0xA2, 0xA3}));
    EXPECT_EQ(transcode("ÁÉÍÓÚ", Codepage::Cp858), bytes({0xB5, 0x90, 0xD6, 0xE0, 0xE9}));
    EXPECT_EQ(transcode("ñÑüÜ", Codepage::Cp858), bytes({0xA4, 0xA5, 0x81, 0x9A}));
    EXPECT_EQ(transcode("¿¡€", Codepage::Cp858), bytes({0xA8, 0xAD, 0xD5}));
    EXPECT_EQ(transcode("¿Cómo está? ¡Llámenos! 5 €", Codepage::Cp858),
              bytes({0xA8, 'C', 0xA2, 'm', 'o', ' ', 'e', 's', 't', 0xA0, '?', ' ', 0xAD, 'L', 'l', 0xA0, 'm', 'e',
                     'n', 'o', 's', '!', ' ', '5', ' ', 0xD5}));
}

TEST(Codepage, DecodingGivesBackWhatThePrinterPrints) {
    const std::string spanish = "¿Cómo está? ¡Llámenos! Año, pingüino, Ú, 5 €";
    EXPECT_EQ(printable_text(spanish, Codepage::Cp858), spanish) << "CP858 has every Spanish letter";
    EXPECT_EQ(printable_text("Lun–Vie “abierto” 😀", Codepage::Cp858), "Lun-Vie \"abierto\" ?");
    EXPECT_EQ(printable_text("5 €", Codepage::Cp437), "5 ?") << "CP437 has no euro sign";
    EXPECT_EQ(decode_codepage(bytes({0xA8, 0xD5, 0xC4}), Codepage::Cp858), "¿€─");
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
