// The patient touch panel's Dear ImGui screens: the always-visible button and the panel over the
// dimmed slide. They only draw a TouchPanelView and report what was touched as a PanelIntent;
// every decision is TouchPanel's (core/touch_panel.h). Positions come from core/touch_panel_layout.h.
#pragma once

#include "core/config.h"
#include "core/text_layout.h"
#include "core/touch_panel.h"
#include "touch_fonts.h"

#include <optional>

namespace kiosk {

// The "Interested? Touch here" button at `where` (the lead's ScreenRegions::button). Draw it only
// while the panel is closed. Returns intent::Open when tapped (mouse or touch, released over it).
[[nodiscard]] std::optional<PanelIntent> draw_touch_button(const Rect& where, const UiStrings& text,
                                                           const ThemeConfig& theme, const UiFonts& fonts);

// The open panel, full screen over the dimmed slide. Draw it only while TouchPanel::is_open().
[[nodiscard]] std::optional<PanelIntent> draw_touch_panel(const TouchPanelView& view, const KioskConfig& config,
                                                          const UiFonts& fonts, int screen_w, int screen_h);

}  // namespace kiosk
