#include "core/config.h"
#include "core/contrast.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Contrast, BlackOnWhiteIsTwentyOneToOne) {
    EXPECT_NEAR(contrast_ratio(Rgb{0, 0, 0}, Rgb{255, 255, 255}), 21.0, 1e-9);
    EXPECT_NEAR(relative_luminance(Rgb{255, 255, 255}), 1.0, 1e-9);
    EXPECT_NEAR(relative_luminance(Rgb{0, 0, 0}), 0.0, 1e-9);
}

TEST(Contrast, IsSymmetricAndOneForEqualColours) {
    const Rgb a{0x1B, 0x26, 0x33};
    const Rgb b{0xFA, 0xF7, 0xF2};
    EXPECT_DOUBLE_EQ(contrast_ratio(a, b), contrast_ratio(b, a));
    EXPECT_DOUBLE_EQ(contrast_ratio(a, a), 1.0);
}

TEST(Contrast, MatchesAKnownWcagValue) {
    // #777777 on white is the textbook 4.48:1 that just fails AA.
    EXPECT_NEAR(contrast_ratio(Rgb{0x77, 0x77, 0x77}, Rgb{255, 255, 255}), 4.48, 0.01);
}

TEST(Contrast, DefaultThemeBodyTextMeetsAaa) {
    const ThemeConfig theme;
    EXPECT_GE(contrast_ratio(theme.text, theme.background), kContrastAaaNormal)
        << "body text on the background must be at least 7:1";
    EXPECT_GE(contrast_ratio(theme.footer_text, theme.footer_background), kContrastAaaNormal)
        << "footer text must be at least 7:1";
}

TEST(Contrast, DefaultThemeLargeTextMeetsAaaLarge) {
    const ThemeConfig theme;
    EXPECT_GE(contrast_ratio(theme.button_text, theme.button_background), kContrastAaaLarge)
        << "the button label is large bold text: at least 4.5:1";
    EXPECT_GE(contrast_ratio(theme.accent, theme.background), kContrastAaaLarge)
        << "titles and bullet markers in the accent colour are large text: at least 4.5:1";
}

}  // namespace
}  // namespace kiosk
