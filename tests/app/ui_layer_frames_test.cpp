// UiLayer's "one more frame" rule with no display: SDL's software renderer on a surface, pointer
// events fed through PointerInput as the kiosk's loop feeds them. ImGui reports a click while it
// draws the release frame, so whatever the click changes can only show in the frame after it: the
// layer must ask for that frame, or an idle loop sleeps with the old picture on screen.
#include "app/fonts.h"
#include "app/pointer_input.h"
#include "app/sdl_ptrs.h"
#include "app/sdl_session.h"
#include "app/ui_layer.h"
#include "core/slide_layout.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

constexpr int kW = 1280, kH = 720;

SDL_Event mouse_button(Uint32 type, int x, int y) {
    SDL_Event e{};
    e.type = type;
    e.button.which = 0;  // a mouse (or xdotool), not SDL's copy of a touch
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    return e;
}

struct Frame {
    std::optional<PanelIntent> intent;
    bool wants_another = false;
};

// One frame as KioskApp::draw() makes it while the panel is closed: at most one queued press or
// release, then the touch button.
Frame draw_frame(UiLayer& ui, PointerInput& pointer, const Rect& button) {
    PointerEvent p;
    (void)pointer.next(p);
    ui.begin_frame(1.0F / 60.0F, pointer);
    Frame f;
    f.intent = ui.touch_button(button);
    ui.end_frame();
    f.wants_another = ui.wants_another_frame();
    return f;
}

TEST(UiLayerFrames, TheReleaseFrameOfAClickAsksForTheNextFrame) {
    SdlSession sdl(false);
    ASSERT_TRUE(sdl.ok()) << sdl.error();
    const sdl::Surface surface(SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888));
    ASSERT_TRUE(surface) << SDL_GetError();
    const sdl::Renderer renderer(SDL_CreateSoftwareRenderer(surface.get()));
    ASSERT_TRUE(renderer) << SDL_GetError();
    {
        const KioskConfig config;
        std::string error;
        const auto fonts = FontSet::open(config.theme.font_family, &error);
        ASSERT_TRUE(fonts) << error;
        UiLayer ui(renderer.get(), config, *fonts, kW, kH);
        ASSERT_TRUE(ui.ok()) << ui.error();
        const Rect button = compute_regions(kW, kH, SlideLayoutKind::TextOnly, false).button;
        const int x = button.x + button.w / 2, y = button.y + button.h / 2;
        PointerInput pointer;

        // Windows settle, nothing touched: the loop may sleep.
        (void)draw_frame(ui, pointer, button);
        EXPECT_FALSE(draw_frame(ui, pointer, button).wants_another) << "an idle frame must let the loop sleep";

        ASSERT_TRUE(pointer.handle(mouse_button(SDL_MOUSEBUTTONDOWN, x, y), kW, kH));
        ASSERT_TRUE(pointer.handle(mouse_button(SDL_MOUSEBUTTONUP, x, y), kW, kH));
        const Frame press = draw_frame(ui, pointer, button);
        EXPECT_FALSE(press.intent) << "a press alone is not a touch";
        EXPECT_TRUE(press.wants_another || pointer.pending()) << "the release frame must follow the press";

        const Frame release = draw_frame(ui, pointer, button);
        ASSERT_TRUE(release.intent) << "press and release over the button is a touch";
        EXPECT_TRUE(std::holds_alternative<intent::Open>(*release.intent));
        EXPECT_TRUE(release.wants_another)
            << "the click was reported while its frame was drawn: what it changed needs the next frame";

        EXPECT_FALSE(draw_frame(ui, pointer, button).wants_another) << "one more frame, not an endless loop";
    }
}

}  // namespace
}  // namespace kiosk
