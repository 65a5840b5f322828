// A screen mounted sideways or upside down, turned in software ([display] rotate): the layout is
// made for the logical (turned) size, the picture is copied onto the screen turned clockwise, and
// touches on the screen are mapped back to where they land in the layout.
#pragma once

namespace kiosk {

struct LogicalSize {
    int w = 0, h = 0;
};
struct LogicalPoint {
    float x = 0, y = 0;
};

// 0, 90, 180 or 270 (anything else is treated as 0).
[[nodiscard]] int normalised_rotation(int degrees);
// The size the layout is made for: a 1920×1080 screen turned 90° gets a 1080×1920 portrait layout.
[[nodiscard]] LogicalSize logical_size(int degrees, int screen_w, int screen_h);
// Where a touch at (sx, sy) on the screen lands in the logical picture, when that picture is shown
// turned `degrees` clockwise to fill the screen.
[[nodiscard]] LogicalPoint screen_to_logical(int degrees, float sx, float sy, int screen_w, int screen_h);

}  // namespace kiosk
