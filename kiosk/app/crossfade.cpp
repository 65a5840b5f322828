#include "crossfade.h"

#include "core/frame_blend.h"

#include <algorithm>
#include <atomic>
#include <cstring>

namespace kiosk {

std::uint64_t next_slide_pixels_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

void CrossfadeFrame::clear() {
    texture_.reset();
    w_ = h_ = 0;
    held_a_ = held_b_ = 0;
    held_weight_ = -1;
}

namespace {

// The pixel format of what the frame is copied onto. When the texture has the same one, SDL's copy
// is a memcpy per row; ARGB onto an X11 window's XRGB surface is a per-pixel conversion instead
// (measured: the larger part of a 1080p fade frame). XRGB holds the same bytes as opaque ARGB.
Uint32 copy_format(SDL_Renderer* renderer) {
    Uint32 format = SDL_PIXELFORMAT_ARGB8888;
    if (SDL_Texture* target = SDL_GetRenderTarget(renderer)) {
        SDL_QueryTexture(target, &format, nullptr, nullptr, nullptr);
    } else if (SDL_Window* window = SDL_RenderGetWindow(renderer)) {
        format = SDL_GetWindowPixelFormat(window);
    }
    return format == SDL_PIXELFORMAT_RGB888 ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888;
}

}  // namespace

bool CrossfadeFrame::ensure(int w, int h) {
    const Uint32 format = copy_format(renderer_);
    if (texture_ && w == w_ && h == h_ && format == format_) return true;
    clear();
    texture_.reset(SDL_CreateTexture(renderer_, format, SDL_TEXTUREACCESS_STREAMING, w, h));
    format_ = format;
    if (!texture_) return false;
    // Opaque slides: a plain copy to the screen, never SDL's per-pixel blend.
    SDL_SetTextureBlendMode(texture_.get(), SDL_BLENDMODE_NONE);
    w_ = w;
    h_ = h;
    return true;
}

bool CrossfadeFrame::fill_rect(const SlidePixels& a, const SlidePixels& b, int weight, const SDL_Rect& area) {
    void* pixels = nullptr;
    int pitch = 0;
    if (SDL_LockTexture(texture_.get(), &area, &pixels, &pitch) != 0) return false;
    auto* out = static_cast<std::uint8_t*>(pixels);
    const auto n = static_cast<std::size_t>(area.w);
    for (int y = 0; y < area.h; ++y) {
        const std::size_t at = static_cast<std::size_t>(area.y + y) * static_cast<std::size_t>(a.w) +
                               static_cast<std::size_t>(area.x);
        auto* row = reinterpret_cast<std::uint32_t*>(out + static_cast<std::ptrdiff_t>(y) * pitch);
        if (weight <= 0 || weight >= 256 || a.id == b.id) {
            std::memcpy(row, (weight >= 256 ? b : a).argb.data() + at, n * 4);
        } else if (pitch == a.w * 4 && area.x == 0 && area.w == a.w) {
            // Whole rows, one pass (the loop ends here).
            blend_pixels(a.argb.data() + at, b.argb.data() + at, row, n * static_cast<std::size_t>(area.h), weight);
            break;
        } else {
            blend_pixels(a.argb.data() + at, b.argb.data() + at, row, n, weight);
        }
    }
    SDL_UnlockTexture(texture_.get());
    return true;
}

bool CrossfadeFrame::fill(const SlidePixels& a, const SlidePixels& b, int weight, int rows) {
    if (held_a_ == a.id && held_b_ == b.id && held_weight_ == weight && held_rows_ >= rows) return true;
    if (!fill_rect(a, b, weight, SDL_Rect{0, 0, a.w, rows})) return false;
    held_a_ = a.id;
    held_b_ = b.id;
    held_weight_ = weight;
    held_rows_ = rows;
    return true;
}

bool CrossfadeFrame::blend(const SlidePixels& a, const SlidePixels& b, int weight, const std::vector<Rect>& rects) {
    if (a.w != b.w || a.h != b.h || a.argb.size() != b.argb.size()) return false;
    if (!ensure(a.w, a.h)) return false;
    held_a_ = held_b_ = 0;  // the texture now holds pieces of several frames
    held_weight_ = -1;
    for (const Rect& r : rects) {
        const SDL_Rect area{r.x, r.y, r.w, r.h};
        SDL_Rect inside{};
        const SDL_Rect whole{0, 0, a.w, a.h};
        if (!SDL_IntersectRect(&area, &whole, &inside)) continue;
        if (!fill_rect(a, b, weight, inside)) return false;
        if (SDL_RenderCopy(renderer_, texture_.get(), &inside, &inside) != 0) return false;
    }
    return true;
}

bool CrossfadeFrame::blend(const SlidePixels& a, const SlidePixels& b, int weight, int rows) {
    if (a.w != b.w || a.h != b.h || a.argb.size() != b.argb.size()) return false;
    rows = std::clamp(rows, 0, a.h);
    if (!ensure(a.w, a.h)) return false;
    // The two ends of a fade are the slides themselves: keyed the same way as show().
    if (weight <= 0) return show(a, rows);
    if (weight >= 256) return show(b, rows);
    if (!fill(a, b, weight, rows)) return false;
    const SDL_Rect area{0, 0, a.w, rows};
    return SDL_RenderCopy(renderer_, texture_.get(), &area, &area) == 0;
}

bool CrossfadeFrame::show(const SlidePixels& slide, int rows) {
    rows = std::clamp(rows, 0, slide.h);
    if (!ensure(slide.w, slide.h)) return false;
    if (!fill(slide, slide, 0, rows)) return false;
    const SDL_Rect area{0, 0, slide.w, rows};
    return SDL_RenderCopy(renderer_, texture_.get(), &area, &area) == 0;
}

}  // namespace kiosk
