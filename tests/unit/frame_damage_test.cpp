// Which parts of the screen a frame draws again: rectangle subtraction checked pixel by pixel,
// the opaque core of a rounded button, and the plan's rule that anything unknown redraws it all.
#include "core/frame_damage.h"

#include <gtest/gtest.h>

#include <vector>

namespace kiosk {
namespace {

// Each pixel of `area`: how many of `rects` cover it.
std::vector<int> coverage(const Rect& area, const std::vector<Rect>& rects) {
    std::vector<int> n(static_cast<std::size_t>(area.w * area.h));
    for (const Rect& r : rects) {
        for (int y = r.y; y < r.bottom(); ++y) {
            for (int x = r.x; x < r.right(); ++x) {
                if (x < area.x || y < area.y || x >= area.right() || y >= area.bottom()) {
                    ADD_FAILURE() << "pixel " << x << "," << y << " outside the area";
                    continue;
                }
                ++n[static_cast<std::size_t>((y - area.y) * area.w + (x - area.x))];
            }
        }
    }
    return n;
}

bool in_any(int x, int y, const std::vector<Rect>& rects) {
    for (const Rect& r : rects) {
        if (x >= r.x && y >= r.y && x < r.right() && y < r.bottom()) return true;
    }
    return false;
}

void expect_exact_difference(const Rect& area, const std::vector<Rect>& holes) {
    const std::vector<Rect> out = subtract(area, holes);
    const std::vector<int> n = coverage(area, out);
    for (int y = area.y; y < area.bottom(); ++y) {
        for (int x = area.x; x < area.right(); ++x) {
            const int want = in_any(x, y, holes) ? 0 : 1;
            ASSERT_EQ(n[static_cast<std::size_t>((y - area.y) * area.w + (x - area.x))], want)
                << "pixel " << x << "," << y << ": every pixel outside the holes is covered exactly once, none inside";
        }
    }
}

TEST(FrameDamage, SubtractCoversEveryPixelOutsideTheHolesExactlyOnce) {
    const Rect area{0, 0, 64, 40};
    expect_exact_difference(area, {});
    expect_exact_difference(area, {{10, 10, 20, 10}});
    // Overlapping holes, one sticking out of the area, one touching an edge, one empty.
    expect_exact_difference(area, {{10, 10, 20, 10}, {25, 5, 10, 30}, {-5, 30, 20, 20}, {60, 0, 4, 40}, {3, 3, 0, 9}});
    // A button's cross: the corners are all that is left of it.
    const auto cross = opaque_core({8, 8, 40, 20}, 5.5F);
    expect_exact_difference(area, {cross[0], cross[1]});
}

TEST(FrameDamage, SubtractMergesRowsWithTheSameColumnsIntoFewRectangles) {
    // One hole in the middle: above, left, right, below.
    EXPECT_EQ(subtract({0, 0, 100, 100}, {{40, 40, 20, 20}}).size(), 4U);
    EXPECT_EQ(subtract({0, 0, 100, 100}, {}).size(), 1U);
    EXPECT_TRUE(subtract({0, 0, 100, 100}, {{-1, -1, 200, 200}}).empty());
}

TEST(FrameDamage, OpaqueCoreLeavesOutTheRoundedCornersAndTheEdgeFringe) {
    const auto c = opaque_core({100, 50, 300, 80}, 17.6F);  // rounded up to 18, plus 1 pixel
    EXPECT_EQ(c[0], (Rect{101, 69, 298, 42}));
    EXPECT_EQ(c[1], (Rect{119, 51, 262, 78}));
    // A corner pixel (where the rounding shows the slide) is in neither.
    EXPECT_FALSE(in_any(101, 51, {c[0], c[1]}));
    // Too small to have a middle: nothing is claimed opaque.
    const auto tiny = opaque_core({0, 0, 10, 10}, 6.0F);
    EXPECT_EQ(tiny[0].w * tiny[0].h + tiny[1].w * tiny[1].h, 0);
}

TEST(FrameDamage, AFadeFrameRedrawsOnlyTheSlideAreaOutsideTheButtons) {
    const Rect slides{0, 0, 1920, 960}, footer{0, 960, 1920, 120};
    const Rect button{1400, 800, 480, 140};
    const auto core = opaque_core(button, 30.8F);
    FrameChange c;
    c.screen_kept = true;
    c.overlay_same = true;
    c.slides_same = false;
    c.footer_same = true;
    const FramePlan p = plan_frame(c, slides, footer, {core[0], core[1]});
    EXPECT_FALSE(p.full);
    EXPECT_FALSE(p.footer) << "the footer did not change: it is not drawn";
    long area = 0;
    for (const Rect& r : p.slide) {
        EXPECT_FALSE(r.intersects(core[0]) || r.intersects(core[1])) << "a button's opaque middle is re-blended";
        EXPECT_FALSE(r.intersects(footer));
        area += static_cast<long>(r.w) * r.h;
    }
    EXPECT_EQ(area, 1920L * 960 - (static_cast<long>(core[0].w) * core[0].h + static_cast<long>(core[1].w) * core[1].h -
                                    static_cast<long>(intersection(core[0], core[1]).w) * intersection(core[0], core[1]).h));
    EXPECT_EQ(p.drawn, p.slide);
}

TEST(FrameDamage, TheClockMinuteAloneRedrawsTheFooterOnly) {
    FrameChange c;
    c.screen_kept = true;
    c.slides_same = true;
    c.footer_same = false;
    const FramePlan p = plan_frame(c, {0, 0, 1280, 640}, {0, 640, 1280, 80}, {});
    EXPECT_FALSE(p.full);
    EXPECT_TRUE(p.slide.empty());
    EXPECT_TRUE(p.footer);
    EXPECT_EQ(p.drawn, (std::vector<Rect>{{0, 640, 1280, 80}}));
}

TEST(FrameDamage, ChangedButtonsOrALostScreenRedrawEverything) {
    const Rect slides{0, 0, 1280, 640}, footer{0, 640, 1280, 80};
    for (const bool kept : {false, true}) {
        FrameChange c;
        c.screen_kept = kept;
        c.overlay_same = !kept;  // one or the other is unknown
        c.slides_same = true;
        c.footer_same = true;
        const FramePlan p = plan_frame(c, slides, footer, {});
        EXPECT_TRUE(p.full) << (kept ? "the buttons changed" : "the screen's pixels are unknown");
        EXPECT_TRUE(p.footer);
        EXPECT_EQ(p.drawn, (std::vector<Rect>{{0, 0, 1280, 720}}));
    }
}

}  // namespace
}  // namespace kiosk
