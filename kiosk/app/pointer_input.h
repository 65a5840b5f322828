// Touches and mouse clicks as one pointer. Real touchscreens send finger events (SDL also turns
// them into mouse events, which we then ignore to avoid double taps); xdotool and mice send mouse
// events. Presses and releases are queued and handed to Dear ImGui one per frame, because ImGui
// 1.86 only sees a click when the button is down in one frame and up in a later one.
#pragma once

#include <SDL.h>

#include <deque>

namespace kiosk {

struct PointerEvent {
    enum class Kind { Move, Down, Up } kind = Kind::Move;
    float x = 0, y = 0;  // layout pixels: window pixels, turned back when the picture is rotated
};

class PointerInput {
public:
    // Returns true when the event was a pointer event (queued). `window_w`×`window_h` is the
    // screen as mounted; queued coordinates are in the (possibly rotated) layout.
    bool handle(const SDL_Event& e, int window_w, int window_h);
    // [display] rotate: the picture is shown turned this many degrees clockwise.
    void set_rotation(int degrees) { rotation_ = degrees; }
    // The next queued event, if any (one press or release per frame; moves are merged).
    bool next(PointerEvent& out);
    [[nodiscard]] bool pending() const { return !queue_.empty(); }
    // Where widgets see the pointer: nowhere while hidden (a swipe in progress), so a drag that ends
    // over a button never presses it.
    [[nodiscard]] float x() const { return hidden_ ? -1 : x_; }
    [[nodiscard]] float y() const { return hidden_ ? -1 : y_; }
    // Hides the pointer from widgets until the next press.
    void hide_until_next_press() { hidden_ = true; }
    [[nodiscard]] bool down() const { return down_; }

private:
    void push(PointerEvent::Kind kind, float x, float y);
    void push_screen(PointerEvent::Kind kind, float x, float y, int w, int h);
    std::deque<PointerEvent> queue_;
    int rotation_ = 0;
    float x_ = -1, y_ = -1;
    bool down_ = false;
    bool hidden_ = false;
};

}  // namespace kiosk
