// Word wrap and fit-to-box for slide text. Pure: glyph widths come from a TextMeasurer (SDL_ttf in
// the app, a fixed-advance measurer in tests). Text is never clipped: when it does not fit at the
// preferred sizes, every size shrinks together until it does, and the result says it shrank.
#pragma once

#include "rich_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    [[nodiscard]] int right() const { return x + w; }
    [[nodiscard]] int bottom() const { return y + h; }
    [[nodiscard]] bool contains(const Rect& o) const {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }
    [[nodiscard]] bool intersects(const Rect& o) const {
        return o.x < right() && x < o.right() && o.y < bottom() && y < o.bottom();
    }
    friend bool operator==(const Rect&, const Rect&) = default;
};

enum class FontStyle { Regular, Bold, Italic, BoldItalic };
[[nodiscard]] FontStyle style_of(bool bold, bool italic);

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width in pixels of a UTF-8 string at `px` pixel size.
    [[nodiscard]] virtual int text_width(std::string_view utf8, FontStyle style, int px) const = 0;
    // Distance between baselines of consecutive lines at `px` (the font's line skip).
    [[nodiscard]] virtual int line_height(int px) const = 0;
};

enum class RunRole { Title, Body, BulletMarker };

// One piece of text at a position: the renderer draws `text` with its top-left at (box.x, box.y).
struct PlacedRun {
    std::string text;
    FontStyle style = FontStyle::Regular;
    int px = 0;
    RunRole role = RunRole::Body;
    Rect box;
};

struct TextSizes {
    int title_px = 0;      // preferred title size
    int body_px = 0;       // preferred body size
    int min_body_px = 12;  // never shrink below this; if it still does not fit, fits == false
};

struct TextLayout {
    std::vector<PlacedRun> runs;
    int title_px = 0;   // sizes actually used
    int body_px = 0;
    bool shrunk = false;  // had to go below the preferred sizes
    bool fits = true;     // false only when even min_body_px overflowed (runs then overflow the box)
    Rect used;            // bounding box of all runs
};

// Lays out a title (wrapped, bold) and body blocks (paragraphs, bullets with a hanging indent,
// headings inside the body as bold) inside `box`, top-aligned. Words are never split unless a
// single word is wider than the box (then it is broken between characters as a last resort).
[[nodiscard]] TextLayout layout_text(const std::string& title, const RichText& body, const Rect& box,
                                     const TextSizes& preferred, const TextMeasurer& measurer);

}  // namespace kiosk
