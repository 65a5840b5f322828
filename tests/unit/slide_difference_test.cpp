// Where two slides differ, in tiles: the parts of a fade frame that need re-blending. Every pixel
// that differs is inside the rectangles, the rectangles never overlap (a part drawn twice would
// draw the disclaimer over itself), and areas that are the same on both are left out.
#include "core/frame_damage.h"
#include "core/slide_difference.h"

#include <gtest/gtest.h>

#include <random>

namespace kiosk {
namespace {

bool inside_any(int x, int y, const std::vector<Rect>& rects) {
    for (const Rect& r : rects)
        if (x >= r.x && x < r.right() && y >= r.y && y < r.bottom()) return true;
    return false;
}

TEST(SlideDifference, TheSameSlideDiffersNowhere) {
    std::vector<std::uint32_t> a(640 * 360, 0xFFF8F4EE);
    const TileMask m = differing_tiles(a.data(), a.data(), 640, 360);
    EXPECT_TRUE(m.empty());
    EXPECT_TRUE(m.rects().empty());
}

TEST(SlideDifference, EveryDifferingPixelIsCoveredByDisjointRectangles) {
    const int w = 1000, h = 300;  // not multiples of the tile: the last column and band are partial
    std::vector<std::uint32_t> a(static_cast<std::size_t>(w) * h, 0xFFF8F4EE), b = a;
    std::mt19937 rng(7);
    std::vector<std::pair<int, int>> changed;
    for (int i = 0; i < 40; ++i) {
        const int x = static_cast<int>(rng() % w), y = static_cast<int>(rng() % (h - 20));
        b[static_cast<std::size_t>(y) * w + x] ^= 0x00010000;  // one channel, one step: still a difference
        changed.emplace_back(x, y);
    }
    b[static_cast<std::size_t>(h - 1) * w + (w - 1)] = 0xFF000000;  // the very last pixel
    changed.emplace_back(w - 1, h - 1);
    const std::vector<Rect> rects = differing_tiles(a.data(), b.data(), w, h).rects();
    for (const auto& [x, y] : changed) EXPECT_TRUE(inside_any(x, y, rects)) << x << "," << y;
    long area = 0;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        EXPECT_GE(rects[i].x, 0);
        EXPECT_LE(rects[i].right(), w);
        EXPECT_LE(rects[i].bottom(), h);
        area += static_cast<long>(rects[i].w) * rects[i].h;
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            EXPECT_FALSE(rects[i].intersects(rects[j])) << "parts " << i << " and " << j << " overlap";
    }
    EXPECT_LT(area, static_cast<long>(w) * h) << "the unchanged tiles are left out";
}

// Two slides on one background: the text block on the left and the picture on the right differ,
// the margins and the gap between them do not.
TEST(SlideDifference, OnlyTheTextAndPictureAreasOfTwoSlidesAreRedrawn) {
    const int w = 1920, rows = 1000;
    std::vector<std::uint32_t> a(static_cast<std::size_t>(w) * rows, 0xFFF8F4EE), b = a;
    const auto fill = [&](std::vector<std::uint32_t>& px, const Rect& r, std::uint32_t c) {
        for (int y = r.y; y < r.bottom(); ++y)
            for (int x = r.x; x < r.right(); ++x) px[static_cast<std::size_t>(y) * w + x] = c;
    };
    fill(a, {80, 80, 900, 300}, 0xFF0B5E6B);    // slide A: title block
    fill(b, {80, 80, 700, 500}, 0xFF0B5E6B);    // slide B: a longer text
    fill(a, {1200, 100, 600, 600}, 0xFFE8D8C8);  // both have a picture there, different ones
    fill(b, {1200, 100, 600, 600}, 0xFFD8C8B8);
    const std::vector<Rect> rects = differing_tiles(a.data(), b.data(), w, rows).rects();
    long area = 0;
    for (const Rect& r : rects) area += static_cast<long>(r.w) * r.h;
    EXPECT_TRUE(inside_any(900, 100, rects)) << "A's wider title";
    EXPECT_TRUE(inside_any(100, 500, rects)) << "B's longer text";
    EXPECT_FALSE(inside_any(300, 200, rects)) << "inside both text blocks: the same colour on both";
    EXPECT_TRUE(inside_any(1500, 400, rects));
    EXPECT_FALSE(inside_any(1100, 400, rects)) << "the gap between text and picture is the same on both";
    EXPECT_FALSE(inside_any(500, 900, rects)) << "below the text, the same background";
    EXPECT_LT(area, static_cast<long>(w) * rows / 2);
    EXPECT_LE(rects.size(), 8U) << "few parts: each is drawn over with the buttons and the disclaimer";
}

TEST(SlideDifference, MarkedRectanglesJoinTheMask) {
    TileMask m(1920, 1000);
    m.mark(Rect{70, 900, 10, 30});  // the disclaimer's line, say
    const std::vector<Rect> rects = m.rects();
    ASSERT_EQ(rects.size(), 1U);
    constexpr int tw = TileMask::kTileW, th = TileMask::kTileH;
    const int y0 = 900 / th * th, y1 = (929 / th + 1) * th;
    EXPECT_EQ(rects[0], (Rect{70 / tw * tw, y0, tw, y1 - y0})) << "whole tiles round it";
    m.mark(Rect{-50, -50, 10, 10});  // off the mask: nothing
    EXPECT_EQ(m.rects().size(), 1U);
}

TEST(FrameDamage, AFadeRedrawsOnlyWhereTheSlidesDifferOutsideTheButtons) {
    const Rect slides{0, 0, 1920, 960}, footer{0, 960, 1920, 120};
    const Rect button{1400, 800, 480, 140};
    const auto core = opaque_core(button, 30.8F);
    FrameChange c;
    c.screen_kept = true;
    c.overlay_same = true;
    c.slides_same = false;
    c.footer_same = true;
    const std::vector<Rect> changing{{0, 0, 1920, 64}, {1280, 768, 640, 192}};
    const FramePlan p = plan_frame(c, slides, footer, {core[0], core[1]}, &changing);
    EXPECT_FALSE(p.full);
    for (const Rect& r : p.slide) {
        EXPECT_FALSE(r.intersects(core[0]) || r.intersects(core[1])) << "a button's opaque middle is re-blended";
        EXPECT_TRUE(intersection(r, changing[0]) == r || intersection(r, changing[1]) == r)
            << "only the changing parts are drawn";
    }
    EXPECT_TRUE(inside_any(10, 10, p.slide));
    EXPECT_TRUE(inside_any(1390, 850, p.slide)) << "left of the button, in the second changing part";
    EXPECT_FALSE(inside_any(500, 500, p.slide));
    EXPECT_EQ(p.drawn, p.slide);
    const std::vector<Rect> nothing;
    EXPECT_TRUE(plan_frame(c, slides, footer, {}, &nothing).drawn.empty()) << "two equal slides: nothing to draw";
}

}  // namespace
}  // namespace kiosk
