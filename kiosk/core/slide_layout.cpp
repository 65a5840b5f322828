#include "slide_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {
namespace {

// Every proportion is of the shorter screen side, so portrait and landscape share type sizes and a
// 4K screen is exactly a 1080p screen doubled. In landscape the shorter side is the height, which is
// what the "% of screen height" requirements refer to.
constexpr double kMargin = 0.045;
constexpr double kSmallGap = 0.018;
constexpr double kFooterHeight = 0.075;
constexpr double kFooterText = 0.034;
constexpr double kDisclaimerText = 0.024;
constexpr double kButtonHeight = 0.11;      // landscape; portrait uses ≥ 10 % of its (long) height
constexpr double kButtonMinOfHeight = 0.10;
constexpr double kButtonWidth = 0.62;       // landscape, of the shorter side: room for a big label
constexpr double kButtonText = 0.042;
constexpr double kTitleText = 0.078;
constexpr double kBodyText = 0.0463;     // 50 px at 1080, 100 px at 2160
constexpr double kMinBodyText = 0.025;      // shrinking stops here (still larger than the disclaimer)
constexpr double kImageShareSide = 0.42;    // image width for image-left/right
constexpr double kImageShareTopPortrait = 0.42;   // image height for image-top: portrait has room
constexpr double kImageShareTopLandscape = 0.30;  // a banner, so the text keeps its full size

int part(double factor, int side) { return static_cast<int>(std::lround(factor * side)); }

}  // namespace

TextSizes preferred_text_sizes(int screen_w, int screen_h) {
    const int s = std::max(1, std::min(screen_w, screen_h));
    TextSizes sizes;
    sizes.title_px = part(kTitleText, s);
    sizes.body_px = part(kBodyText, s);
    sizes.min_body_px = std::max(12, part(kMinBodyText, s));
    return sizes;
}

ScreenRegions compute_regions(int screen_w, int screen_h, SlideLayoutKind kind, bool has_image) {
    ScreenRegions r;
    const int w = std::max(1, screen_w);
    const int h = std::max(1, screen_h);
    const int s = std::min(w, h);
    r.portrait = h > w;
    r.screen = Rect{0, 0, w, h};
    r.margin = part(kMargin, s);
    const int m = r.margin;
    const int small_gap = part(kSmallGap, s);
    r.footer_px = part(kFooterText, s);
    r.disclaimer_px = part(kDisclaimerText, s);
    r.button_px = part(kButtonText, s);

    const int footer_h = part(kFooterHeight, s);
    r.footer = Rect{0, h - footer_h, w, footer_h};
    const int disclaimer_h = part(1.5, r.disclaimer_px);
    const int button_h =
        std::max(part(kButtonHeight, s), static_cast<int>(std::ceil(kButtonMinOfHeight * h)));

    if (r.portrait) {
        // Bottom up: footer, disclaimer line, a full-width button a thumb can't miss, then content.
        r.disclaimer = Rect{m, r.footer.y - small_gap - disclaimer_h, w - 2 * m, disclaimer_h};
        r.button = Rect{m, r.disclaimer.y - small_gap - button_h, w - 2 * m, button_h};
    } else {
        // One band above the footer: the disclaimer on the left, the button bottom-right.
        const int band_bottom = r.footer.y - small_gap;
        const int button_w = std::min(part(kButtonWidth, s), w - 2 * m);
        r.button = Rect{w - m - button_w, band_bottom - button_h, button_w, button_h};
        const int disclaimer_y = r.button.y + (button_h - disclaimer_h) / 2;
        r.disclaimer = Rect{m, disclaimer_y, std::max(0, r.button.x - m - m), disclaimer_h};
    }
    // The content ends a full margin above the button, so text can never touch it.
    r.content = Rect{m, m, w - 2 * m, std::max(0, r.button.y - m - m)};

    // Footer items: the name gets the room, the clock a fixed slot on the right.
    const int clock_w = part(r.portrait ? 0.20 : 0.15, w);
    r.footer_clock = Rect{w - m - clock_w, r.footer.y, clock_w, footer_h};
    if (r.portrait) {
        r.footer_name = Rect{m, r.footer.y, r.footer_clock.x - m - m / 2, footer_h};
        r.footer_dots = Rect{m, r.content.bottom(), w - 2 * m, r.button.y - r.content.bottom()};
    } else {
        const int dots_w = part(0.20, w);
        r.footer_dots = Rect{(w - dots_w) / 2, r.footer.y, dots_w, footer_h};
        r.footer_name = Rect{m, r.footer.y, r.footer_dots.x - m - m / 2, footer_h};
    }

    if (!has_image && kind != SlideLayoutKind::TextOnly) kind = SlideLayoutKind::TextOnly;
    if (r.portrait && (kind == SlideLayoutKind::ImageLeft || kind == SlideLayoutKind::ImageRight)) {
        kind = SlideLayoutKind::ImageTop;
    }
    const Rect& c = r.content;
    const int gap = m;
    switch (kind) {
    case SlideLayoutKind::ImageLeft:
    case SlideLayoutKind::ImageRight: {
        const int image_w = part(kImageShareSide, c.w);
        const int text_w = std::max(0, c.w - image_w - gap);
        const bool left = kind == SlideLayoutKind::ImageLeft;
        r.image = Rect{left ? c.x : c.right() - image_w, c.y, image_w, c.h};
        r.text = Rect{left ? c.right() - text_w : c.x, c.y, text_w, c.h};
        break;
    }
    case SlideLayoutKind::ImageTop: {
        const int image_h = part(r.portrait ? kImageShareTopPortrait : kImageShareTopLandscape, c.h);
        r.image = Rect{c.x, c.y, c.w, image_h};
        r.text = Rect{c.x, c.y + image_h + gap, c.w, std::max(0, c.h - image_h - gap)};
        break;
    }
    case SlideLayoutKind::TextOnly:
        r.text = c;
        r.image = Rect{c.x, c.y, 0, 0};
        break;
    case SlideLayoutKind::ImageOnly:
        r.image = c;
        r.text = Rect{c.x, c.y, 0, 0};
        break;
    }
    return r;
}

Rect fit_image(int iw, int ih, const Rect& box) {
    if (iw <= 0 || ih <= 0 || box.w <= 0 || box.h <= 0) return Rect{box.x + box.w / 2, box.y + box.h / 2, 0, 0};
    // Integer cross-multiplication: the side that limits the scale gets exactly the box size.
    int w = box.w;
    int h = static_cast<int>(static_cast<long long>(ih) * box.w / iw);
    if (h > box.h) {
        h = box.h;
        w = static_cast<int>(static_cast<long long>(iw) * box.h / ih);
    }
    w = std::max(1, w);
    h = std::max(1, h);
    return Rect{box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

}  // namespace kiosk
