#include "image_cache.h"

namespace kiosk {

SDL_Texture* ImageCache::get(const std::shared_ptr<const Picture>& picture) {
    if (!picture || picture->width <= 0 || picture->height <= 0) return nullptr;
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->picture == picture) {
            entries_.splice(entries_.begin(), entries_, it);
            return entries_.front().texture.get();
        }
    }
    sdl::Texture texture(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, picture->width,
                                           picture->height));
    if (!texture || SDL_UpdateTexture(texture.get(), nullptr, picture->rgba.data(), picture->width * 4) != 0) {
        SDL_Log("cannot make a texture for a %dx%d picture: %s", picture->width, picture->height, SDL_GetError());
        return nullptr;
    }
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeBest);
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    entries_.push_front(Entry{picture, std::move(texture)});
    while (entries_.size() > max_entries_) entries_.pop_back();
    return entries_.front().texture.get();
}

}  // namespace kiosk
