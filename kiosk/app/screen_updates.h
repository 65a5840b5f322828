// Draw only what changed, on the software renderer: SDL's software renderer draws into the
// window's own surface, a plain buffer that keeps the last frame's pixels until the window changes
// size, so a fade frame re-blends the slides around the buttons' opaque middles, leaves the footer
// alone unless its clock or dots changed, and presents only those rows (core/frame_damage.h).
// This class remembers what the screen holds. Accelerated renderers (double-buffered), a turned
// screen's target, and anything it cannot vouch for (a window event, the dark screen, the A+ view
// or the information screen drawn by someone else) get whole frames.
#pragma once

#include "core/frame_damage.h"
#include "slide_renderer.h"
#include "ui_layer.h"

#include <SDL.h>

#include <optional>

namespace kiosk {

class ScreenUpdates {
public:
    ScreenUpdates(SDL_Window* window, SDL_Renderer* renderer);

    // The screen's pixels are unknown (exposed, resized, drawn by other code): the next frame is whole.
    void forget() { last_.reset(); }
    // What the next frame draws. `in_parts` false: this frame is not only slides, footer and ImGui.
    // Call after the ImGui frame is built (UiLayer::finish_frame), before anything is drawn.
    [[nodiscard]] FramePlan plan(SlideRenderer& painter, const UiLayer& ui, const PlayerFrame& frame,
                                 const LocalTime& now, int w, int h, bool in_parts);
    // Shows the frame: the whole screen, or only the drawn rows on the software renderer.
    void present(const FramePlan& plan);

    // Frames drawn in parts and whole since the start (for the benchmark).
    [[nodiscard]] std::uint64_t partial_frames() const { return partial_; }
    [[nodiscard]] std::uint64_t full_frames() const { return full_; }

private:
    SDL_Window* window_;
    SDL_Renderer* renderer_;
    bool software_window_ = false;  // the software renderer drawing straight into the window
    std::optional<SlideFrameKey> last_;
    std::uint64_t partial_ = 0, full_ = 0;
};

}  // namespace kiosk
