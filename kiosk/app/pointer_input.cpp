#include "pointer_input.h"

#include "core/rotation.h"

namespace kiosk {

void PointerInput::push(PointerEvent::Kind kind, float x, float y) {
    if (kind == PointerEvent::Kind::Move && !queue_.empty() && queue_.back().kind == PointerEvent::Kind::Move) {
        queue_.back() = PointerEvent{kind, x, y};
        return;
    }
    queue_.push_back(PointerEvent{kind, x, y});
}

void PointerInput::push_screen(PointerEvent::Kind kind, float x, float y, int w, int h) {
    const LogicalPoint p = screen_to_logical(rotation_, x, y, w, h);
    push(kind, p.x, p.y);
}

bool PointerInput::handle(const SDL_Event& e, int w, int h) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return true;
            push_screen(PointerEvent::Kind::Move, static_cast<float>(e.motion.x), static_cast<float>(e.motion.y), w, h);
            return true;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return true;
            push_screen(e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down : PointerEvent::Kind::Up,
                        static_cast<float>(e.button.x), static_cast<float>(e.button.y), w, h);
            return true;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION: {
            // Finger coordinates are normalised to the touch device, which on a kiosk is the screen.
            const float x = e.tfinger.x * static_cast<float>(w);
            const float y = e.tfinger.y * static_cast<float>(h);
            const auto kind = e.type == SDL_FINGERDOWN ? PointerEvent::Kind::Down
                              : e.type == SDL_FINGERUP ? PointerEvent::Kind::Up
                                                       : PointerEvent::Kind::Move;
            push_screen(kind, x, y, w, h);
            return true;
        }
        default: return false;
    }
}

bool PointerInput::next(PointerEvent& out) {
    if (queue_.empty()) return false;
    out = queue_.front();
    queue_.pop_front();
    // A press also moves the pointer there, so ImGui sees the touch where the finger is.
    x_ = out.x;
    y_ = out.y;
    if (out.kind == PointerEvent::Kind::Down) {
        down_ = true;
        hidden_ = false;
    }
    if (out.kind == PointerEvent::Kind::Up) down_ = false;
    return true;
}

}  // namespace kiosk
