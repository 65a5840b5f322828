// The picture probe reads sizes that staff (or a damaged file) write. An SVG's width/height is text:
// "nan", "inf", "1e999" or "-5" must never reach a float-to-int cast (undefined behaviour; found by
// the fuzzer in tests/fuzz, seen by the sanitizer build once float-cast-overflow was named).
#include "core/image_probe.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <string>

namespace kiosk {
namespace {

std::string svg_with(const std::string& width, const std::string& height, const std::string& view_box) {
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
    if (!width.empty()) s += " width=\"" + width + "\"";
    if (!height.empty()) s += " height=\"" + height + "\"";
    if (!view_box.empty()) s += " viewBox=\"" + view_box + "\"";
    return s + "><rect width=\"10\" height=\"10\"/></svg>\n";
}

ImageProbe probe_svg_text(const std::string& text) {
    const test::TempDir dir("kiosk-probe");
    return probe_image(dir.write("pic.svg", text));
}

TEST(ImageProbeSvg, NanWidthAndHeightFallBackToTheViewBox) {
    const ImageProbe p = probe_svg_text(svg_with("nan", "NaN", "0 0 800 600"));
    ASSERT_TRUE(p.image) << "a NaN size is no size: the viewBox must be used, got error: " << p.error;
    EXPECT_EQ(p.image->width, 800);
    EXPECT_EQ(p.image->height, 600);
}

TEST(ImageProbeSvg, InfiniteOutOfRangeAndNegativeSizesFallBackToTheViewBox) {
    for (const std::string bad : {"inf", "-inf", "infinity", "1e999", "-5", "0"}) {
        const ImageProbe p = probe_svg_text(svg_with(bad, bad, "0 0 640 480"));
        ASSERT_TRUE(p.image) << "width=\"" << bad << "\" must fall back to the viewBox, got: " << p.error;
        EXPECT_EQ(p.image->width, 640) << bad;
        EXPECT_EQ(p.image->height, 480) << bad;
    }
}

TEST(ImageProbeSvg, NanEverywhereIsRefusedAsUnreadable) {
    const ImageProbe p = probe_svg_text(svg_with("nan", "nan", "0 0 nan nan"));
    EXPECT_FALSE(p.image);
    EXPECT_NE(p.error.find("size cannot be read"), std::string::npos) << p.error;
}

TEST(ImageProbeSvg, InfiniteViewBoxIsRefusedAsUnreadable) {
    const ImageProbe p = probe_svg_text(svg_with("", "", "0 0 inf 1e999"));
    EXPECT_FALSE(p.image);
    EXPECT_NE(p.error.find("size cannot be read"), std::string::npos) << p.error;
}

TEST(ImageProbeSvg, HugeFiniteSizeIsRefusedAsTooLarge) {
    const ImageProbe p = probe_svg_text(svg_with("1e300", "1e300", ""));
    EXPECT_FALSE(p.image);
    EXPECT_NE(p.error.find("too large"), std::string::npos) << p.error;
}

TEST(ImageProbeSvg, PlainSizeIsRead) {
    const ImageProbe p = probe_svg_text(svg_with("25.4mm", "300", ""));
    ASSERT_TRUE(p.image) << p.error;
    EXPECT_EQ(p.image->width, 96);
    EXPECT_EQ(p.image->height, 300);
}

}  // namespace
}  // namespace kiosk
