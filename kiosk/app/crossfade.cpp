#include "crossfade.h"

#include "core/frame_blend.h"

#include <algorithm>
#include <atomic>

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

bool CrossfadeFrame::ensure(int w, int h) {
    if (texture_ && w == w_ && h == h_) return true;
    clear();
    texture_.reset(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h));
    if (!texture_) return false;
    // Opaque slides: a plain copy to the screen, never SDL's per-pixel blend.
    SDL_SetTextureBlendMode(texture_.get(), SDL_BLENDMODE_NONE);
    w_ = w;
    h_ = h;
    return true;
}

bool CrossfadeFrame::fill(const SlidePixels& a, const SlidePixels& b, int weight, int rows) {
    if (held_a_ == a.id && held_b_ == b.id && held_weight_ == weight && held_rows_ >= rows) return true;
    const SDL_Rect area{0, 0, a.w, rows};
    void* pixels = nullptr;
    int pitch = 0;
    if (SDL_LockTexture(texture_.get(), &area, &pixels, &pitch) != 0) return false;
    auto* out = static_cast<std::uint8_t*>(pixels);
    if (pitch == a.w * 4) {
        blend_pixels(a.argb.data(), b.argb.data(), reinterpret_cast<std::uint32_t*>(out),
                     static_cast<std::size_t>(a.w) * static_cast<std::size_t>(rows), weight);
    } else {
        for (int y = 0; y < rows; ++y) {
            const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(a.w);
            blend_pixels(a.argb.data() + at, b.argb.data() + at, reinterpret_cast<std::uint32_t*>(out + y * pitch),
                         static_cast<std::size_t>(a.w), weight);
        }
    }
    SDL_UnlockTexture(texture_.get());
    held_a_ = a.id;
    held_b_ = b.id;
    held_weight_ = weight;
    held_rows_ = rows;
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
