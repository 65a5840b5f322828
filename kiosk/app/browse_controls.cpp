#include "browse_controls.h"

#include "patient_controls.h"
#include "ui_draw.h"

#include <algorithm>

namespace kiosk {

namespace {

// A chevron (‹ or ›) drawn as two thick strokes: as large as the target allows, whatever the font.
void chevron(ImDrawList* dl, const Rect& r, bool pointing_left, ImU32 col) {
    const float s = fpx(std::min(r.w, r.h)) * 0.42F;
    const float cx = fpx(r.x) + fpx(r.w) / 2;
    const float cy = fpx(r.y) + fpx(r.h) / 2;
    const float dx = pointing_left ? -s * 0.25F : s * 0.25F;  // the tip's side
    const ImVec2 pts[3] = {ImVec2(cx - dx, cy - s / 2), ImVec2(cx + dx, cy), ImVec2(cx - dx, cy + s / 2)};
    dl->AddPolyline(pts, 3, col, ImDrawFlags_None, std::max(4.0F, s * 0.16F));
}

}  // namespace

std::optional<PatientControl> draw_browse_controls(const PatientControlsLayout& layout, std::string_view language_label,
                                                   bool arrows, const ThemeConfig& theme, const UiFonts& fonts_in,
                                                   float label_px) {
    const UiFonts fonts = usable(fonts_in);
    std::optional<PatientControl> out;
    const auto radius = [](const Rect& r) { return fpx(r.h) * 0.22F; };
    // Outlined in the accent colour on white: clearly a button, yet quieter than the main one.
    Look quiet;
    quiet.fill = colour(Rgb{0xFF, 0xFF, 0xFF});
    quiet.fill_held = colour(mix(Rgb{0xFF, 0xFF, 0xFF}, theme.accent, 0.25F));
    quiet.text = colour(theme.accent);
    quiet.border = colour(theme.accent);
    if (!language_label.empty() && layout.language.w > 0) {
        quiet.border_px = std::max(3.0F, fpx(layout.language.h) * 0.05F);
        if (begin_overlay("##language", layout.language, false)) {
            const Rect& r = layout.language;
            if (touch_area("##lang", r, quiet, radius(r))) out = PatientControl::Language;
            // Large: the name must be read by someone who needs it; as large as Read aloud's word.
            const Rect label = language_label_rect(r);
            draw_text(ImGui::GetWindowDrawList(), fonts.large, label_px > 0 ? label_px : fpx(label.h) * 0.95F, label,
                      language_label, colour(theme.accent));
        }
        end_overlay();
    }
    // The arrows' windows exist from the first frame, empty until the first touch: a window that
    // appears in the frame of a press takes ImGui's focus and the press from the button under the
    // finger (Read aloud, A+).
    for (const PatientControl c : {PatientControl::Previous, PatientControl::Next}) {
        const Rect& r = rect_of(layout, c);
        if (r.w <= 0 || r.h <= 0) continue;
        quiet.border_px = std::max(3.0F, fpx(r.h) * 0.05F);
        const char* id = c == PatientControl::Previous ? "##previous" : "##next";
        if (begin_overlay(id, r, false) && arrows) {
            if (touch_area(id, r, quiet, radius(r))) out = c;
            chevron(ImGui::GetWindowDrawList(), r, c == PatientControl::Previous, colour(theme.accent));
        }
        end_overlay();
    }
    return out;
}

}  // namespace kiosk
