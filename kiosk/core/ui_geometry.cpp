#include "ui_geometry.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

int pct(double fraction, int of) { return static_cast<int>(std::lround(fraction * of)); }

Rect take_top(Rect& r, int h, int gap) {
    h = std::clamp(h, 0, r.h);
    const Rect top{r.x, r.y, r.w, h};
    const int used = std::min(r.h, h + gap);
    r.y += used;
    r.h -= used;
    return top;
}

Rect take_bottom(Rect& r, int h, int gap) {
    h = std::clamp(h, 0, r.h);
    const Rect bottom{r.x, r.bottom() - h, r.w, h};
    r.h = std::max(0, r.h - h - gap);
    return bottom;
}

Rect take_left(Rect& r, int w, int gap) {
    w = std::clamp(w, 0, r.w);
    const Rect left{r.x, r.y, w, r.h};
    const int used = std::min(r.w, w + gap);
    r.x += used;
    r.w -= used;
    return left;
}

Rect take_right(Rect& r, int w, int gap) {
    w = std::clamp(w, 0, r.w);
    const Rect right{r.right() - w, r.y, w, r.h};
    r.w = std::max(0, r.w - w - gap);
    return right;
}

Rect centred(const Rect& in, int w, int h) {
    w = std::min(w, in.w);
    h = std::min(h, in.h);
    return {in.x + (in.w - w) / 2, in.y + (in.h - h) / 2, w, h};
}

}  // namespace kiosk
