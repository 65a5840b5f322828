// The layout rules again, measured by the kiosk's real fonts (fontconfig + SDL_ttf, no window).
#include "layout_checks.h"

#include "app/fonts.h"
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

class RealFonts : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string error;
        fonts_ = new std::optional<FontSet>(FontSet::open("Noto Sans", &error));
        ASSERT_TRUE(fonts_->has_value()) << error;
    }
    static void TearDownTestSuite() {
        delete fonts_;
        fonts_ = nullptr;
    }
    static const FontSet& fonts() { return **fonts_; }
    static std::optional<FontSet>* fonts_;
};
std::optional<FontSet>* RealFonts::fonts_ = nullptr;

TEST_F(RealFonts, FindsTheConfiguredFamilyInFourStyles) {
    const FontFiles& files = fonts().files();
    EXPECT_EQ(files.family, "Noto Sans");
    for (const auto& path : files.paths) EXPECT_FALSE(path.empty());
    EXPECT_NE(files.path(FontStyle::Regular), files.path(FontStyle::Bold)) << "a real bold face, not synthetic";
    EXPECT_NE(files.path(FontStyle::Regular), files.path(FontStyle::Italic));
    EXPECT_NE(files.path(FontStyle::Bold), files.path(FontStyle::BoldItalic));
}

TEST_F(RealFonts, UnknownFamilyFallsBackToASans) {
    std::string error;
    const std::optional<FontFiles> files = find_font_files("No Such Family Xyzzy", &error);
    ASSERT_TRUE(files.has_value()) << error;
    EXPECT_EQ(files->family, "DejaVu Sans");
}

TEST_F(RealFonts, MeasuresInPixels) {
    const int px = 50;
    EXPECT_GE(fonts().line_height(px), px) << "line skip is at least the em size";
    EXPECT_LE(fonts().line_height(px), 2 * px);
    const int w = fonts().text_width("Hello world", FontStyle::Regular, px);
    EXPECT_GT(w, 4 * px);
    EXPECT_LT(w, 11 * px);
    EXPECT_GT(fonts().text_width("Hello world", FontStyle::Bold, px), w) << "bold is wider";
    const int single = fonts().text_width("Hello", FontStyle::Regular, px);
    EXPECT_NEAR(fonts().text_width("Hello", FontStyle::Regular, 2 * px), 2 * single, single / 10)
        << "width scales with px (within hinting)";
}

TEST_F(RealFonts, TrailingSpacesHaveWidth) {
    // Runs carry their separating space at the end; if SDL_ttf ignored it, words would touch.
    const int a = fonts().text_width("is", FontStyle::Regular, 40);
    const int b = fonts().text_width("is ", FontStyle::Regular, 40);
    EXPECT_GT(b - a, 40 / 6) << "a space is about a quarter em";
}

TEST_F(RealFonts, GetReusesOpenFonts) {
    TTF_Font* a = fonts().get(FontStyle::Italic, 33);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(fonts().get(FontStyle::Italic, 33), a);
    EXPECT_NE(fonts().get(FontStyle::Bold, 33), a);
}

TEST_F(RealFonts, NormalSlideEverywhere) { test::check_normal_slide_everywhere(fonts()); }

TEST_F(RealFonts, LongSlideShrinksEverywhere) { test::check_long_slide_shrinks_everywhere(fonts()); }

TEST_F(RealFonts, OverlongWordIsBrokenAndFits) {
    for (const auto& res : test::kResolutions) {
        SCOPED_TRACE(std::to_string(res.w) + "x" + std::to_string(res.h));
        const ScreenRegions r = compute_regions(res.w, res.h, SlideLayoutKind::ImageLeft, true);
        std::string word;
        for (int i = 0; i < 12; ++i) word += "Schmerzbehandlungsr\xC3\xBC" "ckenzentrum";
        const RichText body{test::para({{"Welcome to the " + word + " clinic."}})};
        const TextLayout layout = layout_text("Title", body, r.text, preferred_text_sizes(res.w, res.h), fonts());
        EXPECT_TRUE(layout.fits);
        test::expect_runs_inside(layout, r.text);
        std::string joined;
        for (const PlacedRun& run : layout.runs) {
            if (run.role != RunRole::Body) continue;
            ASSERT_FALSE(run.text.empty());
            EXPECT_NE(static_cast<unsigned char>(run.text[0]) & 0xC0U, 0x80U) << "not cut inside a character";
            joined += run.text;
        }
        EXPECT_NE(joined.find(word), std::string::npos) << "the pieces reassemble to the word";
    }
}

TEST_F(RealFonts, BulletsAreIndented) {
    const ScreenRegions r = compute_regions(1920, 1080, SlideLayoutKind::TextOnly, true);
    const RichText body{test::bullet({{"A bullet long enough to wrap onto a second line when it is set at the "
                                       "kiosk's large body size, so the hanging indent shows"}})};
    const TextLayout layout = layout_text("", body, r.text, preferred_text_sizes(1920, 1080), fonts());
    ASSERT_GE(layout.runs.size(), 3U);
    EXPECT_EQ(layout.runs[0].role, RunRole::BulletMarker);
    EXPECT_GT(layout.runs[1].box.x, layout.runs[0].box.right());
    EXPECT_EQ(layout.runs[2].box.x, layout.runs[1].box.x) << "hanging indent";
    EXPECT_GT(layout.runs[2].box.y, layout.runs[1].box.y);
}

}  // namespace
}  // namespace kiosk
