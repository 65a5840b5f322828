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

// `label_px`: the type size of the Read aloud label (patient_label_px), shrunk only if it must.
[[nodiscard]] std::optional<PatientControl> draw_patient_controls(const PatientControlsLayout& layout,
                                                                  const PatientControlsView& view,
                                                                  const UiStrings& text, const ThemeConfig& theme,
                                                                  const UiFonts& fonts, float label_px);

// Where the words go inside Read aloud (right of the speaker) and the language button.
[[nodiscard]] Rect read_aloud_label_rect(const Rect& button);
[[nodiscard]] Rect language_label_rect(const Rect& button);

// One type size for the words on Read aloud and the language button, the largest at which both
// fit ("Read aloud" and "Stop" alike, so the size does not jump while it speaks): side by side,
// a smaller word on one would look like a lesser control.
[[nodiscard]] float patient_label_px(const PatientControlsLayout& layout, const UiStrings& text,
                                     std::string_view language_label, const UiFonts& fonts);

}  // namespace kiosk
