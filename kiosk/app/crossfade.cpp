#include "crossfade.h"

#include "core/frame_blend.h"
#include "core/frame_damage.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string_view>

namespace kiosk {

std::uint64_t next_slide_pixels_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

CrossfadeFrame::CrossfadeFrame(SDL_Renderer* renderer) : renderer_(renderer) {
    SDL_RendererInfo info{};
    software_ = SDL_GetRendererInfo(renderer, &info) == 0 && info.name && std::string_view(info.name) == "software";
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

void CrossfadeFrame::blend_row(const SlidePixels& a, const SlidePixels& b, int weight, std::size_t at,
                               std::uint32_t* out, std::size_t n) {
    if (weight <= 0 || weight >= 256 || a.id == b.id) {
        std::memcpy(out, (weight >= 256 ? b : a).argb.data() + at, n * 4);
    } else {
        blend_pixels(a.argb.data() + at, b.argb.data() + at, out, n, weight);
    }
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
        if (pitch == a.w * 4 && area.x == 0 && area.w == a.w) {
            // Whole rows, one pass (the loop ends here).
            blend_row(a, b, weight, at, row, n * static_cast<std::size_t>(area.h));
            break;
        }
        blend_row(a, b, weight, at, row, n);
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

SDL_Surface* CrossfadeFrame::window_surface(int w, int h) const {
    if (!software_ || SDL_GetRenderTarget(renderer_) != nullptr) return nullptr;
    SDL_Window* window = SDL_RenderGetWindow(renderer_);
    SDL_Surface* s = window ? SDL_GetWindowSurface(window) : nullptr;
    if (!s || s->w != w || s->h != h || SDL_MUSTLOCK(s)) return nullptr;
    const Uint32 f = s->format->format;
    return f == SDL_PIXELFORMAT_RGB888 || f == SDL_PIXELFORMAT_ARGB8888 ? s : nullptr;
}

bool CrossfadeFrame::blend(const SlidePixels& a, const SlidePixels& b, int weight, const std::vector<Rect>& rects) {
    if (a.w != b.w || a.h != b.h || a.argb.size() != b.argb.size()) return false;
    if (SDL_Surface* screen = window_surface(a.w, a.h)) {
        // The software renderer draws into the window's surface: blend straight into it, saving
        // a copy of every pixel through the texture. What SDL queued before goes first.
        SDL_RenderFlush(renderer_);
        for (const Rect& r : rects) {
            const Rect in = intersection(r, Rect{0, 0, a.w, a.h});
            for (int y = in.y; y < in.bottom(); ++y) {
                const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(a.w) +
                                       static_cast<std::size_t>(in.x);
                auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(screen->pixels) +
                                                             static_cast<std::ptrdiff_t>(y) * screen->pitch) + in.x;
                blend_row(a, b, weight, at, row, static_cast<std::size_t>(in.w));
            }
        }
        return true;
    }
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
    if (window_surface(a.w, a.h) != nullptr) {
        // Whole rows straight into the window's surface, as the parts path does: no texture, so
        // no third full-screen buffer (7.9 MB at 1080p) is ever made on this path.
        if (texture_) clear();
        return blend(a, b, weight, std::vector<Rect>{Rect{0, 0, a.w, rows}});
    }
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
    if (window_surface(slide.w, slide.h) != nullptr) return blend(slide, slide, 0, rows);
    if (!ensure(slide.w, slide.h)) return false;
    if (!fill(slide, slide, 0, rows)) return false;
    const SDL_Rect area{0, 0, slide.w, rows};
    return SDL_RenderCopy(renderer_, texture_.get(), &area, &area) == 0;
}

}  // namespace kiosk
