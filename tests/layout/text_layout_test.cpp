#include "fixed_measurer.h"
#include "layout_checks.h"

#include "core/text_layout.h"
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using test::bullet;
using test::FixedMeasurer;
using test::heading;
using test::para;

// px 10 → 5 px per regular character; a 100 px box holds 20 characters.
constexpr TextSizes kSmall{10, 10, 10};
const Rect kBox{0, 0, 100, 1000};

std::vector<PlacedRun> body_runs(const TextLayout& layout) {
    std::vector<PlacedRun> out;
    for (const PlacedRun& r : layout.runs)
        if (r.role == RunRole::Body) out.push_back(r);
    return out;
}

TEST(StyleOf, CombinesBoldAndItalic) {
    EXPECT_EQ(style_of(false, false), FontStyle::Regular);
    EXPECT_EQ(style_of(true, false), FontStyle::Bold);
    EXPECT_EQ(style_of(false, true), FontStyle::Italic);
    EXPECT_EQ(style_of(true, true), FontStyle::BoldItalic);
}

TEST(TextLayout, WrapsAtWordBoundaries) {
    const FixedMeasurer m;
    const TextLayout layout = layout_text("", {para({{"aaaa bbbb cccc dddd eeee"}})}, kBox, kSmall, m);
    const auto runs = body_runs(layout);
    ASSERT_EQ(runs.size(), 2U);
    EXPECT_EQ(runs[0].text, "aaaa bbbb cccc dddd") << "19 characters fit in 20";
    EXPECT_EQ(runs[1].text, "eeee");
    EXPECT_GT(runs[1].box.y, runs[0].box.y);
    EXPECT_EQ(runs[1].box.x, kBox.x);
    EXPECT_FALSE(layout.shrunk);
    EXPECT_TRUE(layout.fits);
}

TEST(TextLayout, CollapsesWhitespace) {
    const FixedMeasurer m;
    const TextLayout layout = layout_text("", {para({{"  a   b\n\tc  "}})}, kBox, kSmall, m);
    const auto runs = body_runs(layout);
    ASSERT_EQ(runs.size(), 1U);
    EXPECT_EQ(runs[0].text, "a b c");
}

TEST(TextLayout, MixedStylesShareALineAndKeepTheirSpaces) {
    const FixedMeasurer m;
    const Rect wide{10, 20, 400, 400};
    const TextLayout layout =
        layout_text("", {para({{"This is "}, {"very important", true}, {" text"}})}, wide, kSmall, m);
    const auto runs = body_runs(layout);
    ASSERT_EQ(runs.size(), 3U);
    EXPECT_EQ(runs[0].text, "This is ");
    EXPECT_EQ(runs[0].style, FontStyle::Regular);
    EXPECT_EQ(runs[1].text, "very important") << "the space inside the bold span stays in the bold run";
    EXPECT_EQ(runs[1].style, FontStyle::Bold);
    EXPECT_EQ(runs[2].text, " text");
    for (const auto& r : runs) EXPECT_EQ(r.box.y, runs[0].box.y) << "one line";
    // Each run starts where the previous one's advance (spaces included) ends: no lost or doubled gap.
    EXPECT_EQ(runs[0].box.x, wide.x);
    EXPECT_EQ(runs[1].box.x, runs[0].box.x + 8 * m.char_width(10));
    EXPECT_EQ(runs[2].box.x, runs[1].box.x + 14 * m.char_width(10, true));
    EXPECT_EQ(runs[2].box.w, 5 * m.char_width(10));
}

TEST(TextLayout, PunctuationStaysWithAStyledWord) {
    const FixedMeasurer m;
    // "xxxxxxxxxxxxxxx pain," – the comma is regular, "pain" bold; both must move to line 2 together.
    const TextLayout layout =
        layout_text("", {para({{"xxxxxxxxxxxxxxx "}, {"pain", true}, {", ok"}})}, kBox, kSmall, m);
    const auto runs = body_runs(layout);
    ASSERT_GE(runs.size(), 3U);
    EXPECT_EQ(runs[0].text, "xxxxxxxxxxxxxxx");
    EXPECT_EQ(runs[1].text, "pain");
    EXPECT_EQ(runs[2].text, ", ok");
    EXPECT_EQ(runs[1].box.y, runs[2].box.y);
    EXPECT_GT(runs[1].box.y, runs[0].box.y);
    EXPECT_EQ(runs[2].box.x, runs[1].box.right()) << "no space is invented between \"pain\" and \",\"";
}

