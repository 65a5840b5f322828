// The crossfade as drawn by SlideRenderer, against references: the software path's midpoint is
// the reference blend of the two static frames (per-channel tolerance), its end and the static
// frame after it hold no stale pixel, and OpenGL (Mesa's llvmpipe in a real Xvfb window) draws
// the same pictures as the software renderer within a tolerance.
#include "app/picture_decoder.h"
#include "app/renderer_choice.h"
#include "app/sdl_session.h"
#include "app/slide_renderer.h"
#include "app/x_session.h"
#include "core/deck.h"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace kiosk {
namespace {

constexpr int kW = 1280, kH = 720;

std::shared_ptr<const Deck> bundled_deck(const KioskConfig& config) {
    DeckLoadOptions options;
    options.config = &config;
    options.decode_picture = picture_decoder_for_screen(kW, kH);
    return std::make_shared<Deck>(load_deck(test::bundled_slides(), options));
}

// Frames with the same footer (position, count), so only the slides differ between them.
PlayerFrame frame_of(const std::shared_ptr<const Slide>& a, const std::shared_ptr<const Slide>& b, float fade) {
    PlayerFrame f;
    f.current = a;
    f.incoming = b;
    f.fade = fade;
    f.count = 2;
    return f;
}

std::vector<std::uint32_t> read_back(SDL_Renderer* r) {
    std::vector<std::uint32_t> px(static_cast<std::size_t>(kW) * kH);
    EXPECT_EQ(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, px.data(), kW * 4), 0) << SDL_GetError();
    return px;
}

int ch(std::uint32_t p, int c) {
    return static_cast<int>((p >> (8 * c)) & 0xff);
}

struct Soft {
    sdl::Surface surface{SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888)};
    sdl::Renderer renderer{SDL_CreateSoftwareRenderer(surface.get())};
};

const LocalTime kNoon{2026, 12, 1, 2, 12, 0, 0};

TEST(CrossfadeRender, SoftwareMidpointIsTheReferenceBlendAndTheEndLeavesNoStalePixel) {
    SdlSession sdl(false);
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    const KioskConfig config;
    const auto deck = bundled_deck(config);
    ASSERT_GE(deck->slides.size(), 2U);
    std::string error;
    auto fonts = FontSet::open(config.theme.font_family, &error);
    ASSERT_TRUE(fonts) << error;
    const auto a = deck->slides[0], b = deck->slides[1];

    // References, each from a fresh painter: slide A alone, slide B alone.
    std::vector<std::uint32_t> ref_a, ref_b;
    {
        Soft s;
        SlideRenderer p(s.renderer.get(), *fonts, config);
        p.draw_frame(frame_of(a, nullptr, 0), kNoon, kW, kH);
        ref_a = read_back(s.renderer.get());
    }
    {
        Soft s;
        SlideRenderer p(s.renderer.get(), *fonts, config);
        p.draw_frame(frame_of(b, nullptr, 0), kNoon, kW, kH);
        ref_b = read_back(s.renderer.get());
    }
    long differ = 0;
    for (std::size_t i = 0; i < ref_a.size(); ++i) differ += ref_a[i] != ref_b[i];
    ASSERT_GT(differ, kW * kH / 20) << "the two slides must look different for this test to mean anything";

    Soft s;
    SlideRenderer p(s.renderer.get(), *fonts, config);
    ASSERT_TRUE(p.cpu_frames());
    p.draw_frame(frame_of(a, nullptr, 0), kNoon, kW, kH);
    p.prepare(*b, kW, kH);
    ASSERT_TRUE(p.prepared(*b, kW, kH));
    // Eased midpoint: smoothstep(0.5) = 0.5.
    p.draw_frame(frame_of(a, b, 0.5f), kNoon, kW, kH);
    const auto mid = read_back(s.renderer.get());
    int worst = 0;
    for (std::size_t i = 0; i < mid.size(); ++i) {
        for (int c = 0; c < 3; ++c) {
            const double ref = (ch(ref_a[i], c) + ch(ref_b[i], c)) / 2.0;
            worst = std::max(worst, static_cast<int>(std::lround(std::abs(ch(mid[i], c) - ref) + 0.49)));
        }
    }
    EXPECT_LE(worst, 1) << "the fade's midpoint is not the blend of the two slides";
    EXPECT_EQ(p.late_paints(), 0U) << "the incoming slide was painted on a fade frame";

    // A fade to its end, then the next slide static: the screen is exactly slide B.
    for (float t : {0.7f, 0.95f, 1.0f}) p.draw_frame(frame_of(a, b, t), kNoon, kW, kH);
    p.draw_frame(frame_of(b, nullptr, 0), kNoon, kW, kH);
    const auto after = read_back(s.renderer.get());
    long stale = 0;
    for (std::size_t i = 0; i < after.size(); ++i) stale += after[i] != ref_b[i];
    EXPECT_EQ(stale, 0) << "pixels left over from the transition";
}

