#include "picture.h"

#include <algorithm>

namespace kiosk {

Picture downscale_picture(const std::uint8_t* src, int sw, int sh, int pitch, int bpp, int tw, int th) {
    Picture out;
    if (!src || sw <= 0 || sh <= 0 || (bpp != 3 && bpp != 4)) return out;
    tw = std::clamp(tw, 1, sw);
    th = std::clamp(th, 1, sh);
    out.width = tw;
    out.height = th;
    out.rgba.resize(static_cast<size_t>(tw) * static_cast<size_t>(th) * 4);
    // Each target pixel averages the whole block of source pixels it covers: every source pixel
    // counts, so a 4000-pixel photo shrunk to 900 stays smooth instead of aliasing.
    std::uint8_t* o = out.rgba.data();
    for (int ty = 0; ty < th; ++ty) {
        const int y0 = static_cast<int>(static_cast<long long>(ty) * sh / th);
        const int y1 = std::max(y0 + 1, static_cast<int>(static_cast<long long>(ty + 1) * sh / th));
        for (int tx = 0; tx < tw; ++tx) {
            const int x0 = static_cast<int>(static_cast<long long>(tx) * sw / tw);
            const int x1 = std::max(x0 + 1, static_cast<int>(static_cast<long long>(tx + 1) * sw / tw));
            std::uint64_t r = 0, g = 0, b = 0, a = 0;
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* p =
                    src + static_cast<std::ptrdiff_t>(y) * pitch + static_cast<std::ptrdiff_t>(x0) * bpp;
                for (int x = x0; x < x1; ++x, p += bpp) {
                    const std::uint32_t alpha = bpp == 4 ? p[3] : 255u;
                    r += std::uint64_t{p[0]} * alpha;
                    g += std::uint64_t{p[1]} * alpha;
                    b += std::uint64_t{p[2]} * alpha;
                    a += alpha;
                }
            }
            const std::uint64_t n = static_cast<std::uint64_t>(y1 - y0) * static_cast<std::uint64_t>(x1 - x0);
            if (a > 0) {
                o[0] = static_cast<std::uint8_t>((r + a / 2) / a);
                o[1] = static_cast<std::uint8_t>((g + a / 2) / a);
                o[2] = static_cast<std::uint8_t>((b + a / 2) / a);
            } else {
                o[0] = o[1] = o[2] = 0;
            }
            o[3] = static_cast<std::uint8_t>((a + n / 2) / n);
            o += 4;
        }
    }
    return out;
}

}  // namespace kiosk
