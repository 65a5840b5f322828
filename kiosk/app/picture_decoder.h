// Turns a picture's bytes (read safely and size-checked by its header in the core) into pixels at
// the size the slide shows it, on the deck loader's thread: SVGs are rasterised at that size so
// they stay crisp, photos are decoded and shrunk so a 4000×3000 JPEG costs what its box costs.
// Decodes from memory only: nothing here opens a file.
#pragma once

#include "core/deck.h"
#include "core/slide_parser.h"

#include <memory>
#include <string_view>

namespace kiosk {

struct PictureSize {
    int w = 0, h = 0;
};

// The pixel size a picture is kept at for a screen_w×screen_h screen: fitted into the slide
// layout's image box, and never larger than a bitmap's own size (the renderer scales small ones
// up). A layout that shows no picture still gets a small size, so the picture is proven decodable.
[[nodiscard]] PictureSize shown_picture_size(const SlideImage& image, SlideLayoutKind layout, int screen_w,
                                             int screen_h);

// Decodes `bytes` (the picture's whole file) at about w×h. Thread-safe; needs no video driver.
[[nodiscard]] PictureDecode decode_picture(const SlideImage& image, std::string_view bytes, PictureSize size);

// The deck loader's decoder for one load at a screen size. A picture whose bytes and shown size
// match one in `previous` (or earlier in the same load) shares its pixels instead of being
// decoded again: reloads stay cheap and an unchanged picture is held in memory once.
[[nodiscard]] PictureDecoder picture_decoder_for_screen(int screen_w, int screen_h,
                                                        std::shared_ptr<const Deck> previous = nullptr);

// For a quick first frame: decodes the first picture asked for like picture_decoder_for_screen,
// and answers every later one with a shared placeholder (is_waiting_picture) instead of decoding it.
[[nodiscard]] PictureDecoder first_picture_decoder_for_screen(int screen_w, int screen_h);
// True for the placeholder of a picture first_picture_decoder_for_screen put off.
[[nodiscard]] bool is_waiting_picture(const std::shared_ptr<const Picture>& pixels);

}  // namespace kiosk
