// Touch and mouse as one pointer: what a real touchscreen sends (finger events, plus SDL's
// synthetic mouse copies of them) must become exactly one press and one release, at the finger.
#include "app/pointer_input.h"
#include "core/rotation.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

SDL_Event finger(Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

SDL_Event mouse_button(Uint32 type, int x, int y, Uint32 which) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    e.button.which = which;
    return e;
}

TEST(PointerInput, FingerTapBecomesOnePressAndReleaseAtTheFinger) {
    PointerInput p;
    EXPECT_TRUE(p.handle(finger(SDL_FINGERDOWN, 0.5f, 0.25f), 1920, 1080));
    // SDL's mouse copy of the same touch must not double the tap.
    EXPECT_TRUE(p.handle(mouse_button(SDL_MOUSEBUTTONDOWN, 960, 270, SDL_TOUCH_MOUSEID), 1920, 1080));
    EXPECT_TRUE(p.handle(finger(SDL_FINGERUP, 0.5f, 0.25f), 1920, 1080));
    EXPECT_TRUE(p.handle(mouse_button(SDL_MOUSEBUTTONUP, 960, 270, SDL_TOUCH_MOUSEID), 1920, 1080));

    PointerEvent e;
    ASSERT_TRUE(p.next(e));
    EXPECT_EQ(e.kind, PointerEvent::Kind::Down);
    EXPECT_FLOAT_EQ(e.x, 960.0f) << "finger coordinates are scaled to window pixels";
    EXPECT_FLOAT_EQ(e.y, 270.0f);
    EXPECT_TRUE(p.down());
    EXPECT_TRUE(p.pending()) << "the release waits for the next frame, so ImGui sees a click";
    ASSERT_TRUE(p.next(e));
    EXPECT_EQ(e.kind, PointerEvent::Kind::Up);
    EXPECT_FALSE(p.down());
    EXPECT_FALSE(p.next(e)) << "one tap, not two";
}

TEST(PointerInput, MouseClickAndMovesAreMerged) {
    PointerInput p;
    SDL_Event move{};
    move.type = SDL_MOUSEMOTION;
    move.motion.which = 0;
    for (int i = 0; i < 10; ++i) {
        move.motion.x = 100 + i;
        move.motion.y = 200;
        p.handle(move, 1280, 720);
    }
    p.handle(mouse_button(SDL_MOUSEBUTTONDOWN, 109, 200, 0), 1280, 720);
    p.handle(mouse_button(SDL_MOUSEBUTTONUP, 109, 200, 0), 1280, 720);
    PointerEvent e;
    ASSERT_TRUE(p.next(e));
    EXPECT_EQ(e.kind, PointerEvent::Kind::Move) << "ten moves in a row are one";
    EXPECT_FLOAT_EQ(e.x, 109.0f);
    ASSERT_TRUE(p.next(e));
    EXPECT_EQ(e.kind, PointerEvent::Kind::Down);
    ASSERT_TRUE(p.next(e));
    EXPECT_EQ(e.kind, PointerEvent::Kind::Up);
    EXPECT_FALSE(p.next(e));
}

TEST(PointerInput, RightButtonAndKeysAreNotTaps) {
    PointerInput p;
    SDL_Event right = mouse_button(SDL_MOUSEBUTTONDOWN, 5, 5, 0);
    right.button.button = SDL_BUTTON_RIGHT;
    p.handle(right, 100, 100);
    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    EXPECT_FALSE(p.handle(key, 100, 100)) << "keys are not pointer events";
    PointerEvent e;
    EXPECT_FALSE(p.next(e));
}

// A sideways 1920×1080 screen showing a 1080×1920 portrait picture: the four corners of the
// screen must land on the four corners of the picture that are drawn there.
TEST(Rotation, LogicalSizeSwapsForQuarterTurns) {
    EXPECT_EQ(logical_size(0, 1920, 1080).w, 1920);
    EXPECT_EQ(logical_size(90, 1920, 1080).w, 1080) << "a quarter turn lays out for the portrait size";
    EXPECT_EQ(logical_size(90, 1920, 1080).h, 1920);
    EXPECT_EQ(logical_size(180, 1920, 1080).w, 1920);
    EXPECT_EQ(logical_size(270, 1920, 1080).h, 1920);
    EXPECT_EQ(logical_size(45, 1920, 1080).w, 1920) << "an unknown angle is no rotation";
}

TEST(Rotation, ScreenPointsMapToTheLayoutForEveryAngle) {
    struct Case {
        int deg;
        float sx, sy, lx, ly;
        const char* why;
    };
    const Case cases[] = {
        {0, 100, 50, 100, 50, "no rotation is the identity"},
        // 90° clockwise: the picture's top-left is at the screen's top-right.
        {90, 1920, 0, 0, 0, "90: screen top-right shows the layout's top-left"},
        {90, 0, 0, 0, 1920, "90: screen top-left shows the layout's bottom-left"},
        {90, 0, 1080, 1080, 1920, "90: screen bottom-left shows the layout's bottom-right"},
        {90, 1920 - 200, 300, 300, 200, "90: a point near the top-right"},
        // 180: upside down.
        {180, 0, 0, 1920, 1080, "180: screen top-left shows the layout's bottom-right"},
        {180, 1900, 1000, 20, 80, "180: a point near the bottom-right"},
        // 270 (90° anticlockwise): the picture's top-left is at the screen's bottom-left.
        {270, 0, 1080, 0, 0, "270: screen bottom-left shows the layout's top-left"},
        {270, 1920, 1080, 0, 1920, "270: screen bottom-right shows the layout's bottom-left"},
        {270, 200, 1080 - 300, 300, 200, "270: a point near the bottom-left"},
    };
    for (const Case& c : cases) {
        const LogicalPoint p = screen_to_logical(c.deg, c.sx, c.sy, 1920, 1080);
        EXPECT_FLOAT_EQ(p.x, c.lx) << c.why;
        EXPECT_FLOAT_EQ(p.y, c.ly) << c.why;
    }
}

TEST(Rotation, PointerInputTurnsTouchesAndClicksBack) {
    PointerInput p;
    p.set_rotation(90);
    // A finger at 90 % across, 10 % down a sideways 1920×1080 screen.
    EXPECT_TRUE(p.handle(finger(SDL_FINGERDOWN, 0.9f, 0.1f), 1920, 1080));
    EXPECT_TRUE(p.handle(mouse_button(SDL_MOUSEBUTTONUP, 1728, 108, 0), 1920, 1080));
    PointerEvent e;
    ASSERT_TRUE(p.next(e));
    EXPECT_NEAR(e.x, 108.0f, 0.01f) << "the finger's screen y is the portrait layout's x";
    EXPECT_NEAR(e.y, 192.0f, 0.01f) << "the distance from the screen's right edge is the layout's y";
    ASSERT_TRUE(p.next(e));
    EXPECT_FLOAT_EQ(e.x, 108.0f) << "mouse events are turned the same way";
    EXPECT_FLOAT_EQ(e.y, 192.0f);
}

}  // namespace
}  // namespace kiosk
