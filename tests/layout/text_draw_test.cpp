// Draws a laid-out slide with the software renderer into a surface (no window, no display) and
// checks the pixels: ink inside the text box, none outside it, and the texture cache is reused.
#include "layout_checks.h"

#include "app/fonts.h"
#include "app/sdl_ptrs.h"
#include "app/text_draw.h"

#include <gtest/gtest.h>

#include <cstring>

namespace kiosk {
namespace {

constexpr Rgb kBackground{0xFA, 0xF7, 0xF2};

struct Canvas {
    sdl::Surface surface;
    sdl::Renderer renderer;
};

Canvas make_canvas(int w, int h) {
    Canvas c;
    c.surface.reset(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (c.surface) c.renderer.reset(SDL_CreateSoftwareRenderer(c.surface.get()));
    if (c.renderer) {
        SDL_SetRenderDrawColor(c.renderer.get(), kBackground.r, kBackground.g, kBackground.b, 255);
        SDL_RenderClear(c.renderer.get());
    }
    return c;
}

std::uint32_t pixel(const SDL_Surface* s, int x, int y) {
    const auto* row = static_cast<const std::uint8_t*>(s->pixels) + static_cast<std::ptrdiff_t>(y) * s->pitch;
    std::uint32_t v = 0;
    std::memcpy(&v, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
    return v;
}

class TextDraw : public ::testing::Test {
protected:
    void SetUp() override {
        std::string error;
        fonts_ = FontSet::open("Noto Sans", &error);
        ASSERT_TRUE(fonts_.has_value()) << error;
    }
    std::optional<FontSet> fonts_;
};

TEST_F(TextDraw, InkStaysInsideTheTextBox) {
    for (const auto& res : {test::Resolution{1280, 720}, test::Resolution{1080, 1920}}) {
        Canvas canvas = make_canvas(res.w, res.h);
        ASSERT_TRUE(canvas.renderer) << SDL_GetError();
        const ScreenRegions r = compute_regions(res.w, res.h, SlideLayoutKind::ImageRight, true);
        const TextLayout layout = layout_text(test::kNormalTitle, test::normal_body(), r.text,
                                              preferred_text_sizes(res.w, res.h), *fonts_);
        TextDrawer drawer(canvas.renderer.get(), *fonts_);
        drawer.draw_runs(layout.runs, RunColours{{0x0B, 0x5E, 0x6B}, {0x1B, 0x26, 0x33}, {0x0B, 0x5E, 0x6B}});
        SDL_RenderPresent(canvas.renderer.get());

        const SDL_Surface* s = canvas.surface.get();
        const std::uint32_t bg = SDL_MapRGB(s->format, kBackground.r, kBackground.g, kBackground.b);
        long inside = 0, outside = 0;
        for (int y = 0; y < s->h; ++y) {
            for (int x = 0; x < s->w; ++x) {
                if (pixel(s, x, y) == bg) continue;
                if (r.text.contains(Rect{x, y, 1, 1})) {
                    ++inside;
                } else {
                    ++outside;
                }
            }
        }
        EXPECT_GT(inside, 1000) << "the text was drawn";
        EXPECT_EQ(outside, 0) << "no ink outside the text box at " << res.w << 'x' << res.h;
    }
}

TEST_F(TextDraw, AStaticSlideReusesItsTextures) {
    Canvas canvas = make_canvas(640, 360);
    ASSERT_TRUE(canvas.renderer);
    const TextLayout layout = layout_text(test::kNormalTitle, test::normal_body(), Rect{20, 20, 600, 320},
                                          TextSizes{28, 16, 10}, *fonts_);
    TextDrawer drawer(canvas.renderer.get(), *fonts_);
    const RunColours colours{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
    drawer.draw_runs(layout.runs, colours);
    const std::size_t after_first = drawer.cached_textures();
    EXPECT_GT(after_first, 0U);
    for (int frame = 0; frame < 5; ++frame) drawer.draw_runs(layout.runs, colours, 0, 0, 128);
    EXPECT_EQ(drawer.cached_textures(), after_first) << "no new textures per frame";
}

TEST_F(TextDraw, CacheIsBounded) {
    Canvas canvas = make_canvas(320, 200);
    ASSERT_TRUE(canvas.renderer);
    TextDrawer drawer(canvas.renderer.get(), *fonts_, 8);
    for (int i = 0; i < 30; ++i) {
        drawer.draw_text("label " + std::to_string(i), FontStyle::Regular, 14, Rgb{0, 0, 0}, Rect{0, 0, 320, 40});
    }
    EXPECT_EQ(drawer.cached_textures(), 8U);
}

TEST_F(TextDraw, DrawTextAligns) {
    Canvas canvas = make_canvas(400, 100);
    ASSERT_TRUE(canvas.renderer);
    TextDrawer drawer(canvas.renderer.get(), *fonts_);
    const Rect box{0, 0, 400, 100};
    const Rect left = drawer.draw_text("12:30", FontStyle::Regular, 30, Rgb{0, 0, 0}, box, HAlign::Left);
    const Rect right = drawer.draw_text("12:30", FontStyle::Regular, 30, Rgb{0, 0, 0}, box, HAlign::Right);
    const Rect centre = drawer.draw_text("12:30", FontStyle::Regular, 30, Rgb{0, 0, 0}, box, HAlign::Centre);
    EXPECT_EQ(left.x, 0);
    EXPECT_EQ(right.right(), 400);
    EXPECT_NEAR(centre.x + centre.w / 2, 200, 1);
    EXPECT_NEAR(left.y + left.h / 2, 50, 1) << "vertically centred";
    EXPECT_EQ(drawer.fit_px("A long label that will not fit", FontStyle::Bold, 40, 100, 8), 8);
    EXPECT_EQ(drawer.fit_px("ok", FontStyle::Bold, 40, 400), 40);
}

}  // namespace
}  // namespace kiosk
