// Paints the A+ view of one slide page: the content area in the high-contrast colours, the page's
// text at the large sizes (core/large_text.h), no picture. Pages are computed once per slide,
// screen size and set of controls, and kept.
#pragma once

#include "core/config.h"
#include "core/large_text.h"
#include "core/slide.h"
#include "fonts.h"
#include "text_draw.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk {

class LargeTextPainter {
public:
    LargeTextPainter(SDL_Renderer* renderer, const FontSet& fonts, const KioskConfig& config);

    // The slide's pages in the large view (at least one).
    const std::vector<TextPage>& pages(const Slide& slide, int w, int h, const PatientControlsWanted& controls);
    // Draws page `page` (clamped) over the content area; the footer and controls stay as drawn.
    void draw(const Slide& slide, int page, int w, int h, const PatientControlsWanted& controls);

private:
    struct Paged {
        std::vector<TextPage> pages;
        std::vector<TextLayout> layouts;
    };
    const Paged& paged(const Slide& slide, int w, int h, const PatientControlsWanted& controls);

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    const KioskConfig& config_;
    TextDrawer text_;
    std::map<std::string, Paged> cache_;
};

}  // namespace kiosk