TEST(TextLayout, TitleIsBoldAtTitleSizeAboveTheBody) {
    const FixedMeasurer m;
    const TextSizes sizes{20, 10, 10};
    const TextLayout layout = layout_text("Hello there", {para({{"body"}})}, Rect{0, 0, 500, 500}, sizes, m);
    ASSERT_EQ(layout.runs.size(), 2U);
    EXPECT_EQ(layout.runs[0].role, RunRole::Title);
    EXPECT_EQ(layout.runs[0].style, FontStyle::Bold);
    EXPECT_EQ(layout.runs[0].px, 20);
    EXPECT_EQ(layout.runs[0].text, "Hello there");
    EXPECT_EQ(layout.runs[1].px, 10);
    EXPECT_GE(layout.runs[1].box.y, layout.runs[0].box.bottom()) << "paragraph spacing below the title";
}

TEST(TextLayout, BulletsHaveAMarkerAndAHangingIndent) {
    const FixedMeasurer m;
    const TextLayout layout =
        layout_text("", {bullet({{"one two three four five six seven"}})}, Rect{50, 0, 100, 500}, kSmall, m);
    ASSERT_FALSE(layout.runs.empty());
    const PlacedRun& marker = layout.runs[0];
    EXPECT_EQ(marker.role, RunRole::BulletMarker);
    EXPECT_EQ(marker.text, "\xE2\x80\xA2");
    const auto runs = body_runs(layout);
    ASSERT_GE(runs.size(), 2U) << "the bullet wraps";
    EXPECT_GE(marker.box.x, 50);
    EXPECT_GT(runs[0].box.x, marker.box.right()) << "text starts after the marker";
    EXPECT_EQ(marker.box.y, runs[0].box.y) << "marker sits on the first line";
    for (const auto& r : runs) EXPECT_EQ(r.box.x, runs[0].box.x) << "wrapped lines hang under the text, not the marker";
    test::expect_runs_inside(layout, Rect{50, 0, 100, 500});
}

TEST(TextLayout, WrappedTitlesAreBalanced) {
    const FixedMeasurer m;
    // Bold at px 10 is 6 px a character: 120 px hold 20, so greedy wrapping would leave "eeee" alone.
    const TextLayout layout =
        layout_text("aaaa bbbb cccc dddd eeee", {}, Rect{0, 0, 120, 1000}, TextSizes{10, 10, 10}, m);
    ASSERT_EQ(layout.runs.size(), 2U);
    EXPECT_EQ(layout.runs[0].text, "aaaa bbbb cccc");
    EXPECT_EQ(layout.runs[1].text, "dddd eeee");
}

TEST(TextLayout, HeadingsInTheBodyAreBold) {
    const FixedMeasurer m;
    const TextLayout layout = layout_text("", {para({{"intro"}}), heading({{"Next "}, {"steps", false, true}})},
                                          Rect{0, 0, 500, 500}, kSmall, m);
    const auto runs = body_runs(layout);
    ASSERT_EQ(runs.size(), 3U);
    EXPECT_EQ(runs[1].style, FontStyle::Bold);
    EXPECT_EQ(runs[2].style, FontStyle::BoldItalic);
}

TEST(TextLayout, AnOverlongWordIsBrokenBetweenCharactersAndFits) {
    const FixedMeasurer m;
    const std::string word = "Pneumonoultramicroscopicsilicovolcanoconiosis";  // 45 chars, box holds 20
    const TextLayout layout = layout_text("", {para({{"a " + word + " b"}})}, kBox, kSmall, m);
    EXPECT_TRUE(layout.fits);
    test::expect_runs_inside(layout, kBox);
    std::string joined;
    for (const auto& r : body_runs(layout)) joined += r.text;
    EXPECT_EQ(joined, "a" + word + " b") << "no character lost or repeated; the space before b kept";
    EXPECT_EQ(body_runs(layout).size(), 4U) << "a / 20 chars / 20 chars / 5 chars + \" b\"";
}

