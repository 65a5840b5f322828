#include "patient_controls_layout.h"

#include "ui_geometry.h"

#include <algorithm>
#include <vector>

namespace kiosk {
namespace {

// Proportions of the shorter screen side, like slide_layout's, so 4K is 1080p doubled and portrait
// keeps landscape's label sizes. The widths leave room for the label at the main button's size.
// Read aloud's word is longer than most languages' names and shares its box with the speaker, so
// it gets the wider box: both labels are drawn at one size (patient_controls.h), set by the tighter.
constexpr double kReadAloudWidth = 0.36;  // speaker symbol + "Read aloud"
constexpr double kLanguageWidth = 0.22;   // a language's own name, e.g. "Español"
constexpr double kTextSizeWidth = 0.12;   // "A+"
constexpr double kGap = 0.015;            // between two controls: a finger lands on one, not both

struct Item {
    PatientControl control;
    int w;
};

void set(PatientControlsLayout& l, PatientControl c, const Rect& rect) {
    switch (c) {
        case PatientControl::ReadAloud:
            l.read_aloud = rect;
            break;
        case PatientControl::TextSize:
            l.text_size = rect;
            break;
        case PatientControl::Language:
            l.language = rect;
            break;
        case PatientControl::Previous:
            l.previous = rect;
            break;
        case PatientControl::Next:
            l.next = rect;
            break;
        case PatientControl::None:
            break;
    }
}

int total_width(const std::vector<Item>& items, int gap) {
    int sum = 0;
    for (const Item& i : items) sum += i.w;
    return sum + gap * std::max(0, static_cast<int>(items.size()) - 1);
}

// Lays `items` left to right from `row.x`, each row.h tall.
void place_row(PatientControlsLayout& l, const std::vector<Item>& items, const Rect& row, int gap) {
    int x = row.x;
    for (const Item& i : items) {
        set(l, i.control, Rect{x, row.y, i.w, row.h});
        x += i.w + gap;
    }
}

// Fills `row` exactly: the spare width is shared out, or, when short, every item shrinks in
// proportion but never below `min_w` (a square target as tall as the main button).
void fill_row(PatientControlsLayout& l, std::vector<Item> items, const Rect& row, int gap, int min_w) {
    if (items.empty()) return;
    const int n = static_cast<int>(items.size());
    const int want = total_width(items, gap);
    const int room = row.w - gap * (n - 1);
    if (want <= row.w) {
        const int extra = (row.w - want) / n;
        for (Item& i : items) i.w += extra;
    } else {
        const int sum = want - gap * (n - 1);
        for (Item& i : items) i.w = std::max(min_w, static_cast<int>(static_cast<long long>(i.w) * room / sum));
    }
    place_row(l, items, row, gap);
}

}  // namespace

PatientControlsLayout patient_controls_layout(const ScreenRegions& r, const PatientControlsWanted& wanted) {
    PatientControlsLayout l;
    const int s = std::max(1, std::min(r.screen.w, r.screen.h));
    const int h = r.button.h;  // the main button's height: already ≥ 10 % of the screen height
    const int m = r.margin;
    l.label_px = r.button_px;
    l.gap = std::max(8, pct(kGap, s));
    l.content_bottom = r.content.bottom();
    l.dots = r.footer_dots;
    l.disclaimer = r.disclaimer;
    const bool any = wanted.read_aloud || wanted.text_size || wanted.language || wanted.arrows;
    if (!any) return l;

    std::vector<Item> main_items;  // the slide's own controls
    if (wanted.read_aloud)
        main_items.push_back(
            {PatientControl::ReadAloud, std::max({h, pct(kReadAloudWidth, s), wanted.read_aloud_min_w})});
    if (wanted.text_size) main_items.push_back({PatientControl::TextSize, std::max(h, pct(kTextSizeWidth, s))});
    if (wanted.language)
        main_items.push_back({PatientControl::Language, std::max({h, pct(kLanguageWidth, s), wanted.language_min_w})});

    // Landscape first choice: one row in the bottom band, left of the main button, a full margin
    // clear of it so a patient reaching for a control does not print a slip by accident. The
    // disclaimer that lived there moves just above the band, into the room the content left free.
    if (!r.portrait) {
        std::vector<Item> row;
        row.reserve(main_items.size() + 2);
        if (wanted.arrows) {
            row.push_back({PatientControl::Previous, h});
            row.push_back({PatientControl::Next, h});
        }
        row.insert(row.end(), main_items.begin(), main_items.end());
        const Rect band{m, r.button.y, std::max(0, r.button.x - m - m), h};
        if (total_width(row, l.gap) <= band.w) {
            place_row(l, row, band, l.gap);
            // The margin between content and band holds the disclaimer line (its rect has the
            // text's own leading), centred; only a screen where it does not fit loses content.
            const int room = r.button.y - r.content.bottom();
            const int y =
                room >= r.disclaimer.h ? r.content.bottom() + (room - r.disclaimer.h) / 2 : r.button.y - r.disclaimer.h;
            l.disclaimer = Rect{m, y, r.screen.w - 2 * m, r.disclaimer.h};
            l.content_bottom = std::min(l.content_bottom, l.disclaimer.y);
            return l;
        }
    }

    // Otherwise (portrait, or a landscape too narrow for one row): rows of their own, full width,
    // above the main button. Nearest the button: the slide's controls; above them the arrows at
    // the two edges with the progress dots between, where a carousel's dots are expected.
    l.stacked = true;
    const int w = r.screen.w - 2 * m;
    int top = r.button.y;
    if (!main_items.empty()) {
        const Rect row{m, top - l.gap - h, w, h};
        fill_row(l, main_items, row, l.gap, h);
        top = row.y;
    }
    if (wanted.arrows) {
        const Rect row{m, top - l.gap - h, w, h};
        l.previous = Rect{row.x, row.y, h, h};
        l.next = Rect{row.right() - h, row.y, h, h};
        if (r.portrait)
            l.dots = Rect{l.previous.right() + l.gap, row.y, l.next.x - l.gap - l.previous.right() - l.gap, h};
        top = row.y;
    } else if (r.portrait) {
        l.dots = Rect{m, top - r.footer_dots.h, w, r.footer_dots.h};
        top = l.dots.y;
    }
    l.content_bottom = std::min(l.content_bottom, top - m);
    return l;
}

ScreenRegions regions_with_controls(ScreenRegions r, const PatientControlsLayout& l) {
    const auto clip = [&](Rect& rect) {
        if (rect.bottom() > l.content_bottom) rect.h = std::max(0, l.content_bottom - rect.y);
    };
    clip(r.content);
    clip(r.text);
    clip(r.image);
    r.footer_dots = l.dots;
    r.disclaimer = l.disclaimer;
    return r;
}

const Rect& rect_of(const PatientControlsLayout& l, PatientControl c) {
    static const Rect kNone{};
    switch (c) {
        case PatientControl::ReadAloud:
            return l.read_aloud;
        case PatientControl::TextSize:
            return l.text_size;
        case PatientControl::Language:
            return l.language;
        case PatientControl::Previous:
            return l.previous;
        case PatientControl::Next:
            return l.next;
        case PatientControl::None:
            break;
    }
    return kNone;
}

PatientControl control_at(const PatientControlsLayout& l, int x, int y) {
    for (const PatientControl c : {PatientControl::ReadAloud, PatientControl::TextSize, PatientControl::Language,
                                   PatientControl::Previous, PatientControl::Next}) {
        const Rect& rect = rect_of(l, c);
        if (rect.w > 0 && rect.h > 0 && x >= rect.x && x < rect.right() && y >= rect.y && y < rect.bottom()) return c;
    }
    return PatientControl::None;
}

}  // namespace kiosk
