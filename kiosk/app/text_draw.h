// Draws laid-out text and single labels with SDL_ttf. Rendered strings are kept as textures (keyed
// by text, style, size and colour, least recently used dropped first), so a static slide costs
// only texture copies per frame.
#pragma once

#include "core/config.h"
#include "core/text_layout.h"
#include "fonts.h"
#include "sdl_ptrs.h"

#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk {

struct RunColours {
    Rgb title;
    Rgb body;
    Rgb bullet;  // the accent colour
};

enum class HAlign { Left, Centre, Right };
enum class VAlign { Top, Middle, Bottom };

class TextDrawer {
public:
    // Neither is owned; both must outlive the drawer (the textures belong to `renderer`).
    TextDrawer(SDL_Renderer* renderer, const FontSet& fonts, std::size_t max_textures = 512);

    // Draws every run at its box, shifted by (dx, dy); `alpha` fades the whole text (crossfades).
    void draw_runs(const std::vector<PlacedRun>& runs, const RunColours& colours, int dx = 0, int dy = 0,
                   std::uint8_t alpha = 255);

    // One line of text aligned inside `box` (vertically by the font's line box, so labels of the
    // same size line up). Returns where it was drawn. Text wider than the box is not clipped.
    Rect draw_text(std::string_view text, FontStyle style, int px, const Rgb& colour, const Rect& box,
                   HAlign halign = HAlign::Left, VAlign valign = VAlign::Middle, std::uint8_t alpha = 255);

    // Largest px <= `px` at which `text` fits in `max_width` (>= min_px); for labels and the footer.
    [[nodiscard]] int fit_px(std::string_view text, FontStyle style, int px, int max_width, int min_px = 8) const;

    // Drops every cached texture (call if the renderer is recreated or to free memory).
    void clear();
    [[nodiscard]] std::size_t cached_textures() const { return cache_.size(); }

private:
    struct Cached {
        std::string key;
        sdl::Texture texture;
        int w = 0;
        int h = 0;
    };
    const Cached* texture_for(std::string_view text, FontStyle style, int px, const Rgb& colour);

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    std::size_t max_textures_;
    std::list<Cached> cache_;  // most recently used first
    std::unordered_map<std::string, std::list<Cached>::iterator> index_;
};

}  // namespace kiosk
