#include "swipe_gesture.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

SwipeThresholds swipe_thresholds_for(int screen_w, int screen_h) {
    SwipeThresholds t;
    const float shorter = static_cast<float>(std::max(1, std::min(screen_w, screen_h)));
    t.slop_px = std::max(8.0f, shorter * 0.012f);
    t.min_travel_px = std::max(48.0f, static_cast<float>(screen_w) * 0.07f);
    return t;
}

void SwipeGesture::down(float x, float y) {
    tracking_ = true;
    drag_ = false;
    x0_ = x;
    y0_ = y;
}

void SwipeGesture::track(float x, float y) {
    if (!tracking_ || drag_) return;
    if (std::hypot(x - x0_, y - y0_) > t_.slop_px) drag_ = true;
}

void SwipeGesture::move(float x, float y) { track(x, y); }

Swipe SwipeGesture::up(float x, float y) {
    if (!tracking_) return Swipe::None;
    track(x, y);
    tracking_ = false;
    const float dx = x - x0_;
    const float dy = y - y0_;
    if (!drag_) return Swipe::Tap;
    if (std::fabs(dx) < t_.min_travel_px || std::fabs(dy) > std::fabs(dx) * t_.max_slope) return Swipe::None;
    // The finger pulls the next slide in from the right, as on a phone.
    return dx < 0 ? Swipe::Next : Swipe::Previous;
}

}  // namespace kiosk
