// Checks shared by the fixed-measurer and real-font suites: what any correct layout must satisfy.
#pragma once

#include "core/rich_text.h"
#include "core/slide_layout.h"
#include "core/text_layout.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kiosk::test {

inline std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// The input's words in reading order: title, then every block.
inline std::vector<std::string> input_words(const std::string& title, const RichText& body) {
    std::string all = title;
    for (const Block& block : body) {
        all += ' ';
        for (const Span& span : block.spans) all += span.text;
    }
    return words_of(all);
}

// Reassembles the laid-out words: runs on the same line (same top, same role group) are joined
// as drawn, lines are separated by a space. Bullet markers are not words of the input.
inline std::vector<std::string> laid_out_words(const TextLayout& layout) {
    std::string all;
    int line_y = -1;
    for (const PlacedRun& run : layout.runs) {
        if (run.role == RunRole::BulletMarker) continue;
        if (run.box.y != line_y) {
            all += ' ';
            line_y = run.box.y;
        }
        all += run.text;
    }
    return words_of(all);
}

inline void expect_runs_inside(const TextLayout& layout, const Rect& box) {
    for (const PlacedRun& run : layout.runs) {
        EXPECT_TRUE(box.contains(run.box)) << "run \"" << run.text << "\" at " << run.box.x << ',' << run.box.y << ' '
                                           << run.box.w << 'x' << run.box.h << " leaves the text box "
                                           << box.x << ',' << box.y << ' ' << box.w << 'x' << box.h;
    }
}

inline void expect_no_overlap_on_a_line(const TextLayout& layout) {
    for (std::size_t i = 1; i < layout.runs.size(); ++i) {
        const PlacedRun& a = layout.runs[i - 1];
        const PlacedRun& b = layout.runs[i];
        if (a.box.y == b.box.y) {
            EXPECT_LE(a.box.right(), b.box.x) << "runs \"" << a.text << "\" and \"" << b.text << "\" overlap";
        }
    }
}

inline Block para(std::vector<Span> spans) { return Block{BlockKind::Paragraph, 0, std::move(spans)}; }
inline Block bullet(std::vector<Span> spans) { return Block{BlockKind::Bullet, 0, std::move(spans)}; }
inline Block heading(std::vector<Span> spans) { return Block{BlockKind::Heading, 2, std::move(spans)}; }

// A typical slide as a clinic would write it: a short title, a sentence, three bullets.
inline const std::string kNormalTitle = "Gentle exercise for back pain";
inline RichText normal_body() {
    return {
        para({{"Short walks and "},
              {"gentle stretching", true},
              {" help most people "},
              {"recover faster", false, true},
              {"."}}),
        bullet({{"Start with five minutes a day"}}),
        bullet({{"Stop if the pain gets "}, {"sharper", true}}),
        bullet({{"Ask us about a home plan"}}),
    };
}

inline RichText long_body() {
    RichText body;
    for (int i = 0; i < 5; ++i) {
        body.push_back(para({{"Physical therapy combines "}, {"guided exercise", true},
                             {", manual therapy and education so that you can move with less pain and "},
                             {"return to the things you enjoy", false, true}, {". Paragraph "},
                             {std::to_string(i)}, {"."}}));
        body.push_back(bullet({{"Your therapist adjusts the plan at every visit, item "}, {std::to_string(i)}}));
    }
    return body;
}

struct Resolution {
    int w;
    int h;
};
inline const std::vector<Resolution> kResolutions{{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}};
inline const std::vector<SlideLayoutKind> kKinds{SlideLayoutKind::ImageLeft, SlideLayoutKind::ImageRight,
                                                 SlideLayoutKind::ImageTop, SlideLayoutKind::TextOnly,
                                                 SlideLayoutKind::ImageOnly};

inline std::string describe(const Resolution& r, SlideLayoutKind kind) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + " layout " + std::to_string(static_cast<int>(kind));
}

// The rules for one measurer at every screen size and layout: all words present once and in
// order, inside the text box, clear of the button, on screen; big type at 1080p.
inline void check_normal_slide_everywhere(const TextMeasurer& measurer) {
    for (const Resolution& res : kResolutions) {
        for (const SlideLayoutKind kind : kKinds) {
            SCOPED_TRACE(describe(res, kind));
            const ScreenRegions regions = compute_regions(res.w, res.h, kind, true);
            if (kind == SlideLayoutKind::ImageOnly) continue;
            const TextSizes sizes = preferred_text_sizes(res.w, res.h);
            const RichText body = normal_body();
            const TextLayout layout = layout_text(kNormalTitle, body, regions.text, sizes, measurer);
            EXPECT_TRUE(layout.fits) << "a normal slide must fit";
            EXPECT_EQ(laid_out_words(layout), input_words(kNormalTitle, body))
                << "every word appears exactly once, in order";
            expect_runs_inside(layout, regions.text);
            expect_no_overlap_on_a_line(layout);
            EXPECT_TRUE(regions.screen.contains(layout.used)) << "nothing leaves the screen";
            EXPECT_FALSE(layout.used.intersects(regions.button)) << "text never touches the button";
            // A landscape image-top slide gives the text a short, wide box; it may shrink a step.
            if (res.w == 1920 && res.h == 1080 && kind != SlideLayoutKind::ImageTop) {
                EXPECT_FALSE(layout.shrunk) << "a normal slide keeps the preferred sizes at 1080p";
                EXPECT_GE(layout.title_px, 0.07 * res.h) << "titles are at least 7 % of the height";
                EXPECT_GE(layout.body_px, 0.04 * res.h) << "body text is at least 4 % of the height";
            }
        }
    }
}

inline void check_long_slide_shrinks_everywhere(const TextMeasurer& measurer) {
    for (const Resolution& res : kResolutions) {
        for (const SlideLayoutKind kind : kKinds) {
            if (kind == SlideLayoutKind::ImageOnly) continue;
            SCOPED_TRACE(describe(res, kind));
            const ScreenRegions regions = compute_regions(res.w, res.h, kind, true);
            const TextSizes sizes = preferred_text_sizes(res.w, res.h);
            const RichText body = long_body();
            const std::string title = "What happens during a course of physical therapy";
            TextSizes lenient = sizes;
            lenient.min_body_px = 8;  // let it shrink as far as needed so "fits" is about the algorithm
            const TextLayout layout = layout_text(title, body, regions.text, lenient, measurer);
            EXPECT_TRUE(layout.shrunk) << "a very long slide has to shrink";
            EXPECT_TRUE(layout.fits);
            EXPECT_LT(layout.body_px, sizes.body_px);
            EXPECT_GE(layout.title_px, layout.body_px) << "the title never gets smaller than the body";
            EXPECT_EQ(laid_out_words(layout), input_words(title, body)) << "shrinking loses no word";
            expect_runs_inside(layout, regions.text);
        }
    }
}

}  // namespace kiosk::test
