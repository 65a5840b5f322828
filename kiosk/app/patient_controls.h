// The patient's own controls drawn with Dear ImGui: Read aloud (a speaker and the word) and A+
// (large text), at the rects of core/patient_controls_layout.h. They only draw and report what was
// touched; PatientAids decides what it means. L's language button and arrows use the same layout.
#pragma once

#include "core/config.h"
#include "core/patient_controls_layout.h"
#include "touch_fonts.h"

#include <optional>

namespace kiosk {

struct PatientControlsView {
    bool speaking = false;    // Read aloud shows "Stop" with a stop square while it speaks
    bool large_text = false;  // A+ is drawn pressed while the large view is on
};

[[nodiscard]] std::optional<PatientControl> draw_patient_controls(const PatientControlsLayout& layout,
                                                                  const PatientControlsView& view,
                                                                  const UiStrings& text, const ThemeConfig& theme,
                                                                  const UiFonts& fonts);

}  // namespace kiosk
