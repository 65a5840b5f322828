// Where things go on the screen for a given window size and slide layout: the text box, the
// image box, the footer, and the touch button. Pure arithmetic, tested at 1920×1080, 1080×1920,
// 1280×720 and 3840×2160. The button never overlaps the text box; nothing leaves the screen.
#pragma once

#include "text_layout.h"

namespace kiosk {

enum class SlideLayoutKind { ImageLeft, ImageRight, ImageTop, TextOnly, ImageOnly };

struct ScreenRegions {
    Rect screen;
    Rect content;     // everything above the footer, inside the margins
    Rect text;        // title + body (empty for ImageOnly)
    Rect image;       // illustration (empty for TextOnly); the image is fitted inside, aspect kept
    Rect button;      // the always-visible touch button (≥ 10 % of the screen height)
    Rect footer;      // clinic name, clock, progress dots
    Rect disclaimer;  // the small "General information, not medical advice" line
    // Type sizes (px) for the chrome drawn in these regions, so every screen size stays in proportion.
    int footer_px = 0;      // clinic name and clock: ≥ 3 % of the height in landscape
    int disclaimer_px = 0;  // ≥ 2.2 % of the height in landscape
    int button_px = 0;      // the button label (bold)
    int margin = 0;         // outer margin, ~4.5 % of the shorter side
    bool portrait = false;
    // Where the footer's three items go. In portrait the strip is too narrow for all three, so the
    // progress dots move to the gap between the content and the button (still clear of both).
    Rect footer_name;   // left-aligned clinic name
    Rect footer_dots;   // progress dots, centred in this rect
    Rect footer_clock;  // right-aligned time
};

// Preferred type sizes for this screen: titles ≥ 7 % and body ≥ 4 % of the height at 1080p
// (scaled for portrait by the shorter side so lines keep a sane length).
[[nodiscard]] TextSizes preferred_text_sizes(int screen_w, int screen_h);

// `has_image` false turns image layouts into TextOnly (a slide whose image failed still shows text).
[[nodiscard]] ScreenRegions compute_regions(int screen_w, int screen_h, SlideLayoutKind kind, bool has_image);

// Fits an image of iw×ih inside `box`, keeping its aspect ratio, centred.
[[nodiscard]] Rect fit_image(int iw, int ih, const Rect& box);

}  // namespace kiosk