TEST(TextLayout, BrokenWordsAreNeverCutInsideAUtf8Character) {
    const FixedMeasurer m;
    std::string word;
    for (int i = 0; i < 30; ++i) word += "\xC3\xA9\xE2\x82\xAC";  // é€ × 30 = 60 characters
    const TextLayout layout = layout_text("", {para({{word}})}, kBox, kSmall, m);
    EXPECT_TRUE(layout.fits);
    std::string joined;
    for (const auto& r : body_runs(layout)) {
        ASSERT_FALSE(r.text.empty());
        EXPECT_NE(static_cast<unsigned char>(r.text[0]) & 0xC0U, 0x80U) << "run starts on a character";
        EXPECT_LE(r.box.w, kBox.w);
        joined += r.text;
    }
    EXPECT_EQ(joined, word);
    EXPECT_EQ(body_runs(layout).size(), 3U) << "60 characters, 20 per line";
}

TEST(TextLayout, ShrinksEverySizeTogetherUntilItFits) {
    const FixedMeasurer m;
    const TextSizes sizes{40, 20, 8};
    const Rect box{0, 0, 300, 300};
    const RichText body = test::long_body();
    const TextLayout layout = layout_text("A title", body, box, sizes, m);
    EXPECT_TRUE(layout.shrunk);
    EXPECT_TRUE(layout.fits);
    EXPECT_LT(layout.body_px, 20);
    EXPECT_NEAR(static_cast<double>(layout.title_px) / layout.body_px, 2.0, 0.25) << "title:body ratio kept";
    test::expect_runs_inside(layout, box);
    EXPECT_EQ(test::laid_out_words(layout), test::input_words("A title", body));
}

TEST(TextLayout, ShrinkingTakesTheLargestSizeThatFits) {
    const FixedMeasurer m;
    const TextSizes sizes{30, 30, 6};
    const Rect box{0, 0, 300, 120};
    const RichText body{para({{"one two three four five six seven eight nine ten eleven twelve"}})};
    const TextLayout layout = layout_text("", body, box, sizes, m);
    ASSERT_TRUE(layout.fits);
    // The previous (larger) step of the 5 % ladder must not fit, or the search gave away size.
    int next = 30;
    for (int s = 30; s > layout.body_px; s = std::min(s - 1, static_cast<int>(s * 0.95))) next = s;
    ASSERT_GT(next, layout.body_px);
    const TextLayout bigger = layout_text("", body, box, TextSizes{next, next, next}, m);
    EXPECT_FALSE(bigger.fits) << "body " << layout.body_px << " chosen, " << next << " would also fit";
}

TEST(TextLayout, ReportsWhenEvenTheSmallestSizeOverflows) {
    const FixedMeasurer m;
    const TextLayout layout = layout_text("Title", test::long_body(), Rect{0, 0, 200, 50}, TextSizes{30, 20, 16}, m);
    EXPECT_FALSE(layout.fits);
    EXPECT_TRUE(layout.shrunk);
    EXPECT_EQ(layout.body_px, 16) << "stops at min_body_px";
}

TEST(TextLayout, EmptyInputFitsWithNoRuns) {
    const FixedMeasurer m;
    const TextLayout layout = layout_text("", {para({{"   "}})}, kBox, kSmall, m);
    EXPECT_TRUE(layout.fits);
    EXPECT_FALSE(layout.shrunk);
    EXPECT_TRUE(layout.runs.empty());
}

TEST(TextLayout, UsedIsTheBoundingBoxOfAllRuns) {
    const FixedMeasurer m;
    const TextLayout layout = layout_text("Title", test::normal_body(), Rect{5, 7, 400, 800}, kSmall, m);
    ASSERT_FALSE(layout.runs.empty());
    for (const auto& r : layout.runs) EXPECT_TRUE(layout.used.contains(r.box));
    EXPECT_EQ(layout.used.y, 7);
}

TEST(TextLayoutEverywhere, NormalSlideWithFixedAdvances) {
    const FixedMeasurer m(0.55);
    test::check_normal_slide_everywhere(m);
}

TEST(TextLayoutEverywhere, LongSlideShrinksWithFixedAdvances) {
    const FixedMeasurer m(0.55);
    test::check_long_slide_shrinks_everywhere(m);
}

}  // namespace
}  // namespace kiosk
