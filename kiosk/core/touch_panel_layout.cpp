#include "touch_panel_layout.h"

#include "qr_code.h"
#include "ui_geometry.h"

#include <algorithm>
#include <string_view>

namespace kiosk {

namespace {

// Keys sit right under the fields they type into, so the eye does not travel.
Rect top_centred(const Rect& in, int w, int h) {
    w = std::min(w, in.w);
    h = std::min(h, in.h);
    return {in.x + (in.w - w) / 2, in.y, w, h};
}

int shorter(int w, int h) { return std::min(w, h); }

}  // namespace

PanelTextSizes panel_text_sizes(int screen_w, int screen_h) {
    const int s = shorter(screen_w, screen_h);
    return {std::max(14, pct(0.056, s)), std::max(18, pct(0.076, s)), std::max(28, pct(0.15, s))};
}

PanelFrame panel_frame(int screen_w, int screen_h) {
    PanelFrame f;
    const int s = shorter(screen_w, screen_h);
    f.landscape = screen_w >= screen_h;
    f.screen = {0, 0, screen_w, screen_h};
    const int margin = pct(0.025, s);
    f.card = {margin, margin, screen_w - 2 * margin, screen_h - 2 * margin};
    f.gap = pct(0.022, s);
    f.radius = pct(0.025, s);
    const int pad = pct(0.028, s);
    Rect inner{f.card.x + pad, f.card.y + pad, f.card.w - 2 * pad, f.card.h - 2 * pad};
    // The header's buttons are as tall as a choice is allowed to be small: easy to hit, never missed.
    const int header_h = std::max(pct(0.11, s), pct(0.072, screen_h));
    const int button_w = std::min(pct(2.7, header_h), inner.w / 3);
    Rect header = take_top(inner, header_h, f.gap);
    f.back = take_left(header, button_w, f.gap);
    f.close = {header.right() - button_w, header.y, button_w, header.h};
    f.title = {header.x, header.y, std::max(0, header.w - button_w - f.gap), header.h};
    f.body = inner;
    return f;
}

std::vector<Rect> choice_rects(const PanelFrame& f, int count) {
    std::vector<Rect> out;
    if (count <= 0) return out;
    // Tall enough to hit while in pain (≥ 12 % of the height), not so tall that the words look lost.
    const int each = std::min((f.body.h - (count - 1) * f.gap) / count, pct(f.landscape ? 0.2 : 0.15, f.screen.h));
    const int total = count * each + (count - 1) * f.gap;
    Rect stack = centred(f.body, f.body.w, total);
    for (int i = 0; i < count; ++i) out.push_back(take_top(stack, each, f.gap));
    return out;
}

KeypadLayout keypad_layout(const PanelFrame& f) {
    const int s = shorter(f.screen.w, f.screen.h);
    const PanelTextSizes t = panel_text_sizes(f.screen.w, f.screen.h);
    const int label_h = pct(1.35, t.body);
    const int field_h = pct(0.11, s);
    const int error_h = pct(2.5, t.body);  // two lines, reserved so the keys never jump
    const int submit_h = f.close.h;
    KeypadLayout k;
    Rect col = f.body;
    if (f.landscape) {
        // Fields and "Send" on the left, the keyboard on the right: every key stays tall.
        Rect left = take_left(col, pct(0.40, f.body.w), f.gap * 2);
        k.submit = take_bottom(left, submit_h, f.gap);
        k.name_label = take_top(left, label_h);
        k.name_field = take_top(left, field_h, f.gap);
        k.phone_label = take_top(left, label_h);
        k.phone_field = take_top(left, field_h, f.gap);
        k.error = take_top(left, std::max(error_h, left.h));
        k.keyboard = col;
    } else {
        k.name_label = take_top(col, label_h);
        k.name_field = take_top(col, field_h, f.gap);
        k.phone_label = take_top(col, label_h);
        k.phone_field = take_top(col, field_h, f.gap);
        k.error = take_top(col, error_h, f.gap);
        k.submit = take_bottom(col, submit_h, f.gap * 2);
        k.keyboard = col;
    }
    return k;
}

std::vector<KeyRect> digit_keys(const Rect& keyboard, int screen_w, int screen_h) {
    const int s = shorter(screen_w, screen_h);
    const int g = std::max(6, pct(0.014, s));
    const int key_h = std::min((keyboard.h - 3 * g) / 4, pct(0.16, s));
    const int key_w = std::min((keyboard.w - 2 * g) / 3, key_h * 2);
    const Rect grid = top_centred(keyboard, 3 * key_w + 2 * g, 4 * key_h + 3 * g);
    static constexpr std::string_view kRows[4] = {"123", "456", "789", "+0"};
    std::vector<KeyRect> keys;
    for (int row = 0; row < 4; ++row) {
        for (int col = 0; col < 3; ++col) {
            const Rect r{grid.x + col * (key_w + g), grid.y + row * (key_h + g), key_w, key_h};
            const auto i = static_cast<size_t>(col);
            if (i < kRows[row].size()) {
                const char c = kRows[row][i];
                keys.push_back({KeyKind::Char, static_cast<char32_t>(c), std::string(1, c), r});
            } else {
                keys.push_back({KeyKind::Backspace, 0, {}, r});
            }
        }
    }
    return keys;
}

std::vector<KeyRect> letter_keys(const Rect& keyboard, int screen_w, int screen_h) {
    const int s = shorter(screen_w, screen_h);
    const int g = std::max(6, pct(0.012, s));
    // Ten keys across; the key is square-ish but never shorter than the rows allow.
    const int unit = (keyboard.w - 9 * g) / 10;
    const int key_h = std::min((keyboard.h - 3 * g) / 4, std::max(unit, pct(0.15, s)));
    const Rect grid = top_centred(keyboard, 10 * unit + 9 * g, 4 * key_h + 3 * g);
    static constexpr std::string_view kRows[3] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM-'"};
    std::vector<KeyRect> keys;
    for (int row = 0; row < 3; ++row) {
        const auto n = static_cast<int>(kRows[row].size());
        // Shorter rows are centred, like the staggered rows of a real keyboard.
        const int x0 = grid.x + (grid.w - (n * unit + (n - 1) * g)) / 2;
        for (int i = 0; i < n; ++i) {
            const char c = kRows[row][static_cast<size_t>(i)];
            keys.push_back({KeyKind::Char, static_cast<char32_t>(c), std::string(1, c),
                            Rect{x0 + i * (unit + g), grid.y + row * (key_h + g), unit, key_h}});
        }
    }
    const int y = grid.y + 3 * (key_h + g);
    const int space_w = 6 * unit + 5 * g;
    const int back_w = 3 * unit + 2 * g;
    const int x0 = grid.x + (grid.w - (space_w + g + back_w)) / 2;
    keys.push_back({KeyKind::Space, U' ', {}, Rect{x0, y, space_w, key_h}});
    keys.push_back({KeyKind::Backspace, 0, {}, Rect{x0 + space_w + g, y, back_w, key_h}});
    return keys;
}

NumberLayout number_layout(const Rect& area, const PanelFrame& f) {
    const PanelTextSizes t = panel_text_sizes(f.screen.w, f.screen.h);
    const int number_h = pct(1.3, t.huge);
    const int label_h = pct(1.35, t.body);
    const int hours_h = pct(2.5, t.large);  // two lines
    NumberLayout n;
    Rect a = area;
    if (f.landscape) {
        // Number and hours on the left, the QR on the right, both centred vertically.
        const int qr_side = std::min(a.h - label_h, pct(0.42, a.w));
        Rect left = take_left(a, a.w - qr_side - f.gap * 2, f.gap * 2);
        Rect text = centred(left, left.w, number_h + f.gap + label_h + hours_h);
        n.number = take_top(text, number_h, f.gap);
        n.hours_label = take_top(text, label_h);
        n.hours = take_top(text, hours_h);
        Rect right = centred(a, qr_side, qr_side + label_h);
        n.qr = take_top(right, qr_side);
        n.scan_label = take_top(right, label_h);
    } else {
        n.number = take_top(a, number_h, f.gap);
        n.hours = take_bottom(a, hours_h);
        n.hours_label = take_bottom(a, label_h, f.gap);
        const int qr_side = std::min(a.h - label_h, pct(0.75, a.w));
        Rect qr_block = centred(a, qr_side, qr_side + label_h);
        n.qr = take_top(qr_block, qr_side);
        n.scan_label = {a.x, qr_block.y, a.w, label_h};
    }
    return n;
}

ResultLayout result_layout(const PanelFrame& f, bool show_number) {
    const PanelTextSizes t = panel_text_sizes(f.screen.w, f.screen.h);
    ResultLayout r;
    Rect body = f.body;
    if (!show_number) {
        r.message = centred(body, body.w, std::min(body.h, pct(4.0, t.large)));
        return r;
    }
    // Two lines in landscape, three in portrait where lines are shorter; shrunk to fit if longer.
    const int lines = f.landscape ? 2 : 3;
    r.message = take_top(body, pct(1.25 * lines + 0.8, t.large), f.gap);
    r.number = number_layout(body, f);
    return r;
}

int qr_module_px(int side, int modules) {
    if (modules <= 0) return 0;
    return side / (modules + 2 * kQrQuietZone);
}

}  // namespace kiosk
