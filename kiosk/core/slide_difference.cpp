#include "core/slide_difference.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace kiosk {

TileMask::TileMask(int w, int h)
    : w_(std::max(0, w)),
      h_(std::max(0, h)),
      cols_((w_ + kTileW - 1) / kTileW),
      bands_((h_ + kTileH - 1) / kTileH),
      bits_(static_cast<std::size_t>(cols_) * static_cast<std::size_t>(bands_), 0) {}

void TileMask::mark(const Rect& r) {
    const int x0 = std::max(0, r.x), y0 = std::max(0, r.y);
    const int x1 = std::min(w_, r.right()), y1 = std::min(h_, r.bottom());
    if (x1 <= x0 || y1 <= y0) return;
    for (int band = y0 / kTileH; band <= (y1 - 1) / kTileH; ++band) {
        for (int col = x0 / kTileW; col <= (x1 - 1) / kTileW; ++col) mark(col, band);
    }
}

bool TileMask::empty() const { return std::ranges::find(bits_, 1) == bits_.end(); }

bool TileMask::marked_within(int col, int band, int n) const {
    for (int c = col; c < std::min(cols_, col + n); ++c)
        if (marked(c, band)) return true;
    return false;
}

std::vector<Rect> TileMask::rects() const {
    std::vector<Rect> out;
    std::vector<std::size_t> above;  // rectangles ending at the band above, to grow downwards
    for (int band = 0; band < bands_; ++band) {
        const int y0 = band * kTileH, y1 = std::min(h_, y0 + kTileH);
        std::vector<std::size_t> here;
        for (int col = 0; col < cols_;) {
            if (!marked(col, band)) {
                ++col;
                continue;
            }
            int end = col + 1;  // one past the run's last marked column
            while (end < cols_ && marked_within(end, band, kBridge)) ++end;
            const int x0 = col * kTileW, x1 = std::min(w_, end * kTileW);
            const auto same = std::ranges::find_if(
                above, [&](std::size_t k) { return out[k].x == x0 && out[k].right() == x1 && out[k].bottom() == y0; });
            if (same != above.end()) {
                out[*same].h += y1 - y0;
                here.push_back(*same);
            } else {
                out.push_back({x0, y0, x1 - x0, y1 - y0});
                here.push_back(out.size() - 1);
            }
            col = end;
        }
        above = std::move(here);
    }
    return out;
}

TileMask differing_tiles(const std::uint32_t* a, const std::uint32_t* b, int w, int rows) {
    TileMask mask(w, rows);
    const auto stride = static_cast<std::size_t>(std::max(0, w));
    for (int y = 0; y < rows; ++y) {
        const int band = y / TileMask::kTileH;
        const std::uint32_t* ra = a + static_cast<std::size_t>(y) * stride;
        const std::uint32_t* rb = b + static_cast<std::size_t>(y) * stride;
        for (int col = 0, x = 0; x < w; ++col, x += TileMask::kTileW) {
            if (mask.marked(col, band)) continue;  // already known: no need to look again
            const auto n = static_cast<std::size_t>(std::min(TileMask::kTileW, w - x));
            if (std::memcmp(ra + x, rb + x, n * sizeof(std::uint32_t)) != 0) mask.mark(col, band);
        }
    }
    return mask;
}

}  // namespace kiosk
