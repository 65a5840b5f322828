#include "rotated_frame.h"

namespace kiosk {

LogicalSize RotatedFrame::configure(SDL_Renderer* renderer, int degrees, int out_w, int out_h, std::string* error) {
    out_w_ = out_w;
    out_h_ = out_h;
    degrees_ = normalised_rotation(degrees);
    size_ = logical_size(degrees_, out_w, out_h);
    texture_.reset();
    if (degrees_ != 0) {
        texture_.reset(
            SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, size_.w, size_.h));
        if (!texture_) {
            if (error) *error = std::string("cannot turn the picture (") + SDL_GetError() + "): showing it unturned";
            degrees_ = 0;
            size_ = {out_w, out_h};
        }
    }
    return size_;
}

void RotatedFrame::begin(SDL_Renderer* renderer) const {
    if (texture_) SDL_SetRenderTarget(renderer, texture_.get());
}

void RotatedFrame::finish(SDL_Renderer* renderer) const {
    if (!texture_) return;
    SDL_SetRenderTarget(renderer, nullptr);
    // The unturned rectangle of layout size, centred on the screen, turns into the full screen.
    const SDL_Rect dst{(out_w_ - size_.w) / 2, (out_h_ - size_.h) / 2, size_.w, size_.h};
    SDL_RenderCopyEx(renderer, texture_.get(), nullptr, &dst, static_cast<double>(degrees_), nullptr, SDL_FLIP_NONE);
}

}  // namespace kiosk
