#include "layout_checks.h"

#include "core/patient_controls_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk {
namespace {

using test::describe;
using test::kKinds;
using test::kResolutions;

struct Named {
    const char* name;
    Rect rect;
};

std::vector<Named> present(const PatientControlsLayout& l) {
    std::vector<Named> out;
    for (const Named& n : {Named{"read aloud", l.read_aloud}, Named{"A+", l.text_size}, Named{"language", l.language},
                           Named{"previous", l.previous}, Named{"next", l.next}}) {
        if (n.rect.w > 0 || n.rect.h > 0) out.push_back(n);
    }
    return out;
}

std::vector<PatientControlsWanted> every_combination() {
    std::vector<PatientControlsWanted> all;
    for (int bits = 0; bits < 16; ++bits) {
        PatientControlsWanted w;
        w.read_aloud = (bits & 1) != 0;
        w.text_size = (bits & 2) != 0;
        w.language = (bits & 4) != 0;
        w.arrows = (bits & 8) != 0;
        all.push_back(w);
    }
    return all;
}

int count_wanted(const PatientControlsWanted& w) {
    return int{w.read_aloud} + int{w.text_size} + int{w.language} + (w.arrows ? 2 : 0);
}

TEST(PatientControlsLayout, LargeTargetsApartFromTheButtonFooterAndEachOther) {
    for (const auto& res : kResolutions) {
        for (const auto kind : kKinds) {
            const ScreenRegions regions = compute_regions(res.w, res.h, kind, true);
            for (const PatientControlsWanted& wanted : every_combination()) {
                SCOPED_TRACE(describe(res, kind) + " controls " + std::to_string(count_wanted(wanted)) +
                             (wanted.arrows ? " with arrows" : ""));
                const PatientControlsLayout l = patient_controls_layout(regions, wanted);
                const std::vector<Named> controls = present(l);
                ASSERT_EQ(static_cast<int>(controls.size()), count_wanted(wanted)) << "every wanted control is placed";
                const ScreenRegions shown = regions_with_controls(regions, l);
                for (std::size_t i = 0; i < controls.size(); ++i) {
                    const Named& c = controls[i];
                    SCOPED_TRACE(c.name);
                    EXPECT_TRUE(regions.screen.contains(c.rect)) << "on screen";
                    EXPECT_GE(c.rect.h, 0.10 * res.h) << "as tall as the main button's rule: ≥ 10 % of the height";
                    EXPECT_GE(c.rect.h, regions.button.h) << "as tall as the main button";
                    EXPECT_GE(c.rect.w, c.rect.h) << "at least a square target";
                    EXPECT_FALSE(c.rect.intersects(regions.button)) << "never over the main button";
                    EXPECT_GE(std::max(regions.button.x - c.rect.right(), regions.button.y - c.rect.bottom()), l.gap)
                        << "a gap from the main button, so a finger does not print a slip by accident";
                    EXPECT_FALSE(c.rect.intersects(regions.footer)) << "never over the footer";
                    EXPECT_FALSE(c.rect.intersects(shown.content)) << "never over the slide's text or image";
                    EXPECT_FALSE(c.rect.intersects(shown.disclaimer)) << "never over the disclaimer";
                    EXPECT_FALSE(c.rect.intersects(shown.footer_dots)) << "never over the progress dots";
                    for (std::size_t j = i + 1; j < controls.size(); ++j) {
                        EXPECT_FALSE(c.rect.intersects(controls[j].rect)) << "overlaps " << controls[j].name;
                    }
                    EXPECT_EQ(rect_of(l, control_at(l, c.rect.x + c.rect.w / 2, c.rect.y + c.rect.h / 2)), c.rect)
                        << "a touch in its middle finds it";
                }
                EXPECT_TRUE(shown.content.contains(shown.text));
                EXPECT_TRUE(shown.content.contains(shown.image));
                EXPECT_FALSE(shown.disclaimer.intersects(shown.content));
                EXPECT_FALSE(shown.disclaimer.intersects(regions.footer));
                EXPECT_FALSE(shown.disclaimer.intersects(regions.button));
                EXPECT_TRUE(regions.screen.contains(shown.disclaimer));
                EXPECT_FALSE(shown.footer_dots.intersects(shown.content));
                EXPECT_FALSE(shown.footer_dots.intersects(regions.button));
                EXPECT_GE(shown.content.h, res.h / 2) << "the slide keeps at least half the screen";
                EXPECT_EQ(l.label_px, regions.button_px) << "labels as large as the main button's";
                EXPECT_EQ(control_at(l, regions.button.x + 1, regions.button.y + 1), PatientControl::None);
            }
        }
    }
}

TEST(PatientControlsLayout, NothingWantedChangesNothing) {
    for (const auto& res : kResolutions) {
        const ScreenRegions regions = compute_regions(res.w, res.h, SlideLayoutKind::ImageLeft, true);
        const PatientControlsLayout l = patient_controls_layout(regions, {});
        const ScreenRegions shown = regions_with_controls(regions, l);
        EXPECT_EQ(shown.content, regions.content);
        EXPECT_EQ(shown.text, regions.text);
        EXPECT_EQ(shown.disclaimer, regions.disclaimer);
        EXPECT_EQ(shown.footer_dots, regions.footer_dots);
        EXPECT_TRUE(present(l).empty());
    }
}

TEST(PatientControlsLayout, LandscapeKeepsTheSlideAndPortraitStacksAboveTheButton) {
    PatientControlsWanted all;
    all.read_aloud = all.text_size = all.language = all.arrows = true;
    for (const auto& res : kResolutions) {
        SCOPED_TRACE(std::to_string(res.w) + "x" + std::to_string(res.h));
        const ScreenRegions regions = compute_regions(res.w, res.h, SlideLayoutKind::ImageLeft, true);
        const PatientControlsLayout l = patient_controls_layout(regions, all);
        if (res.w > res.h) {
            EXPECT_FALSE(l.stacked) << "16:9 has room in the bottom band, left of the main button";
            EXPECT_EQ(l.read_aloud.y, regions.button.y);
            EXPECT_EQ(l.content_bottom, regions.content.bottom()) << "the slide's text box does not shrink";
        } else {
            EXPECT_TRUE(l.stacked);
            EXPECT_LT(l.read_aloud.bottom(), regions.button.y);
            EXPECT_LT(l.previous.bottom(), l.read_aloud.y) << "the arrows get the row above";
            EXPECT_GT(l.dots.x, l.previous.right()) << "the dots sit between the arrows";
            EXPECT_LT(l.dots.right(), l.next.x);
        }
    }
}

TEST(PatientControlsLayout, AWiderMeasuredLabelIsHonoured) {
    const ScreenRegions regions = compute_regions(1920, 1080, SlideLayoutKind::TextOnly, true);
    PatientControlsWanted w;
    w.read_aloud = w.language = true;
    w.language_min_w = 420;
    const PatientControlsLayout l = patient_controls_layout(regions, w);
    EXPECT_GE(l.language.w, 420);
    EXPECT_FALSE(l.language.intersects(l.read_aloud));
}

TEST(PatientControlsLayout, ANarrowLandscapeFallsBackToRowsAbove) {
    // 4:3: the band left of the main button is too short for every control.
    const ScreenRegions regions = compute_regions(1024, 768, SlideLayoutKind::TextOnly, true);
    PatientControlsWanted all;
    all.read_aloud = all.text_size = all.language = all.arrows = true;
    const PatientControlsLayout l = patient_controls_layout(regions, all);
    EXPECT_TRUE(l.stacked);
    for (const Named& c : present(l)) {
        EXPECT_FALSE(c.rect.intersects(regions.button)) << c.name;
        EXPECT_TRUE(regions.screen.contains(c.rect)) << c.name;
    }
    EXPECT_LT(l.content_bottom, l.previous.y);
}

}  // namespace
}  // namespace kiosk
