// Frames drawn in parts (screen_updates.h) against whole redraws: a real window under Xvfb on the
// software renderer, with the kiosk's slide screen (bundled slides, footer, touch button, patient
// controls and arrows) taken through two crossfades, the clock's minute changing mid-fade, the
// slide dots moving and the button pressed and released mid-fade. After every frame the window's
// pixels equal a whole redraw of the same state on a separate renderer; after each transition the
// X server's copy of the window equals it too (what was presented, rows and all). Fade frames must
// really be drawn in parts, or the test would prove nothing.
#include "app/fonts.h"
#include "app/picture_decoder.h"
#include "app/pointer_input.h"
#include "app/sdl_ptrs.h"
#include "app/sdl_session.h"
#include "app/screen_updates.h"
#include "app/slide_renderer.h"
#include "app/ui_layer.h"
#include "app/x_session.h"
#include "core/deck.h"
#include "core/patient_controls_layout.h"
#include "core/slide_layout.h"

#include <SDL_image.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace kiosk {
namespace {

constexpr int kW = 1280, kH = 720;

std::vector<std::uint32_t> read_back(SDL_Renderer* r) {
    std::vector<std::uint32_t> px(static_cast<std::size_t>(kW) * kH);
    EXPECT_EQ(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, px.data(), kW * 4), 0) << SDL_GetError();
    for (auto& p : px) p |= 0xff000000u;  // the window has no alpha to speak of
    return px;
}

// The X server's picture of the screen, as ARGB.
std::vector<std::uint32_t> x_screen(const test::XSession& x, const std::filesystem::path& png) {
    std::vector<std::uint32_t> px;
    if (!x.screenshot(png)) return px;
    sdl::Surface loaded(IMG_Load(png.c_str()));
    if (!loaded) return px;
    sdl::Surface s(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    if (!s || s->w != kW || s->h != kH) return px;
    px.resize(static_cast<std::size_t>(kW) * kH);
    for (int y = 0; y < kH; ++y) {
        std::memcpy(px.data() + static_cast<std::size_t>(y) * kW,
                    static_cast<const std::uint8_t*>(s->pixels) + static_cast<std::ptrdiff_t>(y) * s->pitch, kW * 4);
    }
    for (auto& p : px) p |= 0xff000000u;
    return px;
}

// Differing pixels, and the first one's place for the message.
struct Diff {
    long count = 0;
    int x = -1, y = -1;
};
Diff compare(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    Diff d;
    if (a.size() != b.size()) return {static_cast<long>(kW) * kH, 0, 0};
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (d.count++ == 0) {
            d.x = static_cast<int>(i % kW);
            d.y = static_cast<int>(i / kW);
        }
    }
    return d;
}

// One screen's drawing parts, as the kiosk holds them.
struct Screen {
    Screen(SDL_Renderer* r, const FontSet& fonts, const KioskConfig& config, const PatientControlsWanted& wanted)
        : painter(r, fonts, config), ui(r, config, fonts, kW, kH) {
        painter.set_patient_controls(wanted);
    }
    SlideRenderer painter;
    UiLayer ui;
    PointerInput pointer;
};

// The slide screen's buttons for one frame, as KioskApp::draw() builds them with the panel closed.
void build_buttons(Screen& s, const PatientControlsLayout& controls) {
    PointerEvent p;
    (void)s.pointer.next(p);
    s.ui.begin_frame(1.0F / 60.0F, s.pointer);
    (void)s.ui.touch_button(compute_regions(kW, kH, SlideLayoutKind::TextOnly, false).button);
    (void)s.ui.patient_controls(controls, PatientControlsView{}, "Español");
    (void)s.ui.browse_controls(controls, "Español", true);
    s.ui.finish_frame();
}

SDL_Event mouse_button(Uint32 type, int x, int y) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    return e;
}

struct Step {
    float fade;     // < 0: the slide `from` static
    int from, to;   // deck indexes
    int minute;
    int position;   // the dots' slide
    Uint32 pointer; // 0, or a mouse button event fed before the frame
    bool transition_done;  // compare what X shows too
};

