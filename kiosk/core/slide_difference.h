// Where two painted slides differ, in tiles, with no SDL. Slides of one deck share a background
// and a layout, so about half of a 1080p screen is the same on both (margins, the space between
// text and picture, the bands above and below them): a crossfade between the two changes nothing
// there, so a frame drawn in parts (frame_damage.h) re-blends and redraws only the tiles that do.
#pragma once

#include "core/text_layout.h"

#include <cstdint>
#include <vector>

namespace kiosk {

class TileMask {
public:
    static constexpr int kTileW = 64, kTileH = 32;

    TileMask() = default;
    TileMask(int w, int h);

    [[nodiscard]] int width() const { return w_; }
    [[nodiscard]] int height() const { return h_; }
    [[nodiscard]] bool marked(int col, int band) const { return bits_[index(col, band)] != 0; }
    void mark(int col, int band) { bits_[index(col, band)] = 1; }
    // Marks every tile `r` touches (clipped to the mask).
    void mark(const Rect& r);
    [[nodiscard]] bool empty() const;

    // The marked tiles as few disjoint rectangles inside w×h: per band of tiles, the runs of marked
    // columns (gaps of up to kBridge − 1 unmarked tiles bridged), runs continuing the same columns
    // as the band above merged into one taller rectangle.
    [[nodiscard]] std::vector<Rect> rects() const;

private:
    // Unmarked tiles in a row bridged inside one rectangle: a long run of memory blends faster
    // than two short ones, and each rectangle costs the buttons' triangle scan. Measured on the
    // bundled deck at 1080p, the kiosk's CPU over 24 s of fades: 76 ticks with 64×16 tiles and
    // 1-tile gaps bridged, 64–68 with 64×32 and up to 3, 72 with up to 7; 96–100 blending all.
    static constexpr int kBridge = 4;
    // Whether any of the n tiles from `col` on is marked.
    [[nodiscard]] bool marked_within(int col, int band, int n) const;
    [[nodiscard]] std::size_t index(int col, int band) const {
        return static_cast<std::size_t>(band) * static_cast<std::size_t>(cols_) + static_cast<std::size_t>(col);
    }
    int w_ = 0, h_ = 0, cols_ = 0, bands_ = 0;
    std::vector<std::uint8_t> bits_;
};

// The tiles of the first `rows` rows where `a` and `b` (ARGB pixels, rows of `w`) differ.
[[nodiscard]] TileMask differing_tiles(const std::uint32_t* a, const std::uint32_t* b, int w, int rows);

}  // namespace kiosk
