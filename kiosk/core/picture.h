// A slide's picture decoded into memory at the size it is shown, owned by the deck. The frame loop
// draws from these pixels only, so a picture file that changes, vanishes or turns into a pipe
// after it was checked can never stall or change what is on screen.
#pragma once

#include <cstdint>
#include <vector>

namespace kiosk {

// Immutable once published (held as shared_ptr<const Picture>): the loader thread makes it, the
// frame loop turns it into a texture.
struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // width × height pixels, bytes R, G, B, A, straight alpha
};

// Area-averages `src` (bytes R,G,B or R,G,B,A, rows `pitch` bytes apart) down to at most tw×th.
// Colour is weighted by alpha so transparent pixels do not darken edges. A target as large as the
// source or larger copies the source unchanged (the renderer scales small pictures up).
[[nodiscard]] Picture downscale_picture(const std::uint8_t* src, int sw, int sh, int pitch, int bytes_per_pixel, int tw,
                                        int th);

}  // namespace kiosk
