// Where every part of the staff keypad and staff panel goes for a given screen size: pure
// arithmetic, so tests check the keys are big enough and can click them by coordinates.
#pragma once

#include "text_layout.h"

#include <array>

namespace kiosk {

struct StaffKey {
    enum class Kind { Digit, Delete, Ok } kind = Kind::Digit;
    int digit = 0;  // for Digit
    Rect rect;
};

// Landscape: title, PIN field, message and Cancel on the left, the 3×4 keys on the right.
// Portrait: all stacked, Cancel at the bottom. Keys 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK.
struct StaffKeypadLayout {
    Rect card;
    Rect title;
    Rect pin_field;  // the typed digits, as dots
    Rect message;    // wrong PIN / locked out (reserved so the keys never move)
    Rect cancel;
    std::array<StaffKey, 12> keys{};
    int gap = 0;
    int radius = 0;
    bool landscape = true;
};
[[nodiscard]] StaffKeypadLayout staff_keypad_layout(int screen_w, int screen_h);

// Header (title, Close), the four loop controls, the scrolling slide list, and a column with the
// printer (and its Test print), today's counters, the slides folder and Exit. In portrait the
// column goes under the list.
struct StaffPanelLayout {
    Rect card;
    Rect title;
    Rect close;
    Rect pause, previous, next, reload;
    Rect slides_title;
    Rect slides;       // scrolls when the list is longer
    Rect printer;      // status words
    Rect test_print;   // button (empty when no printer is configured is the screen's choice)
    Rect today;        // counters
    Rect folder;       // where the slides come from
    Rect exit;
    int gap = 0;
    int radius = 0;
    bool landscape = true;
};
[[nodiscard]] StaffPanelLayout staff_panel_layout(int screen_w, int screen_h);

}  // namespace kiosk
