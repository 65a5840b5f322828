// The A+ view for a patient who cannot read the normal slide: text at least 1.5× the normal size,
// never shrunk, re-laid out over as many pages as it needs (the loop shows them in turn), the
// picture dropped to give the words the room, and colours of at least 10:1 contrast. Pure, so
// "every slide of the deck fits at every resolution" is a test with no window.
#pragma once

#include "config.h"
#include "patient_controls_layout.h"
#include "rich_text.h"
#include "text_layout.h"

#include <string>
#include <vector>

namespace kiosk {

inline constexpr double kLargeTextScale = 1.6;      // of preferred_text_sizes(): ≥ 1.5× as asked
inline constexpr double kLargeTextMinContrast = 10.0;

// preferred_text_sizes() scaled; min_body_px equals body_px: the large view never shrinks.
[[nodiscard]] TextSizes large_text_sizes(int screen_w, int screen_h);

// Where the large text goes: the whole content area of a text-only slide (the picture is dropped),
// above the patient controls that are shown.
[[nodiscard]] Rect large_text_box(int screen_w, int screen_h, const PatientControlsWanted& controls);

// The slide's title and text over pages: each page's layout fits `box` at `sizes` exactly
// (TextLayout::fits), the title opens the first page, blocks never split unless one alone is
// taller than a page (then it continues on the next at a word boundary). Words keep their order
// and none is lost or repeated. Always at least one page.
[[nodiscard]] std::vector<TextLayout> paginate_text(const std::string& title, const RichText& body, const Rect& box,
                                                    const TextSizes& sizes, const TextMeasurer& measurer);

// The blocks of each page (the input of paginate_text's layouts), for a renderer that needs them.
struct TextPage {
    std::string title;  // the slide's title on page 1, empty after
    RichText body;
};
[[nodiscard]] std::vector<TextPage> split_pages(const std::string& title, const RichText& body, const Rect& box,
                                                const TextSizes& sizes, const TextMeasurer& measurer);

struct HighContrastColours {
    Rgb background;
    Rgb text;
    Rgb title;  // the theme's accent, darkened until it too reaches 10:1
};
// From the theme: the theme's light ground (white for a dark theme), text and accent darkened as far as 10:1 needs.
[[nodiscard]] HighContrastColours high_contrast_colours(const ThemeConfig& theme);

}  // namespace kiosk
