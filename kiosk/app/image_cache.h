// Slide pictures as textures at the size they are shown. SVGs are rasterised at that size (so
// they stay crisp on a 4K screen); bitmaps are decoded once and scaled by the renderer.
#pragma once

#include "core/slide.h"
#include "core/text_layout.h"
#include "sdl_ptrs.h"

#include <list>
#include <string>

namespace kiosk {

class ImageCache {
public:
    explicit ImageCache(SDL_Renderer* renderer, std::size_t max_entries = 24)
        : renderer_(renderer), max_entries_(max_entries) {}

    // The texture for `image` fitted into `box` (aspect kept); `where` receives the drawn rect.
    // nullptr when it cannot be decoded (the caller shows the slide without its picture).
    SDL_Texture* get(const SlideImage& image, const Rect& box, Rect* where);
    void clear() { entries_.clear(); }

private:
    struct Entry {
        std::string key;
        sdl::Texture texture;
    };
    SDL_Renderer* renderer_;
    std::size_t max_entries_;
    std::list<Entry> entries_;  // most recently used first
};

// Decodes the picture fully with SDL_image to prove it can be shown; returns the reason if not.
// Used as the deck loader's ImageVerifier (needs no window or video driver).
[[nodiscard]] std::string verify_image_decodes(const SlideImage& image);

// Loads an image surface, rasterising SVGs at w×h (0×0 = natural size).
[[nodiscard]] sdl::Surface load_image_surface(const SlideImage& image, int w, int h);

}  // namespace kiosk
