// Where every part of the patient touch panel goes for a given screen size: pure arithmetic, so the
// sizes a patient in pain needs (choices ≥ 12 % of the height, keys ≥ 9 % at 1080p, a QR with 6 px
// modules) are tested without a window, and tests can find a button to click.
#pragma once

#include "text_layout.h"

#include <string>
#include <vector>

namespace kiosk {

// Pixel sizes of the panel's three fonts, scaled by the shorter screen side so portrait lines fit.
// They are Dear ImGui sizes, i.e. line heights (ascent + descent, about 1.36 em for Noto Sans): body
// is a 4.1 % em at 1080p like the slides' body text, the number's digits stand 8 % of the height.
struct PanelTextSizes {
    int body = 0;   // labels, hours label
    int large = 0;  // buttons, messages, typed text
    int huge = 0;   // the phone number
};
[[nodiscard]] PanelTextSizes panel_text_sizes(int screen_w, int screen_h);

// The frame every screen shares: a card over the dimmed slide, a header row with Back and Close.
struct PanelFrame {
    Rect screen;
    Rect card;
    Rect back;    // left of the header (screens without Back leave it empty)
    Rect title;   // between Back and Close
    Rect close;   // right of the header, always shown
    Rect body;    // below the header
    int gap = 0;  // spacing between blocks
    int radius = 0;  // corner rounding
    bool landscape = true;
};
[[nodiscard]] PanelFrame panel_frame(int screen_w, int screen_h);

// Up to three choices, stacked full width and centred vertically in the body.
[[nodiscard]] std::vector<Rect> choice_rects(const PanelFrame& f, int count);

enum class KeyKind { Char, Backspace, Space };
struct KeyRect {
    KeyKind kind = KeyKind::Char;
    char32_t ch = 0;     // for Char: what the key types (letters as capitals)
    std::string label;   // UTF-8; empty for Backspace and Space (drawn as symbols)
    Rect rect;
};

struct KeypadLayout {
    Rect name_label, name_field;
    Rect phone_label, phone_field;
    Rect error;
    Rect keyboard;  // the keys of the active field's keyboard fill this
    Rect submit;
};
[[nodiscard]] KeypadLayout keypad_layout(const PanelFrame& f);
// 1 2 3 / 4 5 6 / 7 8 9 / + 0 ⌫, centred in `keyboard`.
[[nodiscard]] std::vector<KeyRect> digit_keys(const Rect& keyboard, int screen_w, int screen_h);
// QWERTY rows, then - ' space ⌫, centred in `keyboard`.
[[nodiscard]] std::vector<KeyRect> letter_keys(const Rect& keyboard, int screen_w, int screen_h);

// The clinic's number, the QR that dials it, and the opening hours, inside `area`.
struct NumberLayout {
    Rect number;
    Rect qr;          // square, includes the quiet zone
    Rect scan_label;  // "Scan to call" under the QR
    Rect hours_label;
    Rect hours;
};
[[nodiscard]] NumberLayout number_layout(const Rect& area, const PanelFrame& f);

struct ResultLayout {
    Rect message;
    NumberLayout number;  // used only when the view says show_number
};
[[nodiscard]] ResultLayout result_layout(const PanelFrame& f, bool show_number);

// Pixels per QR module so that `modules` plus the quiet zone fill at most `side` (0 if < 1).
[[nodiscard]] int qr_module_px(int side, int modules);

}  // namespace kiosk
