#include "call_to_action_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

SlideLayoutKind call_to_action_kind(SlideLayoutKind kind, int screen_w, int screen_h) {
    if (kind == SlideLayoutKind::TextOnly) return SlideLayoutKind::ImageRight;
    // A picture-on-top box in landscape is too low for a code scanned from 1.5 m.
    if (kind == SlideLayoutKind::ImageTop && screen_w > screen_h) return SlideLayoutKind::ImageRight;
    return kind;
}

int min_qr_side(int screen_w, int screen_h) {
    return static_cast<int>(std::ceil(kMinQrFractionOfLongerSide * std::max(screen_w, screen_h)));
}

CallToActionLayout call_to_action_layout(const Rect& area, int screen_w, int screen_h, int title_px, int caption_px,
                                         const NumberMeasure& number) {
    CallToActionLayout out;
    if (area.w <= 0 || area.h <= 0) return out;
    // The number: as large as 1.4× the title while it fits the box's width, never below the title.
    int px = static_cast<int>(std::lround(title_px * 1.4));
    while (px > title_px && number.width_at(px) > area.w) --px;
    out.number_px = std::max(px, title_px);
    const int number_h = out.number_px * 5 / 4;
    const int gap = std::max(4, title_px / 3);
    out.caption_px = caption_px;
    const int caption_h = caption_px * 5 / 4;
    // A wide, low box (a picture-on-top slide in landscape): the code on the right, as tall as the
    // box, the number and caption beside it.
    const int side_qr = std::min(area.h, area.w / 2);
    if (side_qr >= min_qr_side(screen_w, screen_h) && area.w - side_qr - gap >= number.width_at(out.number_px)) {
        const int left_w = area.w - side_qr - gap;
        const int block = number_h + gap + caption_h;
        const int y = area.y + std::max(0, (area.h - block) / 2);
        out.number = Rect{area.x, y, left_w, number_h};
        out.caption = Rect{area.x, y + number_h + gap, left_w, caption_h};
        out.qr = Rect{area.x + left_w + gap, area.y + (area.h - side_qr) / 2, side_qr, side_qr};
        return out;
    }
    // The code gets the rest, square; the caption only if the code keeps its minimum size with it.
    // (one more gap under the caption: it must not touch the disclaimer line below the box)
    int qr = std::min(area.w, area.h - number_h - gap - caption_h - 2 * gap);
    const bool with_caption = qr >= min_qr_side(screen_w, screen_h);
    if (!with_caption) qr = std::min(area.w, area.h - number_h - gap);
    qr = std::max(qr, 0);
    const int used = number_h + gap + qr + (with_caption ? gap + caption_h : 0);
    int y = area.y + std::max(0, (area.h - used) / 2);
    out.number = Rect{area.x, y, area.w, number_h};
    y += number_h + gap;
    out.qr = Rect{area.x + (area.w - qr) / 2, y, qr, qr};
    y += qr + gap;
    if (with_caption) out.caption = Rect{area.x, y, area.w, caption_h};
    return out;
}

}  // namespace kiosk
