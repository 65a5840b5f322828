// [display] rotate for a screen mounted sideways or upside down when the compositor cannot turn
// the picture: each frame (slides and ImGui) is drawn at the turned size into a target texture,
// then copied onto the screen turned with SDL_RenderCopyEx. At 0° it does nothing at all.
#pragma once

#include "core/rotation.h"
#include "sdl_ptrs.h"

#include <SDL.h>

#include <string>

namespace kiosk {

class RotatedFrame {
public:
    // For a screen of out_w×out_h turned `degrees`: returns the size to lay out for. When the
    // texture cannot be made, `error` says why and the picture stays unturned (degrees() is 0).
    LogicalSize configure(SDL_Renderer* renderer, int degrees, int out_w, int out_h, std::string* error);
    [[nodiscard]] int degrees() const { return degrees_; }
    // Around the drawing of one frame.
    void begin(SDL_Renderer* renderer) const;
    void finish(SDL_Renderer* renderer) const;

private:
    sdl::Texture texture_;  // null at 0°
    int degrees_ = 0;
    int out_w_ = 0, out_h_ = 0;
    LogicalSize size_;
};

}  // namespace kiosk
