#include "patient_controls.h"

#include "ui_draw.h"

#include <imgui.h>

#include <algorithm>

namespace kiosk {
namespace {

// Secondary to the main button: white with a thick dark outline and dark symbols (the theme's text
// colour, > 12:1 on white); turned on, the same colours swap, so "on" reads from across the room.
Look look_for(const ThemeConfig& theme, bool on, float border) {
    const Rgb white{0xFF, 0xFF, 0xFF};
    const Rgb black{0, 0, 0};
    Look l;
    l.fill = on ? colour(theme.text) : colour(white);
    l.fill_held = on ? colour(mix(theme.text, black, 0.4F)) : colour(mix(white, theme.accent, 0.3F));
    l.text = on ? colour(white) : colour(theme.text);
    l.border = colour(theme.text);
    l.border_px = border;
    return l;
}

// A loudspeaker: a box, a cone, and two sound waves; drawn, so it needs no emoji font.
void draw_speaker(ImDrawList* dl, const ImVec2& c, float s, ImU32 col) {
    const float box_w = s * 0.22F, box_h = s * 0.36F;
    const float left = c.x - s * 0.45F;
    dl->AddRectFilled(ImVec2(left, c.y - box_h / 2), ImVec2(left + box_w, c.y + box_h / 2), col);
    const ImVec2 cone[4] = {{left + box_w, c.y - box_h / 2},
                            {left + box_w + s * 0.26F, c.y - s * 0.42F},
                            {left + box_w + s * 0.26F, c.y + s * 0.42F},
                            {left + box_w, c.y + box_h / 2}};
    dl->AddConvexPolyFilled(cone, 4, col);
    const float line = std::max(2.0F, s * 0.08F);
    const ImVec2 o(left + box_w + s * 0.30F, c.y);
    for (const float r : {s * 0.22F, s * 0.42F}) {
        dl->PathArcTo(o, r, -0.85F, 0.85F, 16);
        dl->PathStroke(col, 0, line);
    }
}

void draw_stop(ImDrawList* dl, const ImVec2& c, float s, ImU32 col) {
    const float h = s * 0.32F;
    dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), col, s * 0.06F);
}

}  // namespace

Rect read_aloud_label_rect(const Rect& r) {
    const int pad = std::max(4, r.h / 7);
    const int text_x = r.x + r.h;
    return Rect{text_x, r.y + pad, r.right() - text_x - r.h / 5, r.h - 2 * pad};
}

Rect language_label_rect(const Rect& r) {
    const int pad = std::max(4, r.h / 7);
    return Rect{r.x + r.h / 5, r.y + pad, r.w - 2 * (r.h / 5), r.h - 2 * pad};
}

float patient_label_px(const PatientControlsLayout& layout, const UiStrings& text, std::string_view language_label,
                       const UiFonts& fonts_in) {
    const UiFonts fonts = usable(fonts_in);
    float px = 0;
    // As large as the box's height allows, wrapped and shrunk as draw_text does, for each word.
    const auto fit = [&](const Rect& box, std::string_view word) {
        const float fits = fitted_text_px(fonts.large, fpx(box.h) * 0.95F, box, word);
        if (fits > 0) px = px == 0 ? fits : std::min(px, fits);
    };
    if (layout.read_aloud.w > 0) {
        fit(read_aloud_label_rect(layout.read_aloud), text.read_aloud);
        fit(read_aloud_label_rect(layout.read_aloud), text.stop_reading);
    }
    if (layout.language.w > 0) fit(language_label_rect(layout.language), language_label);
    return px;
}

std::optional<PatientControl> draw_patient_controls(const PatientControlsLayout& layout,
                                                    const PatientControlsView& view, const UiStrings& text,
                                                    const ThemeConfig& theme, const UiFonts& fonts_in, float label_px) {
    const UiFonts fonts = usable(fonts_in);
    std::optional<PatientControl> out;
    if (const Rect& r = layout.read_aloud; r.w > 0 && r.h > 0) {
        const float radius = fpx(r.h) * 0.22F;
        if (begin_overlay("##read_aloud", r, false)) {
            const Look look = look_for(theme, view.speaking, std::max(3.0F, fpx(r.h) * 0.05F));
            if (touch_area("##read_aloud_touch", r, look, radius)) out = PatientControl::ReadAloud;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            // Symbol in a square on the left, the word in the rest, as large as the box allows.
            const float icon = fpx(r.h) * 0.62F;
            const ImVec2 centre(fpx(r.x) + fpx(r.h) * 0.55F, fpx(r.y) + fpx(r.h) / 2.0F);
            if (view.speaking) {
                draw_stop(dl, centre, icon, look.text);
            } else {
                draw_speaker(dl, centre, icon, look.text);
            }
            const Rect label = read_aloud_label_rect(r);
            // The size shared with the language button; draw_text shrinks it to the width if need be.
            const float px = label_px > 0 ? label_px : fpx(label.h) * 0.95F;
            draw_text(dl, fonts.large, px, label, view.speaking ? text.stop_reading : text.read_aloud, look.text);
        }
        end_overlay();
    }
    if (const Rect& r = layout.text_size; r.w > 0 && r.h > 0) {
        const float radius = fpx(r.h) * 0.22F;
        if (begin_overlay("##text_size", r, false)) {
            const Look look = look_for(theme, view.large_text, std::max(3.0F, fpx(r.h) * 0.05F));
            if (touch_area("##text_size_touch", r, look, radius)) out = PatientControl::TextSize;
            const int pad = std::max(4, r.h / 8);
            draw_text(ImGui::GetWindowDrawList(), fonts.large, fpx(r.h - 2 * pad) * 0.95F, inset(r, pad), "A+",
                      look.text);
        }
        end_overlay();
    }
    return out;
}

}  // namespace kiosk
