// The cost of laying out a slide is bounded by the screen, not by the file: a 20 000-word title
// took 7.5 s in `kiosk check` (found by fuzzing the slide file), because every line break and every
// shrink step measured every word. The tests count the measurer's calls, not the time.
#include "core/slide_layout.h"
#include "core/text_layout.h"
#include "fixed_measurer.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kiosk {
namespace {

// Counts every question asked of the font.
class CountingMeasurer final : public TextMeasurer {
public:
    explicit CountingMeasurer(const TextMeasurer& inner) : inner_(inner) {}
    [[nodiscard]] int text_width(std::string_view utf8, FontStyle style, int px) const override {
        ++calls;
        bytes += utf8.size();
        return inner_.text_width(utf8, style, px);
    }
    [[nodiscard]] int line_height(int px) const override { return inner_.line_height(px); }
    mutable long long calls = 0;
    mutable long long bytes = 0;  // characters measured: the real cost with SDL_ttf

private:
    const TextMeasurer& inner_;
};

std::string words(int n, const char* word = "massage") {
    std::string s;
    for (int i = 0; i < n; ++i) (s += (i ? " " : "")) += word;
    return s;
}

struct Cost {
    long long calls, bytes;
    TextLayout layout;
};

Cost cost_of(const std::string& title, const RichText& body, int w = 1920, int h = 1080) {
    const test::FixedMeasurer fixed(0.55);
    const CountingMeasurer m(fixed);
    const ScreenRegions r = compute_regions(w, h, SlideLayoutKind::TextOnly, false);
    TextLayout layout = layout_text(title, body, r.text, preferred_text_sizes(w, h), m);
    return {m.calls, m.bytes, std::move(layout)};
}

// A normal, fitting slide's cost: the yardstick for the bound.
Cost normal_slide() {
    return cost_of("Back pain: what helps", {Block{BlockKind::Paragraph, 0, {Span{words(60, "move"), false, false}}}});
}

TEST(LayoutBudget, AHugeTitleCostsAboutAsMuchAsAFullScreen) {
    const Cost huge = cost_of(words(20000), {});
    EXPECT_FALSE(huge.layout.fits) << "20 000 words cannot fit";
    // Before the bound: ~20000 words x (1 + 10 balancing passes) x every shrink attempt, ~800 000 calls.
    EXPECT_LT(huge.calls, 20000) << "measurements must not grow with the number of words";
    EXPECT_LT(huge.bytes, 2'000'000);
    const Cost twice = cost_of(words(40000), {});
    EXPECT_EQ(twice.calls, huge.calls) << "twice the words past the screen's end cost nothing more";
}

TEST(LayoutBudget, AHugeBodyAndManyBlocksAreBoundedToo) {
    RichText body{Block{BlockKind::Paragraph, 0, {Span{words(20000, "exercise"), false, false}}}};
    for (int i = 0; i < 5000; ++i) body.push_back(Block{BlockKind::Bullet, 0, {Span{"short bullet", false, false}}});
    const Cost huge = cost_of("Title", body);
    EXPECT_FALSE(huge.layout.fits);
    EXPECT_LT(huge.calls, 20000) << "measurements must not grow with the text's length";
    const Cost portrait = cost_of("Title", body, 1080, 1920);
    EXPECT_FALSE(portrait.layout.fits);
    EXPECT_LT(portrait.calls, 20000);
}

TEST(LayoutBudget, OneEndlessWordIsBounded) {
    const Cost huge = cost_of(std::string(20000, 'x'), {});
    EXPECT_FALSE(huge.layout.fits);
    EXPECT_LT(huge.calls, 60000) << "a word broken between characters measures only what can be shown";
}

TEST(LayoutBudget, NothingIsPlacedFarBelowTheBox) {
    const Cost huge = cost_of(words(20000), {});
    const ScreenRegions r = compute_regions(1920, 1080, SlideLayoutKind::TextOnly, false);
    std::set<int> rows_below;
    for (const PlacedRun& run : huge.layout.runs) {
        if (run.box.y > r.text.bottom()) rows_below.insert(run.box.y);
    }
    EXPECT_LE(rows_below.size(), 1u) << "only one line may start past the box, to tell it overflows";
}

TEST(LayoutBudget, AFittingSlideIsLaidOutAsBefore) {
    const Cost normal = normal_slide();
    EXPECT_TRUE(normal.layout.fits);
    EXPECT_FALSE(normal.layout.shrunk);
    EXPECT_GT(normal.calls, 0);
}

TEST(LayoutBudget, ZeroWidthTextIsCappedAndReportedAsNotFitting) {
    // A font that calls everything zero-width (combining marks only) would put every word on one
    // line: the word cap keeps that bounded, and the text is reported as too long.
    class ZeroWidth final : public TextMeasurer {
    public:
        [[nodiscard]] int text_width(std::string_view, FontStyle, int) const override { return 0; }
        [[nodiscard]] int line_height(int px) const override { return px; }
    } zero;
    const CountingMeasurer m(zero);
    const TextLayout layout = layout_text(words(100000, "a"), {}, Rect{0, 0, 1000, 500}, TextSizes{60, 40, 20}, m);
    EXPECT_FALSE(layout.fits) << "text cut at the cap must not claim to fit";
    EXPECT_LT(m.calls, 200000);
}

}  // namespace
}  // namespace kiosk
