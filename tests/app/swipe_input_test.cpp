// SDL finger events, as a touchscreen sends them, through PointerInput into the swipe recogniser:
// the same path the kiosk's frame loop takes (one queued event per frame).
#include "core/swipe_gesture.h"
#include "app/pointer_input.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

SDL_Event finger(Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 0;
    e.tfinger.x = x;  // normalised to the screen
    e.tfinger.y = y;
    return e;
}

// Drains the queue as the frames do, feeding each event to the gesture.
Swipe drain(PointerInput& in, SwipeGesture& g, bool& hidden_on_release) {
    Swipe out = Swipe::None;
    PointerEvent p;
    while (in.next(p)) {
        if (p.kind == PointerEvent::Kind::Down) g.down(p.x, p.y);
        if (p.kind == PointerEvent::Kind::Move) g.move(p.x, p.y);
        if (p.kind == PointerEvent::Kind::Up) {
            if (g.is_drag()) in.hide_until_next_press();
            out = g.up(p.x, p.y);
            hidden_on_release = in.x() < 0;
        }
    }
    return out;
}

TEST(SwipeInput, AFingerSwipeLeftIsNextAndHidesThePointerFromButtons) {
    PointerInput in;
    SwipeGesture g(swipe_thresholds_for(1920, 1080));
    for (const SDL_Event& e : {finger(SDL_FINGERDOWN, 0.80f, 0.85f), finger(SDL_FINGERMOTION, 0.75f, 0.85f),
                               finger(SDL_FINGERMOTION, 0.60f, 0.86f), finger(SDL_FINGERUP, 0.55f, 0.86f)})
        ASSERT_TRUE(in.handle(e, 1920, 1080));
    bool hidden = false;
    EXPECT_EQ(drain(in, g, hidden), Swipe::Next);
    EXPECT_TRUE(hidden) << "ImGui would see the release over the main button and press it";
    // The next press shows the pointer again.
    ASSERT_TRUE(in.handle(finger(SDL_FINGERDOWN, 0.5f, 0.5f), 1920, 1080));
    PointerEvent p;
    ASSERT_TRUE(in.next(p));
    EXPECT_FLOAT_EQ(in.x(), 960.0f);
}

TEST(SwipeInput, AFingerSwipeRightIsPreviousAndATapStaysATap) {
    PointerInput in;
    SwipeGesture g(swipe_thresholds_for(1080, 1920));
    for (const SDL_Event& e : {finger(SDL_FINGERDOWN, 0.20f, 0.5f), finger(SDL_FINGERMOTION, 0.35f, 0.5f),
                               finger(SDL_FINGERUP, 0.45f, 0.52f)})
        ASSERT_TRUE(in.handle(e, 1080, 1920));
    bool hidden = false;
    EXPECT_EQ(drain(in, g, hidden), Swipe::Previous);
    for (const SDL_Event& e : {finger(SDL_FINGERDOWN, 0.50f, 0.5f), finger(SDL_FINGERMOTION, 0.502f, 0.501f),
                               finger(SDL_FINGERUP, 0.503f, 0.5f)})
        ASSERT_TRUE(in.handle(e, 1080, 1920));
    EXPECT_EQ(drain(in, g, hidden), Swipe::Tap);
    EXPECT_FALSE(hidden) << "a tap must still reach the buttons";
}

}  // namespace
}  // namespace kiosk