TEST(FrameParts, FramesDrawnInPartsEqualWholeRedrawsAfterFadesClockAndTouches) {
    test::XSession x(kW, kH);
    ASSERT_TRUE(x.ok()) << x.error();
    setenv("DISPLAY", x.display().c_str(), 1);
    setenv("SDL_VIDEODRIVER", "x11", 1);
    struct Restore {
        ~Restore() {
            unsetenv("SDL_VIDEODRIVER");
            unsetenv("DISPLAY");
        }
    } restore;
    SdlSession sdl(true);
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    const KioskConfig config;
    DeckLoadOptions options;
    options.config = &config;
    options.decode_picture = picture_decoder_for_screen(kW, kH);
    const Deck deck = load_deck(test::bundled_slides(), options);
    ASSERT_GE(deck.slides.size(), 2U);
    std::string error;
    const auto fonts = FontSet::open(config.theme.font_family, &error);
    ASSERT_TRUE(fonts) << error;

    sdl::Window window(SDL_CreateWindow("parts", 0, 0, kW, kH, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS));
    ASSERT_TRUE(window) << SDL_GetError();
    sdl::Renderer renderer(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    ASSERT_TRUE(renderer) << SDL_GetError();
    sdl::Surface ref_surface(SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888));
    sdl::Renderer ref_renderer(SDL_CreateSoftwareRenderer(ref_surface.get()));
    ASSERT_TRUE(ref_renderer) << SDL_GetError();

    PatientControlsWanted wanted;
    wanted.read_aloud = wanted.text_size = wanted.language = wanted.arrows = true;
    const PatientControlsLayout controls =
        patient_controls_layout(compute_regions(kW, kH, SlideLayoutKind::TextOnly, false), wanted);
    Screen live(renderer.get(), *fonts, config, wanted);
    Screen ref(ref_renderer.get(), *fonts, config, wanted);
    ScreenUpdates updates(window.get(), renderer.get());
    ASSERT_TRUE(live.ui.ok() && ref.ui.ok()) << live.ui.error();

    const Rect button = compute_regions(kW, kH, SlideLayoutKind::TextOnly, false).button;
    const int bx = button.x + button.w / 2, by = button.y + button.h / 2;
    const std::vector<Step> steps = {
        {-1, 0, 0, 0, 0, 0, false},  {-1, 0, 0, 0, 0, 0, false},  // the first frame, then one with no change
        {0.1F, 0, 1, 0, 0, 0, false}, {0.3F, 0, 1, 0, 0, 0, false}, {0.5F, 0, 1, 0, 1, 0, false},
        {0.6F, 0, 1, 1, 1, 0, false},  // the clock's minute turns mid-fade
        {0.7F, 0, 1, 1, 1, SDL_MOUSEBUTTONDOWN, false}, {0.8F, 0, 1, 1, 1, 0, false},  // the button held
        {0.9F, 0, 1, 1, 1, SDL_MOUSEBUTTONUP, false}, {1.0F, 0, 1, 1, 1, 0, false},
        {-1, 1, 1, 1, 1, 0, true},  {-1, 1, 1, 1, 1, 0, false},  // the next slide, static
        {0.2F, 1, 0, 1, 1, 0, false}, {0.5F, 1, 0, 2, 0, 0, false}, {0.95F, 1, 0, 2, 0, 0, false},
        {-1, 0, 0, 2, 0, 0, true},
    };
    const auto shots = std::filesystem::path(KIOSK_APP_SHOTS_DIR);
    std::filesystem::create_directories(shots);
    int in_parts_fading = 0;
    int only_where_they_differ = 0;  // fade frames that re-blended under 80 % of the screen
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& st = steps[i];
        PlayerFrame f;
        f.current = deck.slides[static_cast<std::size_t>(st.from)];
        if (st.fade >= 0) f.incoming = deck.slides[static_cast<std::size_t>(st.to)];
        f.fade = std::max(st.fade, 0.0F);
        f.count = static_cast<int>(deck.slides.size());
        f.position = st.position;
        const LocalTime now{2026, 12, 1, 2, 12, st.minute, 0};
        if (st.pointer != 0) {
            for (Screen* s : {&live, &ref}) ASSERT_TRUE(s->pointer.handle(mouse_button(st.pointer, bx, by), kW, kH));
        }
        // Both slides are painted before the fade, as the kiosk prepares them.
        for (const auto& slide : deck.slides) {
            if (slide == f.current || slide == f.incoming) {
                live.painter.prepare(*slide, kW, kH);
                ref.painter.prepare(*slide, kW, kH);
            }
        }

        build_buttons(live, controls);
        const FramePlan plan = updates.plan(live.painter, live.ui, f, now, kW, kH, true);
        live.painter.draw_frame(f, now, kW, kH, plan);
        live.ui.render(plan.full ? nullptr : &plan.drawn);
        updates.present(plan);
        if (!plan.full && st.fade > 0 && st.fade < 1) {
            ++in_parts_fading;
            long drawn = 0;
            for (const Rect& r : plan.slide) drawn += static_cast<long>(r.w) * r.h;
            // Where the two slides are the same (the shared background) nothing is drawn again.
            if (drawn * 10 < static_cast<long>(kW) * kH * 8) ++only_where_they_differ;
        }

        build_buttons(ref, controls);
        ref.painter.draw_frame(f, now, kW, kH);
        ref.ui.render();

        const auto want = read_back(ref_renderer.get());
        const Diff d = compare(read_back(renderer.get()), want);
        EXPECT_EQ(d.count, 0) << "step " << i << " (" << (plan.full ? "whole" : "in parts") << ", fade " << st.fade
                              << "): pixels differ from a whole redraw, first at " << d.x << "," << d.y;
        if (st.transition_done) {
            const auto png = shots / ("frame-parts-" + std::to_string(i) + ".png");
            const Diff shown = compare(x_screen(x, png), want);
            EXPECT_EQ(shown.count, 0) << "step " << i << ": the X server shows stale pixels, first at " << shown.x
                                      << "," << shown.y << " (" << png << ")";
        }
    }
    EXPECT_GE(in_parts_fading, 6) << "fade frames were drawn whole: the test checked nothing";
    EXPECT_GE(only_where_they_differ, 4) << "fade frames re-blended the whole slide area, not only where the slides differ";
    EXPECT_GT(updates.full_frames(), 2U) << "the first frame and the touches redraw everything";
}

}  // namespace
}  // namespace kiosk
