// The call-to-action slide at the four screen sizes: the number at least as large as the title and
// inside the picture box, the QR code square, big enough for 1.5 m, clear of the text, main button
// and footer.
#include "core/call_to_action_layout.h"
#include "core/patient_controls_layout.h"
#include "core/slide_layout.h"

#include <gtest/gtest.h>

#include <iostream>

namespace kiosk {
namespace {

bool inside(const Rect& in, const Rect& r) {
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}
bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// "+1 555 010 0199" in Noto Sans Bold is ~8.6 em wide: a conservative stand-in for the real font
// (the e2e test measures the real one on screen).
struct PhoneWidth final : NumberMeasure {
    [[nodiscard]] int width_at(int px) const override { return px * 86 / 10; }
};

TEST(CallToActionLayout, FitsAtEveryScreenSize) {
    for (const auto& [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}}) {
        for (const SlideLayoutKind kind : {SlideLayoutKind::ImageLeft, SlideLayoutKind::ImageRight,
                                           SlideLayoutKind::ImageTop, SlideLayoutKind::TextOnly}) {
            // With the patient's controls (language, arrows) taking their room, as the kiosk draws it.
            PatientControlsWanted wanted;
            wanted.language = true;
            wanted.arrows = true;
            const PatientControlsLayout controls =
                patient_controls_layout(compute_regions(w, h, SlideLayoutKind::TextOnly, false), wanted);
            const ScreenRegions r =
                regions_with_controls(compute_regions(w, h, call_to_action_kind(kind, w, h), true), controls);
            const int title_px = preferred_text_sizes(w, h).title_px;
            const CallToActionLayout c =
                call_to_action_layout(r.image, w, h, title_px, preferred_text_sizes(w, h).body_px, PhoneWidth{});
            SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + " kind " + std::to_string(static_cast<int>(kind)));
            EXPECT_GE(c.number_px, title_px);
            EXPECT_LE(PhoneWidth{}.width_at(c.number_px), r.image.w);
            EXPECT_EQ(c.qr.w, c.qr.h);
            EXPECT_GE(c.qr.w, min_qr_side(w, h));
            for (const Rect& part : {c.number, c.qr}) {
                EXPECT_TRUE(inside(r.image, part));
                EXPECT_FALSE(overlap(part, r.text));
                EXPECT_FALSE(overlap(part, r.button));
                EXPECT_FALSE(overlap(part, r.footer));
                EXPECT_FALSE(overlap(part, r.disclaimer));
                for (const Rect& k : {controls.language, controls.previous, controls.next}) EXPECT_FALSE(overlap(part, k));
            }
            EXPECT_FALSE(overlap(c.number, c.qr));
            if (kind == SlideLayoutKind::ImageLeft)
                std::cout << w << "x" << h << ": number " << c.number_px << " px (title " << title_px << "), QR "
                          << c.qr.w << " px (min " << min_qr_side(w, h) << ")\n";
        }
    }
}

}  // namespace
}  // namespace kiosk
