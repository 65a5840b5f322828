// The A+ view: ≥ 1.5× text, never shrunk, over as many pages as needed, nothing lost, 10:1 contrast;
// and every slide of the bundled deck fits it at the four resolutions with the real fonts.
#include "layout_checks.h"

#include "app/fonts.h"
#include "core/contrast.h"
#include "core/deck.h"
#include "core/large_text.h"
#include "fixed_measurer.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using test::kResolutions;

PatientControlsWanted every_control() {
    PatientControlsWanted w;
    w.read_aloud = w.text_size = w.language = w.arrows = true;
    return w;
}

// The words of every page, in order, are the slide's words exactly once.
void expect_pages_keep_every_word(const std::vector<TextLayout>& pages, const std::string& title, const RichText& body) {
    std::vector<std::string> all;
    for (const TextLayout& p : pages) {
        const auto words = test::laid_out_words(p);
        all.insert(all.end(), words.begin(), words.end());
    }
    EXPECT_EQ(all, test::input_words(title, body)) << "every word once, in order, across the pages";
}

void expect_large_pages(const std::vector<TextLayout>& pages, const Rect& box, const TextSizes& sizes,
                        const TextSizes& normal) {
    ASSERT_FALSE(pages.empty());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        SCOPED_TRACE("page " + std::to_string(i + 1) + " of " + std::to_string(pages.size()));
        const TextLayout& p = pages[i];
        EXPECT_TRUE(p.fits) << "each page fits its box";
        EXPECT_FALSE(p.shrunk) << "the large view never shrinks";
        test::expect_runs_inside(p, box);
        for (const PlacedRun& run : p.runs) {
            if (run.role == RunRole::Title) {
                EXPECT_GE(run.px * 2, normal.title_px * 3) << "title ≥ 1.5×";
            }
            if (run.role == RunRole::Body) {
                EXPECT_GE(run.px * 2, normal.body_px * 3) << "body ≥ 1.5×";
            }
        }
        if (i > 0) {
            EXPECT_FALSE(p.runs.empty()) << "no empty page";
        }
    }
    (void)sizes;
}

TEST(LargeText, SizesAreAtLeastOneAndAHalfTimesAndNeverShrink) {
    for (const auto& res : kResolutions) {
        const TextSizes normal = preferred_text_sizes(res.w, res.h);
        const TextSizes large = large_text_sizes(res.w, res.h);
        EXPECT_GE(large.title_px * 2, normal.title_px * 3);
        EXPECT_GE(large.body_px * 2, normal.body_px * 3);
        EXPECT_EQ(large.min_body_px, large.body_px);
    }
}

TEST(LargeText, ALongSlideContinuesOnMorePagesWithEveryWordOnce) {
    const test::FixedMeasurer m;
    for (const auto& res : kResolutions) {
        SCOPED_TRACE(std::to_string(res.w) + "x" + std::to_string(res.h));
        const Rect box = large_text_box(res.w, res.h, every_control());
        const TextSizes sizes = large_text_sizes(res.w, res.h);
        const std::string title = "What happens during a course of physical therapy";
        const RichText body = test::long_body();
        const auto pages = paginate_text(title, body, box, sizes, m);
        EXPECT_GE(pages.size(), 2u) << "fewer words per screen: the long text needs more than one page";
        expect_large_pages(pages, box, sizes, preferred_text_sizes(res.w, res.h));
        expect_pages_keep_every_word(pages, title, body);
        const auto normal = layout_text(title, body, box, preferred_text_sizes(res.w, res.h), m);
        EXPECT_LT(test::laid_out_words(pages.front()).size(), test::laid_out_words(normal).size())
            << "fewer words on the first screen than in the normal view";
    }
}

TEST(LargeText, AShortSlideIsOnePage) {
    const test::FixedMeasurer m;
    const Rect box = large_text_box(1920, 1080, every_control());
    const auto pages = paginate_text("Short", {test::para({{"Two words."}})}, box, large_text_sizes(1920, 1080), m);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_TRUE(pages[0].fits);
}

TEST(LargeText, OneHugeParagraphIsCutAtAWordAndKeepsItsStyles) {
    const test::FixedMeasurer m;
    std::vector<Span> spans;
    for (int i = 0; i < 120; ++i) spans.push_back({"word" + std::to_string(i) + " ", i % 7 == 0, i % 5 == 0});
    const RichText body{test::para(spans)};
    const Rect box = large_text_box(1280, 720, every_control());
    const auto pages = paginate_text("Title", body, box, large_text_sizes(1280, 720), m);
    EXPECT_GE(pages.size(), 3u);
    expect_large_pages(pages, box, large_text_sizes(1280, 720), preferred_text_sizes(1280, 720));
    expect_pages_keep_every_word(pages, "Title", body);
    bool saw_bold = false;
    for (const auto& p : pages) {
        for (const auto& r : p.runs) saw_bold |= r.role == RunRole::Body && r.style == FontStyle::Bold;
    }
    EXPECT_TRUE(saw_bold) << "the styles survive the cut";
}

TEST(LargeText, HighContrastIsAtLeastTenToOne) {
    for (const ThemeConfig& theme : {ThemeConfig{}, ThemeConfig{{0, 0, 0}, {0x99, 0x99, 0x99}, {0xFF, 0xCC, 0x00}}}) {
        const HighContrastColours c = high_contrast_colours(theme);
        EXPECT_GE(contrast_ratio(c.text, c.background), kLargeTextMinContrast);
        EXPECT_GE(contrast_ratio(c.title, c.background), kLargeTextMinContrast);
    }
}

TEST(LargeText, EveryBundledSlideFitsAtFourResolutionsWithRealFonts) {
    std::string error;
    const auto fonts = FontSet::open("Noto Sans", &error);
    ASSERT_TRUE(fonts.has_value()) << error;
    const KioskConfig config;
    DeckLoadOptions o;
    o.config = &config;
    const Deck deck = load_deck(KIOSK_SOURCE_DIR "/slides", o);
    ASSERT_GE(deck.slides.size(), 6u);
    int pages_total = 0;
    for (const auto& res : kResolutions) {
        const Rect box = large_text_box(res.w, res.h, every_control());
        const TextSizes sizes = large_text_sizes(res.w, res.h);
        for (const auto& slide : deck.slides) {
            SCOPED_TRACE(slide->file_name + " at " + std::to_string(res.w) + "x" + std::to_string(res.h));
            const auto pages = paginate_text(slide->title, slide->body, box, sizes, *fonts);
            expect_large_pages(pages, box, sizes, preferred_text_sizes(res.w, res.h));
            expect_pages_keep_every_word(pages, slide->title, slide->body);
            EXPECT_LE(pages.size(), 4u) << "a slide is a few lines: a handful of pages at most";
            pages_total += static_cast<int>(pages.size());
        }
    }
    std::printf("bundled deck in the large view: %d pages over %zu slides × 4 resolutions\n", pages_total,
                deck.slides.size());
}

}  // namespace
}  // namespace kiosk
