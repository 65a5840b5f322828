// Drawing helpers shared by the patient panel's and the staff screens' Dear ImGui code: colours,
// rect conversions, wrapped text that shrinks to fit, flat touch buttons and full-window overlays.
#pragma once

#include "core/config.h"
#include "core/text_layout.h"
#include "touch_fonts.h"
#include "ui_drawn_areas.h"

#include <imgui.h>

#include <string_view>
#include <vector>

namespace kiosk {

[[nodiscard]] ImU32 colour(const Rgb& c, float alpha = 1.0F);
// `a` with `t` (0..1) of `b` mixed in: tints and pressed shades of the theme colours.
[[nodiscard]] Rgb mix(const Rgb& a, const Rgb& b, float t);

[[nodiscard]] inline float fpx(int v) {
    return static_cast<float>(v);
}
[[nodiscard]] inline ImVec2 top_left(const Rect& r) {
    return {fpx(r.x), fpx(r.y)};
}
[[nodiscard]] inline ImVec2 bottom_right(const Rect& r) {
    return {fpx(r.right()), fpx(r.bottom())};
}
[[nodiscard]] inline ImVec2 size_of(const Rect& r) {
    return {fpx(r.w), fpx(r.h)};
}
[[nodiscard]] Rect inset(const Rect& r, int by);

[[nodiscard]] float text_width(ImFont* font, float px, std::string_view s);
// Lines of `text` no wider than `width` at `px`. Every '\n' starts a new line (an empty one too);
// a glyph wider than the box still gets a line of its own rather than looping forever.
[[nodiscard]] std::vector<std::string_view> wrap(ImFont* font, float px, std::string_view text, float width);

enum class Align { Left, Center, Right };

// Wrapped and vertically centred in `box`; shrinks (never below half size) rather than being clipped.
void draw_text(ImDrawList* dl, ImFont* font, float px, const Rect& box, std::string_view text, ImU32 col,
               Align align = Align::Center);

// The type size draw_text ends up using for `text` in `box` when asked for `px` (0 for no text).
[[nodiscard]] float fitted_text_px(ImFont* font, float px, const Rect& box, std::string_view text);

// Top-aligned wrapped text at a fixed size (at most the atlas size); returns the height used.
float draw_paragraph(ImDrawList* dl, ImFont* font, float px, ImVec2 at, float width, std::string_view text, ImU32 col);
// The height draw_paragraph would use, for laying out before drawing.
[[nodiscard]] float paragraph_height(ImFont* font, float px, float width, std::string_view text);

struct Look {
    ImU32 fill = 0;
    ImU32 fill_held = 0;
    ImU32 text = 0;
    ImU32 border = 0;
    float border_px = 0;  // 0: no outline
};

// An invisible ImGui button under our own drawing: ImGui decides "touched" (down and released over
// it, mouse or finger), the look is big and flat. Hover is not shown: a finger leaves no hover.
// An opaque one is noted in the UiDrawnAreas that ImGuiIO::UserData points at, if any.
bool touch_area(const char* id, const Rect& r, const Look& look, float radius);
// touch_area with `label` centred in it, in `font` at `px` at most.
bool text_button(const char* id, const Rect& r, std::string_view label, const Look& look, float radius, ImFont* font,
                 float px);

// Missing fonts (a broken atlas) fall back to ImGui's default rather than crashing the kiosk.
[[nodiscard]] UiFonts usable(const UiFonts& fonts);

// A borderless, unpadded, undecorated window at `r` that we draw into by hand. `modal` brings it to
// the front with the focus, so it takes every touch; otherwise it stays behind anything focused.
// Always pair with end_overlay(), whatever begin_overlay() returned.
bool begin_overlay(const char* id, const Rect& r, bool modal);
void end_overlay();

}  // namespace kiosk
