// Swipe or tap, from synthetic pointer sequences as a finger or an xdotool drag makes them.
#include "core/swipe_gesture.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

struct Step {
    char kind;  // 'd', 'm', 'u'
    float x, y;
};

Swipe run(SwipeGesture& g, std::initializer_list<Step> steps, bool* was_drag = nullptr) {
    Swipe out = Swipe::None;
    for (const Step& s : steps) {
        if (s.kind == 'd') g.down(s.x, s.y);
        if (s.kind == 'm') g.move(s.x, s.y);
        if (s.kind == 'u') {
            if (was_drag) *was_drag = g.is_drag();
            out = g.up(s.x, s.y);
        }
    }
    return out;
}

TEST(SwipeGesture, LeftIsNextRightIsPrevious) {
    SwipeGesture g(swipe_thresholds_for(1920, 1080));
    EXPECT_EQ(run(g, {{'d', 1400, 500}, {'m', 1300, 505}, {'m', 1000, 510}, {'u', 900, 512}}), Swipe::Next);
    EXPECT_EQ(run(g, {{'d', 500, 500}, {'m', 700, 490}, {'u', 900, 480}}), Swipe::Previous);
}

TEST(SwipeGesture, AShakyTapIsATapAndNeverADrag) {
    SwipeGesture g(swipe_thresholds_for(1920, 1080));
    bool drag = true;
    EXPECT_EQ(run(g, {{'d', 800, 500}, {'m', 805, 503}, {'m', 798, 507}, {'u', 802, 504}}, &drag), Swipe::Tap);
    EXPECT_FALSE(drag);
}

TEST(SwipeGesture, ADragThatIsNotASwipeIsNeitherTapNorSwipe) {
    SwipeGesture g(swipe_thresholds_for(1920, 1080));
    bool drag = false;
    // Too short to be a swipe, too long to be a tap: nothing happens, and no button is pressed.
    EXPECT_EQ(run(g, {{'d', 800, 500}, {'m', 850, 500}, {'u', 860, 500}}, &drag), Swipe::None);
    EXPECT_TRUE(drag);
    // Mostly vertical.
    EXPECT_EQ(run(g, {{'d', 800, 200}, {'m', 900, 500}, {'u', 950, 800}}, &drag), Swipe::None);
    EXPECT_TRUE(drag);
    // Out and back again: the travel counts from where it ends.
    EXPECT_EQ(run(g, {{'d', 800, 500}, {'m', 1300, 500}, {'u', 810, 500}}, &drag), Swipe::None);
    EXPECT_TRUE(drag);
}

TEST(SwipeGesture, AnUpWithoutADownIsNothing) {
    SwipeGesture g;
    EXPECT_EQ(g.up(10, 10), Swipe::None);
    g.down(0, 0);
    g.cancel();
    EXPECT_EQ(g.up(500, 0), Swipe::None);
}

TEST(SwipeGesture, ThresholdsFollowTheScreen) {
    const SwipeThresholds small = swipe_thresholds_for(1280, 720);
    const SwipeThresholds big = swipe_thresholds_for(3840, 2160);
    EXPECT_GT(big.min_travel_px, small.min_travel_px * 2.5f);
    EXPECT_GT(big.slop_px, small.slop_px * 2.5f);
    // The same 8 %-of-width flick is a swipe at each size.
    for (const auto& [w, h] : {std::pair{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}}) {
        SwipeGesture g(swipe_thresholds_for(w, h));
        const float y = static_cast<float>(h) / 2;
        const float from = static_cast<float>(w) * 0.6f;
        const float to = from - static_cast<float>(w) * 0.08f;
        EXPECT_EQ(run(g, {{'d', from, y}, {'m', (from + to) / 2, y}, {'u', to, y}}), Swipe::Next) << w << "x" << h;
    }
}

}  // namespace
}  // namespace kiosk
