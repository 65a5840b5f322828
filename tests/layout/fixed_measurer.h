// A measurer with fixed advances per character, so expected line breaks can be worked out by hand.
// Not a stand-in for SDL_ttf: the same properties are checked again with real fonts.
#pragma once

#include "core/text_layout.h"
#include "core/utf8.h"

#include <cmath>

namespace kiosk::test {

class FixedMeasurer final : public TextMeasurer {
public:
    // Each character is `advance` × px wide (bold 10 % wider); a line is 1.2 × px.
    explicit FixedMeasurer(double advance = 0.5) : advance_(advance) {}
    [[nodiscard]] int text_width(std::string_view utf8, FontStyle style, int px) const override {
        const bool bold = style == FontStyle::Bold || style == FontStyle::BoldItalic;
        return static_cast<int>(utf8_length(utf8)) * char_width(px, bold);
    }
    [[nodiscard]] int line_height(int px) const override { return static_cast<int>(std::lround(px * 1.2)); }
    [[nodiscard]] int char_width(int px, bool bold = false) const {
        return static_cast<int>(std::lround(px * advance_ * (bold ? 1.1 : 1.0)));
    }

private:
    double advance_;
};

}  // namespace kiosk::test
