// Slide pictures as textures, made on the frame loop from pixels the deck already holds in memory
// (decoded by the loader thread at the size they are shown): no file is read here, so nothing on
// disk can stall or change what is drawn. Only a few are kept: a slide is painted once into its
// own texture, so a picture texture is needed only while the current or next slide is painted.
#pragma once

#include "core/picture.h"
#include "sdl_ptrs.h"

#include <list>
#include <memory>

namespace kiosk {

class ImageCache {
public:
    explicit ImageCache(SDL_Renderer* renderer, std::size_t max_entries = 1)
        : renderer_(renderer), max_entries_(max_entries) {}

    // The texture of `picture`; nullptr when the renderer cannot make one (the slide is then
    // shown without its picture).
    SDL_Texture* get(const std::shared_ptr<const Picture>& picture);
    void clear() { entries_.clear(); }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::shared_ptr<const Picture> picture;  // held, so the key cannot be reused by another picture
        sdl::Texture texture;
    };
    SDL_Renderer* renderer_;
    std::size_t max_entries_;
    std::list<Entry> entries_;  // most recently used first
};

}  // namespace kiosk
