#include "staff_panel_layout.h"

#include "ui_geometry.h"

#include <algorithm>
#include <initializer_list>

namespace kiosk {

namespace {

// `count` equal cells side by side across `row`.
void split_row(const Rect& row, int gap, std::initializer_list<Rect*> cells) {
    const int n = static_cast<int>(cells.size());
    const int each = (row.w - (n - 1) * gap) / n;
    int x = row.x;
    for (Rect* c : cells) {
        *c = {x, row.y, each, row.h};
        x += each + gap;
    }
}

struct Frame {
    Rect card, inner;
    int s = 0, gap = 0, radius = 0;
    bool landscape = true;
};

// The same card as the patient panel: a margin round the screen, rounded corners, padding inside.
Frame frame(int w, int h) {
    Frame f;
    f.s = std::min(w, h);
    f.landscape = w >= h;
    const int margin = pct(0.025, f.s);
    f.card = {margin, margin, std::max(0, w - 2 * margin), std::max(0, h - 2 * margin)};
    f.gap = std::max(6, pct(0.022, f.s));
    f.radius = pct(0.025, f.s);
    const int pad = pct(0.03, f.s);
    f.inner = {f.card.x + pad, f.card.y + pad, std::max(0, f.card.w - 2 * pad), std::max(0, f.card.h - 2 * pad)};
    return f;
}

// A layout that starts from the frame: both screens take its card, gap, corners and orientation.
template <class Layout>
Layout framed(const Frame& f) {
    Layout l;
    l.card = f.card;
    l.gap = f.gap;
    l.radius = f.radius;
    l.landscape = f.landscape;
    return l;
}

}  // namespace

StaffKeypadLayout staff_keypad_layout(int screen_w, int screen_h) {
    const Frame f = frame(screen_w, screen_h);
    StaffKeypadLayout k = framed<StaffKeypadLayout>(f);
    Rect rest = f.inner;
    const int title_h = pct(0.10, f.s);
    const int field_h = pct(0.14, f.s);
    const int message_h = pct(0.16, f.s);
    const int cancel_h = pct(0.13, f.s);
    const int key_gap = std::max(6, pct(0.02, f.s));

    Rect keys_area;
    if (f.landscape) {
        // Keys as tall as the card allows (at most a fifth of the screen), a little wider than tall.
        const int key_h = std::min((rest.h - 3 * key_gap) / 4, pct(0.20, f.s));
        const int key_w = std::min(pct(1.35, key_h), (rest.w / 2 - 2 * key_gap) / 3);
        keys_area = take_right(rest, 3 * key_w + 2 * key_gap, f.gap * 3);
        k.title = take_top(rest, title_h, f.gap);
        k.pin_field = take_top(rest, field_h, f.gap);
        k.cancel = take_bottom(rest, cancel_h, f.gap);
        k.message = take_top(rest, std::max(message_h, rest.h));
    } else {
        k.title = take_top(rest, title_h, f.gap);
        k.pin_field = take_top(rest, field_h, f.gap);
        k.message = take_top(rest, message_h, f.gap);
        k.cancel = take_bottom(rest, cancel_h, f.gap * 2);
        keys_area = rest;
    }
    int key_h = std::min((keys_area.h - 3 * key_gap) / 4, pct(0.20, f.s));
    const int key_w = std::min((keys_area.w - 2 * key_gap) / 3, pct(1.35, key_h));
    key_h = std::min(key_h, key_w);  // never narrower than tall: "Delete" must fit
    const int grid_w = 3 * key_w + 2 * key_gap;
    const int grid_h = 4 * key_h + 3 * key_gap;
    const int gx = keys_area.x + (keys_area.w - grid_w) / 2;
    const int gy = keys_area.y + (keys_area.h - grid_h) / 2;
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        StaffKey& key = k.keys[static_cast<std::size_t>(i)];
        key.rect = {gx + col * (key_w + key_gap), gy + row * (key_h + key_gap), key_w, key_h};
        if (i < 9) {
            key.kind = StaffKey::Kind::Digit;
            key.digit = i + 1;
        } else if (i == 9) {
            key.kind = StaffKey::Kind::Delete;
        } else if (i == 10) {
            key.kind = StaffKey::Kind::Digit;
            key.digit = 0;
        } else {
            key.kind = StaffKey::Kind::Ok;
        }
    }
    return k;
}

StaffPanelLayout staff_panel_layout(int screen_w, int screen_h) {
    const Frame f = frame(screen_w, screen_h);
    StaffPanelLayout p = framed<StaffPanelLayout>(f);
    Rect rest = f.inner;
    const int button_h = pct(0.11, f.s);

    Rect header = take_top(rest, pct(0.10, f.s), f.gap);
    p.close = take_right(header, std::min(pct(0.30, f.s), header.w / 3), f.gap);
    p.title = header;

    if (f.landscape) {
        split_row(take_top(rest, button_h, f.gap * 2), f.gap, {&p.pause, &p.previous, &p.next, &p.reload});
    } else {
        split_row(take_top(rest, button_h, f.gap), f.gap, {&p.pause, &p.reload});
        split_row(take_top(rest, button_h, f.gap * 2), f.gap, {&p.previous, &p.next});
    }

    Rect column;
    if (f.landscape) {
        column = take_right(rest, pct(0.42, rest.w), f.gap * 2);
        p.exit = take_bottom(rest, button_h, f.gap);  // under the list, far from Close
    } else {
        // Under the list: printers, counters, folder and Exit need about this much.
        column = take_bottom(rest, pct(0.80, f.s), f.gap * 2);
        p.exit = take_bottom(column, button_h, f.gap);
    }
    p.slides_title = take_top(rest, pct(0.065, f.s));
    p.slides = rest;

    // Room for two printers (the kiosk's and the desk's), each a heading and a line or two.
    Rect printer_row = take_top(column, pct(0.31, f.s), f.gap);
    p.test_print = take_right(printer_row, std::min(pct(0.28, f.s), printer_row.w / 2), f.gap);
    // The button sits level with the status words, not stretched to two lines' height.
    p.test_print = {p.test_print.x, p.test_print.y + (p.test_print.h - button_h) / 2, p.test_print.w,
                    std::min(button_h, p.test_print.h)};
    p.printer = printer_row;
    p.today = take_top(column, std::min(pct(0.22, f.s), column.h), f.gap);
    p.folder = column;
    return p;
}

}  // namespace kiosk
