// Which parts of the screen a frame must draw again, with no SDL: on the software renderer the
// window keeps the last frame's pixels, so a fade frame re-blends only the slide area not hidden by
// the opaque middle of a button, leaves the footer alone unless its clock or dots changed, and is
// presented as those rectangles. Anything else (a touch changing the buttons, a new size, pixels
// that may be gone) redraws the whole screen.
#pragma once

#include "core/text_layout.h"

#include <array>
#include <vector>

namespace kiosk {

// `area` with the `holes` cut out, as disjoint rectangles (row bands, left to right).
[[nodiscard]] std::vector<Rect> subtract(const Rect& area, const std::vector<Rect>& holes);
[[nodiscard]] Rect intersection(const Rect& a, const Rect& b);
// The smallest rectangle holding all of `rects` (empty: an empty rectangle).
[[nodiscard]] Rect bounding_box(const std::vector<Rect>& rects);

// The part of a filled rounded rectangle that hides what is under it completely: a cross that
// leaves out the corners (radius, rounded up) and the anti-aliased one-pixel edge.
[[nodiscard]] std::array<Rect, 2> opaque_core(const Rect& r, float radius);

// What the screen still shows from the last frame, and what the next one looks like, by part.
struct FrameChange {
    bool screen_kept = false;  // the window holds the last frame's pixels, drawn at this size
    bool overlay_same = true;  // the buttons (ImGui) draw exactly what they drew last frame
    bool slides_same = false;  // the same slides at the same fade position
    bool footer_same = false;  // the footer strip's clock, dots and names
};

struct FramePlan {
    bool full = true;         // draw everything and present the whole screen
    std::vector<Rect> slide;  // re-blend these (and draw what sits on the slide there)
    bool footer = true;       // draw the footer strip again
    std::vector<Rect> drawn;  // everything drawn: the buttons are drawn again clipped to these; presented
};

// `slide_area`: the slides' part of the screen (above an opaque footer strip); `footer`: that strip;
// `opaque`: the opaque middles of the buttons drawn over the slides. `changing`, when given: the
// only parts of the slide area that can differ from the last frame (disjoint; slide_difference.h),
// e.g. where the two slides of a fade differ, so the rest is neither re-blended nor drawn over.
[[nodiscard]] FramePlan plan_frame(const FrameChange& change, const Rect& slide_area, const Rect& footer,
                                   const std::vector<Rect>& opaque, const std::vector<Rect>* changing = nullptr);

}  // namespace kiosk
