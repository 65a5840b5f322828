#include "screen_updates.h"

#include <algorithm>
#include <string_view>

namespace kiosk {

ScreenUpdates::ScreenUpdates(SDL_Window* window, SDL_Renderer* renderer) : window_(window), renderer_(renderer) {
    SDL_RendererInfo info{};
    software_window_ = window_ != nullptr && SDL_GetRendererInfo(renderer_, &info) == 0 && info.name &&
                       std::string_view(info.name) == "software";
}

FramePlan ScreenUpdates::plan(SlideRenderer& painter, const UiLayer& ui, const PlayerFrame& frame,
                              const LocalTime& now, int w, int h, bool in_parts) {
    std::optional<SlideFrameKey> key;
    if (software_window_ && in_parts) key = painter.frame_key(frame, now, w, h);
    FramePlan plan;
    if (!key) {
        plan.drawn = {Rect{0, 0, w, h}};
    } else {
        FrameChange change;
        change.screen_kept = last_ && last_->slide_area == key->slide_area && last_->footer_area == key->footer_area;
        change.overlay_same = ui.overlay_same();
        if (change.screen_kept) {
            change.slides_same = key->a == last_->a && key->b == last_->b && key->weight == last_->weight;
            change.footer_same = key->footer == last_->footer;
        }
        // Between two painted slides (a fade, its first and last frames, a jump from one to the
        // other) only where they differ can change: the rest of the screen already shows it.
        std::optional<std::vector<Rect>> changing;
        if (change.screen_kept && !change.slides_same) {
            std::vector<std::uint64_t> ids{last_->a, last_->b, key->a, key->b};
            std::ranges::sort(ids);
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            if (ids.size() == 2) changing = painter.changing_parts(ids[0], ids[1], w, h);
        }
        plan = plan_frame(change, key->slide_area, key->footer_area, ui.opaque_areas(), changing ? &*changing : nullptr);
    }
    last_ = std::move(key);
    return plan;
}

void ScreenUpdates::present(const FramePlan& plan) {
    if (plan.full || !software_window_) {
        ++full_;
        SDL_RenderPresent(renderer_);
        return;
    }
    ++partial_;
    // The software renderer queues its drawing; once flushed, the window's surface holds the frame
    // and only the rows drawn are sent to the display (SDL_RenderPresent would send all of it).
    const Rect box = bounding_box(plan.drawn);
    if (box.w <= 0 || box.h <= 0) return;  // nothing changed on screen
    SDL_RenderFlush(renderer_);
    const SDL_Rect rect{box.x, box.y, box.w, box.h};
    if (SDL_UpdateWindowSurfaceRects(window_, &rect, 1) != 0) {
        SDL_RenderPresent(renderer_);  // the surface went away under us: show everything
        last_.reset();
    }
}

}  // namespace kiosk
