// The crossfade's pixel arithmetic against a reference blend computed in floating point.
#include "core/frame_blend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace kiosk {
namespace {

std::vector<std::uint32_t> random_frame(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint32_t> v(n);
    for (auto& p : v) p = rng() | 0xff000000u;  // opaque, as slides are
    return v;
}

int channel(std::uint32_t p, int c) {
    return static_cast<int>((p >> (8 * c)) & 0xff);
}

TEST(FrameBlend, MidpointMatchesAReferenceBlendWithinOneLevelPerChannel) {
    // 1003 pixels: not a multiple of the vector width, so the scalar tail is covered too.
    const auto a = random_frame(1003, 1), b = random_frame(1003, 2);
    std::vector<std::uint32_t> out(a.size());
    for (float t : {0.25f, 0.5f, 0.8f}) {
        blend_pixels(a.data(), b.data(), out.data(), a.size(), blend_weight(t));
        for (std::size_t i = 0; i < a.size(); ++i) {
            for (int c = 0; c < 4; ++c) {
                const double ref = channel(a[i], c) + (channel(b[i], c) - channel(a[i], c)) * static_cast<double>(t);
                ASSERT_LE(std::abs(channel(out[i], c) - ref), 1.0) << "pixel " << i << " channel " << c << " t=" << t;
            }
        }
    }
}

TEST(FrameBlend, EndsAreExactlyTheTwoFramesAndAlphaStaysOpaque) {
    const auto a = random_frame(257, 3), b = random_frame(257, 4);
    std::vector<std::uint32_t> out(a.size());
    blend_pixels(a.data(), b.data(), out.data(), a.size(), blend_weight(0.0f));
    EXPECT_EQ(out, a);
    blend_pixels(a.data(), b.data(), out.data(), a.size(), blend_weight(1.0f));
    EXPECT_EQ(out, b);
    blend_pixels(a.data(), b.data(), out.data(), a.size(), blend_weight(0.37f));
    for (auto p : out) ASSERT_EQ(p >> 24, 0xffu);
}

TEST(FrameBlend, VectorAndScalarPathsAgreeBitForBitAndInPlaceWorks) {
    const auto a = random_frame(4099, 5), b = random_frame(4099, 6);
    std::vector<std::uint32_t> fast(a.size()), slow(a.size());
    for (int w = 1; w < 256; w += 17) {
        blend_pixels(a.data(), b.data(), fast.data(), a.size(), w);
        blend_pixels_scalar(a.data(), b.data(), slow.data(), a.size(), w);
        ASSERT_EQ(fast, slow) << "weight " << w;
        auto in_place = a;
        blend_pixels(in_place.data(), b.data(), in_place.data(), a.size(), w);
        ASSERT_EQ(in_place, slow) << "weight " << w;
    }
}

TEST(FrameBlend, WeightGivesManyDistinctStepsAndSurvivesNonsense) {
    // A 0.8 s fade at 60 fps is 48 frames: each must be a distinct step of the blend.
    int last = -1, distinct = 0;
    for (int f = 0; f <= 48; ++f) {
        const int w = blend_weight(static_cast<float>(f) / 48.0f);
        if (w != last) ++distinct;
        last = w;
    }
    EXPECT_EQ(distinct, 49);
    EXPECT_EQ(blend_weight(std::nanf("")), 0);
    EXPECT_EQ(blend_weight(-3.0f), 0);
    EXPECT_EQ(blend_weight(7.0f), 256);
}

}  // namespace
}  // namespace kiosk
