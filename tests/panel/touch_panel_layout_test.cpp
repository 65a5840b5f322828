// The panel's sizes, checked as numbers: big enough for a patient in pain, all on screen, no overlaps.
#include "core/qr_code.h"
#include "core/slip.h"
#include "core/touch_panel_layout.h"

#include <gtest/gtest.h>

#include <string>

namespace kiosk {
namespace {

struct Size {
    int w, h;
};
const Size kSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}};

std::string name(Size s) { return std::to_string(s.w) + "x" + std::to_string(s.h); }

void expect_inside(const Rect& outer, const Rect& r, const std::string& what) {
    EXPECT_GT(r.w, 0) << what << " has no width";
    EXPECT_GT(r.h, 0) << what << " has no height";
    EXPECT_TRUE(outer.contains(r)) << what << " leaves the card";
}

TEST(PanelLayout, FrameButtonsAreLargeAndOnScreen) {
    for (const Size s : kSizes) {
        const PanelFrame f = panel_frame(s.w, s.h);
        expect_inside(f.screen, f.card, name(s) + " card");
        expect_inside(f.card, f.close, name(s) + " close");
        expect_inside(f.card, f.back, name(s) + " back");
        expect_inside(f.card, f.body, name(s) + " body");
        EXPECT_FALSE(f.back.intersects(f.close)) << name(s);
        EXPECT_FALSE(f.close.intersects(f.body)) << name(s);
        EXPECT_GE(f.close.h, std::min(s.w, s.h) / 10) << name(s) << ": Close is at least 10 % of the shorter side";
    }
}

TEST(PanelLayout, ChoicesAreAtLeastTwelvePercentOfTheHeight) {
    for (const Size s : kSizes) {
        const PanelFrame f = panel_frame(s.w, s.h);
        const auto rects = choice_rects(f, 3);
        ASSERT_EQ(rects.size(), 3U);
        for (size_t i = 0; i < rects.size(); ++i) {
            expect_inside(f.body, rects[i], name(s) + " choice");
            EXPECT_GE(rects[i].h * 100, 12 * s.h) << name(s) << ": each choice ≥ 12 % of the screen height";
            if (!f.landscape) {
                EXPECT_EQ(rects[i].w, f.body.w) << "full width in portrait";
            }
            if (i > 0) {
                EXPECT_FALSE(rects[i].intersects(rects[i - 1]));
            }
        }
    }
}

void check_keys(const std::vector<KeyRect>& keys, const Rect& keyboard, Size s, const std::string& what) {
    for (size_t i = 0; i < keys.size(); ++i) {
        expect_inside(keyboard, keys[i].rect, name(s) + " " + what + " key");
        // "≥ ~9 % of the height on 1080p": scaled by the shorter side everywhere.
        EXPECT_GE(keys[i].rect.h * 100, 9 * std::min(s.w, s.h)) << name(s) << " " << what;
        EXPECT_GE(keys[i].rect.w * 100, 7 * std::min(s.w, s.h)) << name(s) << " " << what << " key width";
        for (size_t j = 0; j < i; ++j) {
            EXPECT_FALSE(keys[i].rect.intersects(keys[j].rect)) << name(s) << " " << what;
        }
    }
}

TEST(PanelLayout, KeypadKeysAreBigAndDoNotOverlap) {
    for (const Size s : kSizes) {
        const PanelFrame f = panel_frame(s.w, s.h);
        const KeypadLayout k = keypad_layout(f);
        for (const Rect& r : {k.name_label, k.name_field, k.phone_label, k.phone_field, k.error, k.keyboard, k.submit})
            expect_inside(f.body, r, name(s) + " keypad part");
        EXPECT_FALSE(k.keyboard.intersects(k.submit)) << name(s);
        EXPECT_FALSE(k.phone_field.intersects(k.keyboard)) << name(s);
        const auto digits = digit_keys(k.keyboard, s.w, s.h);
        EXPECT_EQ(digits.size(), 12U);
        check_keys(digits, k.keyboard, s, "digit");
        const auto letters = letter_keys(k.keyboard, s.w, s.h);
        EXPECT_EQ(letters.size(), 30U) << "26 letters, hyphen, apostrophe, space and backspace";
        check_keys(letters, k.keyboard, s, "letter");
    }
}

TEST(PanelLayout, QrIsReadableFromAMetre) {
    const QrMatrix qr = make_qr(tel_uri("+1 555 010 0199"));
    ASSERT_FALSE(qr.empty());
    for (const Size s : kSizes) {
        const PanelFrame f = panel_frame(s.w, s.h);
        const NumberLayout n = number_layout(f.body, f);
        expect_inside(f.body, n.qr, name(s) + " qr");
        EXPECT_EQ(n.qr.w, n.qr.h) << "square";
        EXPECT_GE(qr_module_px(n.qr.w, qr.size), 6) << name(s) << ": modules of at least 6 px";
        EXPECT_FALSE(n.qr.intersects(n.number)) << name(s);
        EXPECT_FALSE(n.qr.intersects(n.hours)) << name(s);
        EXPECT_FALSE(n.qr.intersects(n.scan_label)) << name(s);
        EXPECT_GE(n.number.h * 10, std::min(s.w, s.h)) << name(s) << ": the number's line ≥ 10 % of the shorter side";

        const ResultLayout r = result_layout(f, true);
        expect_inside(f.body, r.message, name(s) + " message");
        expect_inside(f.body, r.number.qr, name(s) + " result qr");
        EXPECT_FALSE(r.message.intersects(r.number.qr)) << name(s);
        EXPECT_GE(qr_module_px(r.number.qr.w, qr.size), 6) << name(s);
    }
}

}  // namespace
}  // namespace kiosk
