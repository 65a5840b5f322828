#include "layout_checks.h"

#include "core/slide_layout.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using test::describe;
using test::kKinds;
using test::kResolutions;

bool empty(const Rect& r) { return r.w <= 0 || r.h <= 0; }

TEST(SlideLayout, RegionsStayOnScreenAndApart) {
    for (const auto& res : kResolutions) {
        for (const auto kind : kKinds) {
            SCOPED_TRACE(describe(res, kind));
            const ScreenRegions r = compute_regions(res.w, res.h, kind, true);
            EXPECT_EQ(r.screen, (Rect{0, 0, res.w, res.h}));
            for (const Rect* part : {&r.content, &r.text, &r.image, &r.button, &r.footer, &r.disclaimer}) {
                EXPECT_TRUE(r.screen.contains(*part)) << "nothing outside the screen";
            }
            EXPECT_FALSE(r.button.intersects(r.text)) << "the button never overlaps the text box";
            EXPECT_FALSE(r.button.intersects(r.content)) << "the button sits outside the content area";
            EXPECT_FALSE(r.button.intersects(r.footer));
            EXPECT_FALSE(r.button.intersects(r.disclaimer));
            EXPECT_FALSE(r.disclaimer.intersects(r.footer));
            EXPECT_FALSE(r.disclaimer.intersects(r.content));
            EXPECT_FALSE(r.text.intersects(r.image)) << "text and image do not overlap";
            EXPECT_TRUE(r.content.contains(r.text));
            EXPECT_TRUE(r.content.contains(r.image));
            EXPECT_GE(r.button.h, 0.10 * res.h) << "the touch button is at least 10 % of the screen height";
            EXPECT_GE(r.button.w, 2 * r.button.h) << "the button is wide";
            EXPECT_EQ(r.footer.bottom(), res.h) << "the footer is at the bottom";
            EXPECT_EQ(r.footer.w, res.w);
            EXPECT_LE(r.disclaimer.bottom(), r.footer.y) << "the disclaimer sits above the footer";
            EXPECT_GE(r.disclaimer.y, r.button.y) << "the disclaimer is in the bottom band";
            const int shorter = std::min(res.w, res.h);
            EXPECT_GE(r.margin, 0.04 * shorter);
            EXPECT_LE(r.margin, 0.05 * shorter);
            EXPECT_GE(r.footer.h, 0.07 * shorter);
            EXPECT_LE(r.footer.h, 0.08 * shorter);
            EXPECT_GE(r.footer_px, 0.03 * shorter) << "footer text ≥ 3 % (of the height in landscape)";
            EXPECT_GE(r.disclaimer_px, 0.022 * shorter) << "disclaimer ≥ 2.2 % (of the height in landscape)";
            EXPECT_LT(r.footer_px * 13 / 10, r.footer.h) << "footer text fits its strip";
            EXPECT_LE(r.disclaimer_px, r.disclaimer.h);
            EXPECT_LT(r.button_px * 2, r.button.h);
            EXPECT_FALSE(r.footer_name.intersects(r.footer_dots));
            EXPECT_FALSE(r.footer_name.intersects(r.footer_clock));
            EXPECT_FALSE(r.footer_dots.intersects(r.footer_clock));
            EXPECT_TRUE(r.footer.contains(r.footer_name));
            EXPECT_TRUE(r.footer.contains(r.footer_clock));
            EXPECT_FALSE(r.footer_dots.intersects(r.text));
            EXPECT_FALSE(r.footer_dots.intersects(r.button));
            EXPECT_GE(r.footer_dots.h, r.footer_px / 2) << "room for the dots";
            EXPECT_GE(r.footer_clock.w, 3 * r.footer_px) << "room for a time such as 10:42";
            if (kind == SlideLayoutKind::ImageOnly) {
                EXPECT_TRUE(empty(r.text));
                EXPECT_EQ(r.image, r.content);
            } else if (kind == SlideLayoutKind::TextOnly) {
                EXPECT_TRUE(empty(r.image));
                EXPECT_EQ(r.text, r.content);
            } else {
                EXPECT_FALSE(empty(r.image));
                EXPECT_GE(r.text.w, 0.5 * r.content.w) << "text keeps at least half the width";
                EXPECT_GE(r.text.h, 0.3 * r.content.h);
            }
        }
    }
}

