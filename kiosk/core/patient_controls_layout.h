// Where the patient's own controls go (Read aloud, A+, the language button, the ‹ › arrows) for a
// screen and the set of controls present: pure arithmetic on top of compute_regions(), so the rules
// (each control as tall as the main button, ≥ 10 % of the screen height; never over the main button,
// the footer or one another; on screen) are tested without a window, and e2e tests can find them.
#pragma once

#include "slide_layout.h"
#include "text_layout.h"

namespace kiosk {

enum class PatientControl { None, ReadAloud, TextSize, Language, Previous, Next };

// Which controls this kiosk shows. Reserve a control's place whenever it can appear (e.g. arrows
// that show after a first touch), so the slide does not reflow when it does.
struct PatientControlsWanted {
    bool read_aloud = false;
    bool text_size = false;  // the "A+" toggle
    bool language = false;
    bool arrows = false;     // both ‹ and ›
    // Minimum widths (px) the app measured for the labels with the real font, padding included;
    // 0 keeps the proportional default. A wider label is honoured when the row has room.
    int read_aloud_min_w = 0;
    int language_min_w = 0;
};

struct PatientControlsLayout {
    Rect read_aloud, text_size, language, previous, next;  // empty (w = h = 0) when not wanted
    int label_px = 0;  // type size of the labels: the main button's
    int gap = 0;       // between controls
    // What the slide keeps: the content (text and image) must end above `content_bottom`; the
    // progress dots and the disclaimer move to these rects (copied from the regions when unmoved).
    int content_bottom = 0;
    Rect dots;
    Rect disclaimer;
    bool stacked = false;  // true when the controls got rows of their own above the main button
};

[[nodiscard]] PatientControlsLayout patient_controls_layout(const ScreenRegions& regions,
                                                            const PatientControlsWanted& wanted);

// The regions with the controls' room taken out: content, text and image end above
// layout.content_bottom; dots and disclaimer moved. The slide renderer draws into these.
[[nodiscard]] ScreenRegions regions_with_controls(ScreenRegions regions, const PatientControlsLayout& layout);

// The control under (x, y), None if none.
[[nodiscard]] PatientControl control_at(const PatientControlsLayout& layout, int x, int y);
[[nodiscard]] const Rect& rect_of(const PatientControlsLayout& layout, PatientControl control);

}  // namespace kiosk
