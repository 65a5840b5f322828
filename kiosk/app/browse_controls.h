// The patient's language button and the ‹ › arrows, drawn with Dear ImGui at the rectangles of
// patient_controls_layout. Returns the control touched this frame.
#pragma once

#include "core/config.h"
#include "core/patient_controls_layout.h"
#include "touch_fonts.h"

#include <optional>
#include <string_view>

namespace kiosk {

// `language_label` is the other language's own name ("Español"); empty draws no language button.
// The arrows are drawn only when `arrows` (after a first touch). `label_px`: the label's type size
// (patient_label_px, shared with Read aloud), shrunk only if it must.
[[nodiscard]] std::optional<PatientControl> draw_browse_controls(const PatientControlsLayout& layout,
                                                                 std::string_view language_label, bool arrows,
                                                                 const ThemeConfig& theme, const UiFonts& fonts,
                                                                 float label_px);

}  // namespace kiosk
