// Rectangle arithmetic shared by the touch-panel and staff-panel layouts: carve a screen into
// rows and columns in whole pixels, scaled by a fraction of the screen. Pure, no UI.
#pragma once

#include "text_layout.h"

namespace kiosk {

// `fraction` of `of`, rounded to the nearest pixel.
[[nodiscard]] int pct(double fraction, int of);

// Each takes `h` (or `w`) pixels off one side of `r`, clamped to what `r` has, and returns them;
// `r` keeps the rest after a further `gap`, never going negative.
Rect take_top(Rect& r, int h, int gap = 0);
Rect take_bottom(Rect& r, int h, int gap = 0);
Rect take_left(Rect& r, int w, int gap = 0);
Rect take_right(Rect& r, int w, int gap = 0);

// A w×h rect (clamped to `in`) in the middle of `in`.
[[nodiscard]] Rect centred(const Rect& in, int w, int h);

}  // namespace kiosk
