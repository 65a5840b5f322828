#include "image_cache.h"

#include <SDL_image.h>

namespace kiosk {

sdl::Surface load_image_surface(const SlideImage& image, int w, int h) {
    if (image.format == ImageFormat::Svg && w > 0 && h > 0) {
        SDL_RWops* rw = SDL_RWFromFile(image.path.c_str(), "rb");
        if (!rw) return nullptr;
        sdl::Surface s(IMG_LoadSizedSVG_RW(rw, w, h));
        SDL_RWclose(rw);
        return s;
    }
    return sdl::Surface(IMG_Load(image.path.c_str()));
}

std::string verify_image_decodes(const SlideImage& image) {
    // A small raster is enough to prove an SVG parses; bitmaps are decoded whole (they are size
    // checked by their header before this runs).
    const sdl::Surface s = load_image_surface(image, image.format == ImageFormat::Svg ? 64 : 0, 64);
    if (!s) return std::string("the file could not be decoded (") + IMG_GetError() + ")";
    return {};
}

SDL_Texture* ImageCache::get(const SlideImage& image, const Rect& box, Rect* where) {
    const Rect fit = fit_image(image.width, image.height, box);
    if (where) *where = fit;
    std::error_code ec;
    const auto stamp = std::filesystem::last_write_time(image.path, ec).time_since_epoch().count();
    const std::string key = image.path.string() + '|' + std::to_string(stamp) + '|' + std::to_string(fit.w) + 'x' +
                            std::to_string(fit.h);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->key == key) {
            entries_.splice(entries_.begin(), entries_, it);
            return entries_.front().texture.get();
        }
    }
    sdl::Surface surface = load_image_surface(image, fit.w, fit.h);
    if (!surface) {
        SDL_Log("cannot decode %s: %s", image.path.c_str(), IMG_GetError());
        return nullptr;
    }
    sdl::Texture texture(SDL_CreateTextureFromSurface(renderer_, surface.get()));
    if (!texture) return nullptr;
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeBest);
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    entries_.push_front(Entry{key, std::move(texture)});
    while (entries_.size() > max_entries_) entries_.pop_back();
    return entries_.front().texture.get();
}

}  // namespace kiosk