TEST(SlideLayout, SideImagesFollowTheirName) {
    const ScreenRegions left = compute_regions(1920, 1080, SlideLayoutKind::ImageLeft, true);
    EXPECT_LT(left.image.right(), left.text.x);
    const ScreenRegions right = compute_regions(1920, 1080, SlideLayoutKind::ImageRight, true);
    EXPECT_LT(right.text.right(), right.image.x);
    const ScreenRegions top = compute_regions(1920, 1080, SlideLayoutKind::ImageTop, true);
    EXPECT_LT(top.image.bottom(), top.text.y);
}

TEST(SlideLayout, PortraitPutsSideImagesOnTop) {
    for (const auto kind : {SlideLayoutKind::ImageLeft, SlideLayoutKind::ImageRight}) {
        const ScreenRegions r = compute_regions(1080, 1920, kind, true);
        EXPECT_TRUE(r.portrait);
        EXPECT_LT(r.image.bottom(), r.text.y) << "image above the text";
        EXPECT_EQ(r.image.w, r.content.w);
        EXPECT_EQ(r.text.w, r.content.w);
    }
}

TEST(SlideLayout, PortraitButtonSpansTheWidth) {
    const ScreenRegions r = compute_regions(1080, 1920, SlideLayoutKind::TextOnly, true);
    EXPECT_EQ(r.button.w, r.content.w);
    EXPECT_GE(r.button.h, 192);
}

TEST(SlideLayout, LandscapeButtonIsBottomRight) {
    const ScreenRegions r = compute_regions(1920, 1080, SlideLayoutKind::ImageLeft, true);
    EXPECT_EQ(r.button.right(), r.screen.w - r.margin);
    EXPECT_GT(r.button.x, r.screen.w / 2);
    EXPECT_LT(r.disclaimer.right(), r.button.x);
}

TEST(SlideLayout, MissingImageTurnsIntoTextOnly) {
    for (const auto kind : kKinds) {
        const ScreenRegions r = compute_regions(1920, 1080, kind, false);
        EXPECT_EQ(r.text, r.content);
        EXPECT_TRUE(empty(r.image));
    }
}

TEST(SlideLayout, PreferredSizesAt1080pAreBig) {
    const TextSizes s = preferred_text_sizes(1920, 1080);
    EXPECT_GE(s.title_px, 0.07 * 1080) << "titles ≥ 7 % of the height";
    EXPECT_GE(s.body_px, 0.04 * 1080) << "body ≥ 4 % of the height";
    EXPECT_LT(s.min_body_px, s.body_px);
    const ScreenRegions r = compute_regions(1920, 1080, SlideLayoutKind::TextOnly, true);
    EXPECT_GT(s.min_body_px, r.disclaimer_px) << "body text never shrinks below the fine print";
}

TEST(SlideLayout, SizesScaleWithTheScreen) {
    const TextSizes hd = preferred_text_sizes(1920, 1080);
    const TextSizes uhd = preferred_text_sizes(3840, 2160);
    const TextSizes portrait = preferred_text_sizes(1080, 1920);
    EXPECT_NEAR(uhd.body_px, 2 * hd.body_px, 1);
    EXPECT_NEAR(uhd.title_px, 2 * hd.title_px, 1);
    EXPECT_EQ(portrait.body_px, hd.body_px) << "portrait is sized by its shorter side";
}

TEST(FitImage, KeepsAspectAndCentres) {
    const Rect box{100, 50, 800, 600};
    const Rect wide = fit_image(1600, 400, box);
    EXPECT_EQ(wide.w, 800);
    EXPECT_EQ(wide.h, 200);
    EXPECT_EQ(wide.y, 50 + 200);
    const Rect tall = fit_image(300, 900, box);
    EXPECT_EQ(tall.h, 600);
    EXPECT_EQ(tall.w, 200);
    EXPECT_EQ(tall.x, 100 + 300);
    const Rect small = fit_image(40, 30, box);
    EXPECT_EQ(small.w, 800) << "small images are scaled up to the box";
    EXPECT_EQ(small.h, 600);
    for (const Rect& r : {wide, tall, small}) EXPECT_TRUE(box.contains(r));
}

TEST(FitImage, DegenerateInputGivesAnEmptyRect) {
    const Rect r = fit_image(0, 100, Rect{0, 0, 100, 100});
    EXPECT_EQ(r.w, 0);
    EXPECT_EQ(r.h, 0);
}

}  // namespace
}  // namespace kiosk