TEST(CrossfadeRender, OpenGlThroughLlvmpipeDrawsTheSamePicturesAsSoftware) {
    test::XSession x(kW, kH);
    ASSERT_TRUE(x.ok()) << x.error();
    const std::string display = x.display();
    setenv("DISPLAY", display.c_str(), 1);
    setenv("SDL_VIDEODRIVER", "x11", 1);
    setenv("SDL_RENDER_DRIVER", "opengl", 1);
    struct Restore {
        ~Restore() {
            unsetenv("SDL_RENDER_DRIVER");
            unsetenv("SDL_VIDEODRIVER");
            unsetenv("DISPLAY");
        }
    } restore;
    // Mesa unloads its driver at exit, after which LeakSanitizer cannot name the module its own
    // leaks come from, so tests/lsan.supp cannot apply: keep the driver loaded (ASan runs).
    for (const char* lib : {"libGLX_mesa.so.0", "libgallium_dri.so", "swrast_dri.so"}) {
        for (const char* dir : {"", "/usr/lib/x86_64-linux-gnu/dri/", "/usr/lib/aarch64-linux-gnu/dri/"}) {
            if (dlopen((std::string(dir) + lib).c_str(), RTLD_NOW | RTLD_NODELETE)) break;
        }
    }
    SdlSession sdl(true);
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    const KioskConfig config;
    const auto deck = bundled_deck(config);
    std::string error;
    auto fonts = FontSet::open(config.theme.font_family, &error);
    ASSERT_TRUE(fonts) << error;
    sdl::Window window(SDL_CreateWindow("parity", 0, 0, kW, kH, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS));
    ASSERT_TRUE(window) << SDL_GetError();
    RendererChoice gl = create_kiosk_renderer(window.get());
    ASSERT_TRUE(gl.renderer) << gl.log_line;
    // The forced driver is used, checked by reading back its test frame, and said in one line.
    EXPECT_NE(gl.log_line.find("renderer opengl"), std::string::npos) << gl.log_line;
    EXPECT_NE(gl.log_line.find("forced by SDL_RENDER_DRIVER"), std::string::npos) << gl.log_line;
    EXPECT_NE(gl.log_line.find("reads back right"), std::string::npos) << gl.log_line;
    EXPECT_TRUE(is_cpu_rasteriser(gl_renderer_name())) << "expected Mesa's llvmpipe here: " << gl.log_line;

    Soft soft;
    SlideRenderer on_gl(gl.renderer.get(), *fonts, config);
    SlideRenderer on_soft(soft.renderer.get(), *fonts, config);
    EXPECT_FALSE(on_gl.cpu_frames());
    for (float fade : {0.0f, 0.5f}) {
        const PlayerFrame f = frame_of(deck->slides[0], fade > 0 ? deck->slides[1] : nullptr, fade);
        on_gl.draw_frame(f, kNoon, kW, kH);
        const auto g = read_back(gl.renderer.get());
        SDL_RenderPresent(gl.renderer.get());
        on_soft.draw_frame(f, kNoon, kW, kH);
        const auto s = read_back(soft.renderer.get());
        // Text edges and the fade's rounding differ by a few levels; a wrong picture by far more.
        long off = 0;
        double sum = 0;
        for (std::size_t i = 0; i < g.size(); ++i) {
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(ch(g[i], c) - ch(s[i], c)));
            sum += d;
            off += d > 24;
        }
        EXPECT_LT(sum / static_cast<double>(g.size()), 1.5) << "fade " << fade;
        EXPECT_LT(off, static_cast<long>(g.size()) / 100)
            << "fade " << fade << ": pixels far from the software picture";
    }
}

}  // namespace
}  // namespace kiosk
