#include "large_text.h"

#include "contrast.h"
#include "slide_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {
namespace {

// Word-level cutting of one block, keeping each word's style. A "word" is a run of non-spaces
// plus the spaces after it, so prefix + suffix is the block again.
struct Piece {
    std::string text;
    bool bold, italic;
};

std::vector<Piece> words_of(const Block& block) {
    std::vector<Piece> out;
    for (const Span& span : block.spans) {
        std::size_t i = 0;
        const std::string& t = span.text;
        while (i < t.size()) {
            std::size_t j = i;
            while (j < t.size() && t[j] != ' ') ++j;
            while (j < t.size() && t[j] == ' ') ++j;
            out.push_back({t.substr(i, j - i), span.bold, span.italic});
            i = j;
        }
    }
    return out;
}

Block block_from(const Block& like, const std::vector<Piece>& words, std::size_t from, std::size_t to) {
    Block b{like.kind, like.level, {}};
    for (std::size_t i = from; i < to; ++i) {
        const Piece& w = words[i];
        if (!b.spans.empty() && b.spans.back().bold == w.bold && b.spans.back().italic == w.italic) {
            b.spans.back().text += w.text;
        } else {
            b.spans.push_back({w.text, w.bold, w.italic});
        }
    }
    // A continuation line must not start or end with a stray space.
    if (!b.spans.empty()) {
        std::string& last = b.spans.back().text;
        while (!last.empty() && last.back() == ' ') last.pop_back();
    }
    return b;
}

bool fits(const std::string& title, const RichText& body, const Rect& box, const TextSizes& sizes,
          const TextMeasurer& m) {
    return layout_text(title, body, box, sizes, m).fits;
}

}  // namespace

TextSizes large_text_sizes(int screen_w, int screen_h) {
    const TextSizes normal = preferred_text_sizes(screen_w, screen_h);
    TextSizes s;
    s.title_px = static_cast<int>(std::ceil(normal.title_px * kLargeTextScale));
    s.body_px = static_cast<int>(std::ceil(normal.body_px * kLargeTextScale));
    s.min_body_px = s.body_px;
    return s;
}

Rect large_text_box(int screen_w, int screen_h, const PatientControlsWanted& controls) {
    const ScreenRegions regions = compute_regions(screen_w, screen_h, SlideLayoutKind::TextOnly, false);
    return regions_with_controls(regions, patient_controls_layout(regions, controls)).text;
}

std::vector<TextPage> split_pages(const std::string& title, const RichText& body, const Rect& box,
                                  const TextSizes& sizes, const TextMeasurer& m) {
    std::vector<TextPage> pages;
    RichText rest = body;
    std::size_t next = 0;
    bool first = true;
    while (first || next < rest.size()) {
        TextPage page;
        page.title = first ? title : std::string();
        // Whole blocks while they fit.
        while (next < rest.size()) {
            page.body.push_back(rest[next]);
            if (!fits(page.title, page.body, box, sizes, m)) {
                page.body.pop_back();
                break;
            }
            ++next;
        }
        // Nothing more fitted on a page that has room for part of the next block: cut it at the
        // last word that fits (binary search; height grows with words). A page that already holds
        // whole blocks leaves the next block for a fresh page, as a reader expects.
        if (next < rest.size() && page.body.empty()) {
            const std::vector<Piece> words = words_of(rest[next]);
            std::size_t lo = 0, hi = words.size();  // lo fits (0 words trivially), find the largest
            while (lo < hi) {
                const std::size_t mid = lo + (hi - lo + 1) / 2;
                RichText trial{block_from(rest[next], words, 0, mid)};
                if (fits(page.title, trial, box, sizes, m)) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            // Not even one word beside the title: the title takes the page alone; on a page
            // with no title one word always goes (layout_text breaks it as a last resort).
            if (lo == 0 && page.title.empty()) lo = 1;
            if (lo > 0) {
                page.body.push_back(block_from(rest[next], words, 0, lo));
                if (lo >= words.size()) {
                    ++next;
                } else {
                    rest[next] = block_from(rest[next], words, lo, words.size());
                }
            }
        }
        pages.push_back(std::move(page));
        first = false;
    }
    return pages;
}

std::vector<TextLayout> paginate_text(const std::string& title, const RichText& body, const Rect& box,
                                      const TextSizes& sizes, const TextMeasurer& m) {
    std::vector<TextLayout> out;
    for (const TextPage& page : split_pages(title, body, box, sizes, m)) {
        out.push_back(layout_text(page.title, page.body, box, sizes, m));
    }
    return out;
}

HighContrastColours high_contrast_colours(const ThemeConfig& theme) {
    const Rgb white{0xFF, 0xFF, 0xFF};
    const Rgb black{0, 0, 0};
    // The slides' own light ground stays (no seam against the band of controls); a dark theme
    // gets white, since darkening text only works on a light ground.
    const Rgb ground = relative_luminance(theme.background) >= 0.8 ? theme.background : white;
    const auto on_ground = [&](Rgb c) {
        // Steps toward black until the ratio holds.
        for (int step = 0; step < 20 && contrast_ratio(c, ground) < kLargeTextMinContrast; ++step) {
            c = Rgb{static_cast<std::uint8_t>(c.r * 85 / 100), static_cast<std::uint8_t>(c.g * 85 / 100),
                    static_cast<std::uint8_t>(c.b * 85 / 100)};
        }
        return contrast_ratio(c, ground) >= kLargeTextMinContrast ? c : black;  // black: ≥ 16:1 on ≥ 0.8
    };
    return HighContrastColours{ground, on_ground(theme.text), on_ground(theme.accent)};
}

}  // namespace kiosk
