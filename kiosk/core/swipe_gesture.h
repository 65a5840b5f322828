// Tells a swipe from a tap on the slide, from the pointer's down / move / up events (a finger or a
// mouse, in layout pixels). A patient swipes left for the next slide and right for the previous
// one. Once the finger has travelled past a small slop the touch is a drag: the app then hides the
// pointer from the buttons, so a swipe that starts or ends on the main button never presses it.
#pragma once

namespace kiosk {

enum class Swipe { None, Tap, Next, Previous };

struct SwipeThresholds {
    float slop_px = 12;        // travel under this is still a tap (a shaky finger)
    float min_travel_px = 96;  // horizontal travel that makes a swipe
    float max_slope = 0.7f;    // |dy| / |dx| above this is a vertical drag: neither tap nor swipe
};

// Scaled to the screen: the slop to ~1.2 % of the shorter side, the travel to ~7 % of the width
// (a thumb's short flick on a 24" screen; at least 48 px on a small one).
[[nodiscard]] SwipeThresholds swipe_thresholds_for(int screen_w, int screen_h);

class SwipeGesture {
public:
    explicit SwipeGesture(SwipeThresholds t = {}) : t_(t) {}

    void down(float x, float y);
    void move(float x, float y);
    // The gesture the touch made; None when there was no down, or for a drag that was neither.
    Swipe up(float x, float y);
    void cancel() { tracking_ = false; drag_ = false; }

    [[nodiscard]] bool tracking() const { return tracking_; }
    // The touch has moved past the slop: it is not a tap, whatever it becomes.
    [[nodiscard]] bool is_drag() const { return drag_; }
    void set_thresholds(SwipeThresholds t) { t_ = t; }

private:
    void track(float x, float y);
    SwipeThresholds t_;
    bool tracking_ = false;
    bool drag_ = false;
    float x0_ = 0, y0_ = 0;
};

}  // namespace kiosk
