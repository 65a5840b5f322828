#include "rotation.h"

namespace kiosk {

int normalised_rotation(int degrees) {
    return degrees == 90 || degrees == 180 || degrees == 270 ? degrees : 0;
}

LogicalSize logical_size(int degrees, int screen_w, int screen_h) {
    const int d = normalised_rotation(degrees);
    if (d == 90 || d == 270) return {screen_h, screen_w};
    return {screen_w, screen_h};
}

LogicalPoint screen_to_logical(int degrees, float sx, float sy, int screen_w, int screen_h) {
    const auto w = static_cast<float>(screen_w);
    const auto h = static_cast<float>(screen_h);
    // Turning the picture clockwise by 90° sends its top-left corner to the screen's top-right:
    // logical (x, y) is shown at screen (w - y, x). Each case below is that mapping inverted.
    switch (normalised_rotation(degrees)) {
        case 90:
            return {sy, w - sx};
        case 180:
            return {w - sx, h - sy};
        case 270:
            return {h - sy, sx};
        default:
            return {sx, sy};
    }
}

}  // namespace kiosk
