// The software renderer's crossfade: each slide is held as plain ARGB pixels (painted once), and
// a fade frame is `a + (b − a)·t` over the two (core/frame_blend.h) written straight into one
// streaming texture, which is then copied to the screen without blending. SDL's own way (a
// texture drawn with alpha modulation over another) runs its generic per-pixel blend twice per
// frame; this is one pass over three buffers. Only the rows above the footer are blended and
// copied: the footer is opaque and drawn on top. When the software renderer draws into the
// window's own surface, every frame is blended straight into it (no texture, no copy, no third
// full-screen buffer); a frame drawn in parts (screen_updates.h) blends only the rectangles it names.
#pragma once

#include "core/text_layout.h"
#include "sdl_ptrs.h"

#include <cstdint>
#include <vector>

namespace kiosk {

// A painted slide, read back once from the texture it was painted into.
struct SlidePixels {
    int w = 0, h = 0;
    std::vector<std::uint32_t> argb;  // ARGB8888, rows of w pixels
    std::uint64_t id = 0;             // unique per painting: says what the frame texture holds
};

class CrossfadeFrame {
public:
    explicit CrossfadeFrame(SDL_Renderer* renderer);

    // Draws `slide` over rows [0, rows); uploads it only when the frame holds something else
    // (a static slide costs one copy per frame, no upload).
    bool show(const SlidePixels& slide, int rows);
    // Draws the blend of `a` towards `b` (weight 0..256) over rows [0, rows).
    bool blend(const SlidePixels& a, const SlidePixels& b, int weight, int rows);
    // The same blend (0 or 256: one slide) over `rects` only, each copied to the screen.
    bool blend(const SlidePixels& a, const SlidePixels& b, int weight, const std::vector<Rect>& rects);
    void clear();

private:
    bool ensure(int w, int h);
    bool fill(const SlidePixels& a, const SlidePixels& b, int weight, int rows);
    bool fill_rect(const SlidePixels& a, const SlidePixels& b, int weight, const SDL_Rect& area);
    static void blend_row(const SlidePixels& a, const SlidePixels& b, int weight, std::size_t at, std::uint32_t* out,
                          std::size_t n);
    // The window's own surface when the software renderer draws straight into it (no target
    // texture) in a 32-bit format of this size; else null (the texture path).
    [[nodiscard]] SDL_Surface* window_surface(int w, int h) const;

    SDL_Renderer* renderer_;
    bool software_ = false;
    sdl::Texture texture_;
    int w_ = 0, h_ = 0;
    Uint32 format_ = 0;  // ARGB8888, or the window's XRGB8888 (the same bytes, a plain copy)
    // What the texture holds now: ids of the two slides, the weight and how many rows.
    std::uint64_t held_a_ = 0, held_b_ = 0;
    int held_weight_ = -1, held_rows_ = 0;
};

// A fresh id for SlidePixels (never 0).
[[nodiscard]] std::uint64_t next_slide_pixels_id();

}  // namespace kiosk
