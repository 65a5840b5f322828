#include "picture_decoder.h"

#include "core/image_probe.h"
#include "core/slide_layout.h"
#include "sdl_ptrs.h"

#include <SDL_image.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace kiosk {

namespace {

// Pixels of `s` shrunk to fit w×h. SDL_image gives RGBA32 or RGB24 for most files; anything else
// (palette PNGs, grey JPEGs) is converted first.
PictureDecode to_picture(SDL_Surface* s, PictureSize size) {
    sdl::Surface converted;
    const Uint32 format = s->format->format;
    int bpp = format == SDL_PIXELFORMAT_RGBA32 ? 4 : format == SDL_PIXELFORMAT_RGB24 ? 3 : 0;
    if (bpp == 0) {
        converted.reset(SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0));
        if (!converted) return {nullptr, std::string("the picture could not be converted (") + SDL_GetError() + ")"};
        s = converted.get();
        bpp = 4;
    }
    if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0) return {nullptr, SDL_GetError()};
    auto picture = std::make_shared<Picture>(
        downscale_picture(static_cast<const std::uint8_t*>(s->pixels), s->w, s->h, s->pitch, bpp, size.w, size.h));
    if (SDL_MUSTLOCK(s)) SDL_UnlockSurface(s);
    if (picture->rgba.empty()) return {nullptr, "the picture has no pixels"};
    return {std::move(picture), {}};
}

}  // namespace

PictureSize shown_picture_size(const SlideImage& image, SlideLayoutKind layout, int screen_w, int screen_h) {
    Rect box = compute_regions(screen_w, screen_h, layout, true).image;
    if (box.w <= 0 || box.h <= 0) box = Rect{0, 0, 64, 64};
    const Rect fit = fit_image(image.width, image.height, box);
    if (image.format != ImageFormat::Svg && fit.w >= image.width) return {image.width, image.height};
    return {fit.w, fit.h};
}

PictureDecode decode_picture(const SlideImage& image, std::string_view bytes, PictureSize size) {
    if (size.w <= 0 || size.h <= 0) return {nullptr, "the picture has no size"};
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    if (!rw) return {nullptr, SDL_GetError()};
    sdl::Surface surface;
    switch (image.format) {
        case ImageFormat::Svg:
            surface.reset(IMG_LoadSizedSVG_RW(rw, size.w, size.h));
            break;
        // The type the header probe found, so the decoder is the one whose limits were checked.
        case ImageFormat::Png:
            surface.reset(IMG_LoadTyped_RW(rw, 0, "PNG"));
            break;
        case ImageFormat::Jpeg:
            surface.reset(IMG_LoadTyped_RW(rw, 0, "JPG"));
            break;
    }
    SDL_RWclose(rw);
    if (!surface) return {nullptr, std::string("the file could not be decoded (") + IMG_GetError() + ")"};
    if (static_cast<long long>(surface->w) * surface->h > kMaxImagePixels) {
        return {nullptr, "the picture is larger than its header said"};
    }
    return to_picture(surface.get(), size);
}

PictureDecoder picture_decoder_for_screen(int screen_w, int screen_h, std::shared_ptr<const Deck> previous) {
    struct Known {
        std::mutex mutex;
        std::map<std::string, std::shared_ptr<const Picture>> by_key;  // digest|WxH
    };
    auto known = std::make_shared<Known>();
    const auto key = [](const std::string& digest, int w, int h) {
        return digest + '|' + std::to_string(w) + 'x' + std::to_string(h);
    };
    if (previous) {
        for (const auto& s : previous->slides) {
            if (s->image && s->image->pixels && !is_waiting_picture(s->image->pixels) && !s->image->digest.empty()) {
                known->by_key.emplace(key(s->image->digest, s->image->pixels->width, s->image->pixels->height),
                                      s->image->pixels);
            }
        }
    }
    return [screen_w, screen_h, known, key](const SlideImage& image, std::string_view bytes, SlideLayoutKind layout) {
        const PictureSize size = shown_picture_size(image, layout, screen_w, screen_h);
        const std::string k = key(image.digest, size.w, size.h);
        {
            std::lock_guard lock(known->mutex);
            if (const auto it = known->by_key.find(k); it != known->by_key.end() && !image.digest.empty()) {
                return PictureDecode{it->second, {}};
            }
        }
        PictureDecode d = decode_picture(image, bytes, size);
        if (d.pixels && !image.digest.empty()) {
            std::lock_guard lock(known->mutex);
            known->by_key.emplace(k, d.pixels);
        }
        return d;
    };
}

namespace {
// One 1×1 picture stands for every put-off one: a slide holding it is known to be waiting.
const std::shared_ptr<const Picture>& waiting_picture() {
    static const auto waiting = [] {
        auto p = std::make_shared<Picture>();
        p->width = 1;
        p->height = 1;
        p->rgba.assign(4, 0);
        return std::shared_ptr<const Picture>(std::move(p));
    }();
    return waiting;
}
}  // namespace

bool is_waiting_picture(const std::shared_ptr<const Picture>& pixels) {
    return pixels && pixels == waiting_picture();
}

PictureDecoder first_picture_decoder_for_screen(int screen_w, int screen_h) {
    auto decode = picture_decoder_for_screen(screen_w, screen_h);
    auto first_done = std::make_shared<std::atomic<bool>>(false);
    return [decode, first_done](const SlideImage& image, std::string_view bytes, SlideLayoutKind layout) {
        if (first_done->exchange(true)) return PictureDecode{waiting_picture(), {}};
        return decode(image, bytes, layout);
    };
}

}  // namespace kiosk
