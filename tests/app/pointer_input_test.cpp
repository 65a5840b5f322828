// Touch and mouse as one pointer: what a real touchscreen sends (finger events, plus SDL's
// synthetic mouse copies of them) must become exactly one press and one release, at the finger.
#include "app/pointer_input.h"

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

}  // namespace
}  // namespace kiosk
