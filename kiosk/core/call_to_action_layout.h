// The call-to-action slide (the last one, or `call_to_action = true`): in place of its picture it
// shows the clinic's number (from kiosk.toml, never from the slide text) in digits at least as large
// as the title, and a tel: QR code big enough to scan from across the waiting room.
//
// How big is "big enough": a patient 1.5 m from a 24" 16:9 screen (53 cm wide) points a phone at
// it. A phone's main camera sees ~65° across, 1.91 m at 1.5 m, and scanner apps analyse a frame
// ~1280 px wide, so the whole screen spans ~356 camera pixels (kCameraPixelsAcrossScreen): one
// camera pixel is ~5.4 screen pixels at 1920 wide. A version-1 or -2 code (21–25 modules, what a
// phone number needs) decodes reliably at ≥ 3 camera pixels per module, which asks for a code of
// at least ~0.2 × the screen's longer side. The e2e test scales the screenshot to 356 px across
// and decodes it with zbarimg.
#pragma once

#include "slide_layout.h"
#include "text_layout.h"

namespace kiosk {

inline constexpr int kCameraPixelsAcrossScreen = 356;
// The QR code (quiet zone included) as a fraction of the screen's longer side, at least.
inline constexpr double kMinQrFractionOfLongerSide = 0.2;

struct CallToActionLayout {
    Rect number;    // one line of digits, centred in it
    int number_px = 0;
    Rect qr;        // square, quiet zone included
    Rect caption;   // "Scan to call" under the code (may be empty when there is no room)
    int caption_px = 0;
};

// Lay out inside `area` (the slide's picture box). `title_px` is the slide's title size: the
// number is at least that big. `number_width_at` gives the number's width at a type size (the app
// measures with the real font); the number grows to 1.4× the title when it fits.
struct NumberMeasure {
    virtual ~NumberMeasure() = default;
    [[nodiscard]] virtual int width_at(int px) const = 0;
};
[[nodiscard]] CallToActionLayout call_to_action_layout(const Rect& area, int screen_w, int screen_h, int title_px,
                                                       int caption_px, const NumberMeasure& number);

// The layout kind a call-to-action slide is drawn with: a text-only slide gets a picture box
// (image-right) for the number and the code, and so does a picture-on-top one in landscape.
[[nodiscard]] SlideLayoutKind call_to_action_kind(SlideLayoutKind kind, int screen_w, int screen_h);

// The smallest QR side (px, quiet zone included) for this screen.
[[nodiscard]] int min_qr_side(int screen_w, int screen_h);

}  // namespace kiosk
