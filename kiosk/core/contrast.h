// WCAG 2.x contrast for theme colours: patients read from across a room, so body text must meet
// AAA (7:1) and large text such as the button label at least 4.5:1.
#pragma once

#include "config.h"

namespace kiosk {

inline constexpr double kContrastAaaNormal = 7.0;
inline constexpr double kContrastAaaLarge = 4.5;

// Relative luminance 0 (black) .. 1 (white), per WCAG 2.x (sRGB linearised).
[[nodiscard]] double relative_luminance(const Rgb& colour);

// (L_lighter + 0.05) / (L_darker + 0.05): 1 .. 21, symmetric in its arguments.
[[nodiscard]] double contrast_ratio(const Rgb& a, const Rgb& b);

}  // namespace kiosk
