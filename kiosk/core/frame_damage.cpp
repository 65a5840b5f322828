#include "core/frame_damage.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk {

Rect intersection(const Rect& a, const Rect& b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
    if (x1 <= x0 || y1 <= y0) return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

Rect bounding_box(const std::vector<Rect>& rects) {
    Rect box;
    bool any = false;
    for (const Rect& r : rects) {
        if (r.w <= 0 || r.h <= 0) continue;
        if (!any) {
            box = r;
            any = true;
            continue;
        }
        const int x1 = std::max(box.right(), r.right()), y1 = std::max(box.bottom(), r.bottom());
        box.x = std::min(box.x, r.x);
        box.y = std::min(box.y, r.y);
        box.w = x1 - box.x;
        box.h = y1 - box.y;
    }
    return box;
}

std::vector<Rect> subtract(const Rect& area, const std::vector<Rect>& holes_in) {
    if (area.w <= 0 || area.h <= 0) return {};
    std::vector<Rect> holes;
    std::vector<int> ys{area.y, area.bottom()};
    for (const Rect& h : holes_in) {
        const Rect c = intersection(h, area);
        if (c.w <= 0) continue;
        holes.push_back(c);
        ys.push_back(c.y);
        ys.push_back(c.bottom());
    }
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());

    std::vector<Rect> out;
    std::vector<std::size_t> last_band;  // indexes in `out` of the band above, to merge into
    for (std::size_t i = 0; i + 1 < ys.size(); ++i) {
        const int y0 = ys[i], y1 = ys[i + 1];
        // Holes crossing this band cover all of it: the band edges include every hole edge.
        std::vector<std::pair<int, int>> covered;
        for (const Rect& h : holes) {
            if (h.y < y1 && h.bottom() > y0) covered.emplace_back(h.x, h.right());
        }
        std::sort(covered.begin(), covered.end());
        std::vector<std::pair<int, int>> free;
        int x = area.x;
        for (const auto& [c0, c1] : covered) {
            if (c0 > x) free.emplace_back(x, c0);
            x = std::max(x, c1);
        }
        if (x < area.right()) free.emplace_back(x, area.right());
        std::vector<std::size_t> band;
        for (const auto& span : free) {
            const int f0 = span.first, f1 = span.second;  // named: clang 14 cannot capture bindings
            // The same columns as a rectangle ending just above: one taller rectangle instead.
            const auto same = std::find_if(last_band.begin(), last_band.end(), [&](std::size_t k) {
                return out[k].x == f0 && out[k].right() == f1 && out[k].bottom() == y0;
            });
            if (same != last_band.end()) {
                out[*same].h += y1 - y0;
                band.push_back(*same);
            } else {
                out.push_back({f0, y0, f1 - f0, y1 - y0});
                band.push_back(out.size() - 1);
            }
        }
        last_band = std::move(band);
    }
    return out;
}

std::array<Rect, 2> opaque_core(const Rect& r, float radius) {
    // One pixel in from every edge for the anti-aliased fringe; the corners' whole square.
    const int round = static_cast<int>(std::ceil(std::max(0.0F, radius))) + 1;
    const auto rect = [](int x, int y, int w, int h) { return w > 0 && h > 0 ? Rect{x, y, w, h} : Rect{}; };
    return {rect(r.x + 1, r.y + round, r.w - 2, r.h - 2 * round), rect(r.x + round, r.y + 1, r.w - 2 * round, r.h - 2)};
}

FramePlan plan_frame(const FrameChange& change, const Rect& slide_area, const Rect& footer,
                     const std::vector<Rect>& opaque, const std::vector<Rect>* changing) {
    FramePlan plan;
    if (!change.screen_kept || !change.overlay_same) {
        plan.drawn = {bounding_box({slide_area, footer})};
        return plan;
    }
    plan.full = false;
    plan.footer = !change.footer_same;
    if (!change.slides_same && changing == nullptr) plan.slide = subtract(slide_area, opaque);
    if (!change.slides_same && changing != nullptr) {
        for (const Rect& part : *changing) {
            for (const Rect& r : subtract(intersection(part, slide_area), opaque)) plan.slide.push_back(r);
        }
    }
    plan.drawn = plan.slide;
    if (plan.footer && footer.w > 0 && footer.h > 0) plan.drawn.push_back(footer);
    return plan;
}

}  // namespace kiosk
