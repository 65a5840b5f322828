// The staff keypad and panel rendered with no display at all (support/imgui_headless.h). The PNGs
// are kept under the build dir for people to look at; a press and release over a key or button
// must come back as that StaffTouch.
#include "app/staff_screens.h"
#include "app/touch_fonts.h"
#include "core/staff_panel_layout.h"
#include "support/imgui_headless.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cfloat>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using Draw = std::function<void(StaffPanelModel&)>;

// The shared headless harness, speaking in StaffTouches. The mouse rests nowhere (-FLT_MAX) when not given.
class Headless : public test::HeadlessImGui {
public:
    Headless(int w, int h) : HeadlessImGui(w, h, KIOSK_STAFFUI_PNG_DIR) {}

    // One frame over a stand-in slide; returns what the screen reported as touched.
    std::vector<StaffTouch> frame(const Draw& draw, StaffPanelModel& model, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX),
                                  bool down = false) {
        render(
            [&] {
                model.touches.clear();
                draw(model);
            },
            mouse, down);
        return model.touches;
    }

    // A finger on `at`: down in one frame, up in the next (ImGui's click); the touches of the release frame.
    std::vector<StaffTouch> click(const Draw& draw, StaffPanelModel& model, const Rect& at) {
        const ImVec2 p(static_cast<float>(at.x + at.w / 2), static_cast<float>(at.y + at.h / 2));
        (void)frame(draw, model, p, false);
        auto pressed = frame(draw, model, p, true);
        EXPECT_TRUE(pressed.empty()) << "a press alone must not count as a touch";
        return frame(draw, model, p, false);
    }

    fs::path shoot(const Draw& draw, StaffPanelModel& model, const std::string& name) {
        return HeadlessImGui::shoot(
            [&] {
                model.touches.clear();
                draw(model);
            },
            name, ImVec2(-FLT_MAX, -FLT_MAX));
    }

    [[nodiscard]] size_t colour_count() const { return distinct_colours(5); }
};

// A deck as the loader would make it: one good slide, one with a warning, one rejected, and enough
// more that the list must scroll in portrait.
std::shared_ptr<Deck> sample_deck() {
    auto deck = std::make_shared<Deck>();
    auto add = [&](const std::string& name, SlideFileState state, int seconds, Diagnostics d = {}) {
        if (state != SlideFileState::Rejected) {
            auto s = std::make_shared<Slide>();
            s->file_name = name;
            s->duration = std::chrono::milliseconds(seconds * 1000);
            deck->slides.push_back(s);
        }
        deck->files.push_back({name, state, std::move(d)});
    };
    add("010-welcome.md", SlideFileState::Ok, 12);
    add("020-massage.md", SlideFileState::Warnings, 18,
        {{"slides/020-massage.md", 4, Severity::Warning, "the picture massage.jpg is 640×480, smaller than the screen",
          "use a picture at least 1920 pixels wide so it is not blurry"}});
    add("030-opening-hours.md", SlideFileState::Rejected, 0,
        {{"slides/030-opening-hours.md", 2, Severity::Error, "the settings block opened with +++ is never closed",
          "add a line with just +++ after the settings"}});
    for (int i = 4; i <= 12; ++i) add("0" + std::to_string(i * 10) + "-exercise-tip-" + std::to_string(i) + ".md", SlideFileState::Ok, 10 + i);
    return deck;
}

StaffPanelModel sample_model(const Deck& deck) {
    StaffPanelModel m;
    m.deck = &deck;
    m.current_slide = "020-massage.md";
    m.printer_configured = true;
    m.printer.state = PrinterState::PaperLow;
    m.printer.detail = "the printer reports its paper roll is nearly empty";
    m.folder_status = "/srv/kiosk/slides: watching for changes";
    m.last_test_print = "printed";
    m.today.counts[static_cast<size_t>(UsageEvent::SlideShown)] = 214;
    m.today.counts[static_cast<size_t>(UsageEvent::SlipPrinted)] = 7;
    m.today.counts[static_cast<size_t>(UsageEvent::NumberShown)] = 3;
    m.today.counts[static_cast<size_t>(UsageEvent::CallbackPrinted)] = 2;
    m.today.counts[static_cast<size_t>(UsageEvent::ButtonOpened)] = 15;
    return m;
}

class StaffScreens : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(StaffScreens, KeypadRendersInEveryStateAndADigitTouchComesBack) {
    Headless hl(GetParam().first, GetParam().second);
    ASSERT_TRUE(hl.ok()) << hl.font_error();
    const ThemeConfig theme;
    StaffPanelModel model;
    StaffView view;
    view.state = StaffState::PinEntry;
    const Draw draw = [&](StaffPanelModel& m) { draw_pin_keypad(view, m, theme, hl.fonts(), hl.w(), hl.h()); };

    EXPECT_GT(hl.colour_count(), 0U);
    (void)hl.shoot(draw, model, "keypad_empty");
    EXPECT_GT(hl.colour_count(), 20U) << "the keypad frame is blank";

    view.pin_length = 3;
    view.message = PinMessage::WrongPin;
    view.remaining_attempts = 2;
    (void)hl.shoot(draw, model, "keypad_wrong_pin");
    EXPECT_GT(hl.colour_count(), 20U);

    view.pin_length = 0;
    view.message = PinMessage::LockedOut;
    view.seconds_until_unlock = 287;
    (void)hl.shoot(draw, model, "keypad_locked");
    EXPECT_GT(hl.colour_count(), 20U);

    view.message = PinMessage::NotSetUp;
    (void)hl.shoot(draw, model, "keypad_not_set_up");
    EXPECT_GT(hl.colour_count(), 20U);

    view.message = PinMessage::None;
    const StaffKeypadLayout k = staff_keypad_layout(hl.w(), hl.h());
    auto touches = hl.click(draw, model, k.keys[6].rect);  // "7"
    ASSERT_EQ(touches.size(), 1U) << "one click, one touch";
    EXPECT_EQ(touches[0].kind, StaffTouch::Kind::Digit);
    EXPECT_EQ(touches[0].digit, 7);
    touches = hl.click(draw, model, k.keys[10].rect);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].digit, 0) << "the key under 8 is 0";
    touches = hl.click(draw, model, k.keys[11].rect);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].kind, StaffTouch::Kind::Ok);
    touches = hl.click(draw, model, k.cancel);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].kind, StaffTouch::Kind::Cancel);
    touches = hl.click(draw, model, k.title);
    EXPECT_TRUE(touches.empty()) << "the title is not a key";
}

TEST_P(StaffScreens, PanelRendersTheDeckPrinterAndCountersAndNextComesBack) {
    Headless hl(GetParam().first, GetParam().second);
    ASSERT_TRUE(hl.ok()) << hl.font_error();
    const ThemeConfig theme;
    const auto deck = sample_deck();
    StaffPanelModel model = sample_model(*deck);
    StaffView view;
    view.state = StaffState::Open;
    const Draw draw = [&](StaffPanelModel& m) { draw_staff_panel(view, m, theme, hl.fonts(), hl.w(), hl.h()); };

    (void)hl.shoot(draw, model, "panel_open");
    EXPECT_GT(hl.colour_count(), 50U) << "the panel frame is blank";
    // With a desk printer too: both states, each under its own heading (to look at).
    StaffPanelModel both = model;
    both.desk_printer_configured = true;
    both.desk_printer.state = PrinterState::PaperOut;
    both.desk_printer.detail = "out of paper (192.168.1.50:9100)";
    (void)hl.shoot(draw, both, "panel_desk_printer");

    const StaffPanelLayout p = staff_panel_layout(hl.w(), hl.h());
    auto touches = hl.click(draw, model, p.next);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].kind, StaffTouch::Kind::Command);
    EXPECT_EQ(touches[0].command, StaffCommand::Next);
    touches = hl.click(draw, model, p.pause);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].command, StaffCommand::Pause);
    touches = hl.click(draw, model, p.test_print);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].command, StaffCommand::TestPrint);
    touches = hl.click(draw, model, p.slides);
    EXPECT_TRUE(touches.empty()) << "touching the slide list does nothing but scroll";

    // Only a desk printer: Test print is there (it prints at the desk), and the last failed slip and
    // the test's answer name their printer (to look at: panel_desk_only).
    StaffPanelModel desk_only = model;
    desk_only.printer_configured = false;
    desk_only.desk_printer_configured = true;
    desk_only.desk_printer.state = PrinterState::PaperOut;
    desk_only.desk_printer.detail = "out of paper (192.168.1.50:9100)";
    desk_only.last_test_print = "Desk printer: out of paper";
    desk_only.last_print_problem = "Desk printer: out of paper";
    (void)hl.shoot(draw, desk_only, "panel_desk_only");
    touches = hl.click(draw, desk_only, p.test_print);
    ASSERT_EQ(touches.size(), 1U) << "a desk printer alone can be tested";
    EXPECT_EQ(touches[0].command, StaffCommand::TestPrint);
    // Both printers, both tested (to look at: panel_both_tested).
    StaffPanelModel both_tested = both;
    both_tested.last_test_print = "Waiting-room printer: printed\nDesk printer: out of paper";
    both_tested.last_print_problem = "Desk printer: out of paper";
    (void)hl.shoot(draw, both_tested, "panel_both_tested");

    // Paused, Exit armed, no printer: the other faces of the same panel.
    model.paused = true;
    model.printer_configured = false;
    model.last_test_print.clear();
    view.exit_armed = true;
    (void)hl.shoot(draw, model, "panel_paused_exit_armed");
    touches = hl.click(draw, model, p.pause);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].command, StaffCommand::Resume);
    touches = hl.click(draw, model, p.test_print);
    EXPECT_TRUE(touches.empty()) << "no Test print without a printer";
    touches = hl.click(draw, model, p.exit);
    ASSERT_EQ(touches.size(), 1U);
    EXPECT_EQ(touches[0].command, StaffCommand::ExitKiosk);
}

TEST(StaffScreensScroll, DraggingTheListScrollsIt) {
    Headless hl(1080, 1920);
    ASSERT_TRUE(hl.ok()) << hl.font_error();
    const ThemeConfig theme;
    const auto deck = sample_deck();
    StaffPanelModel model = sample_model(*deck);
    StaffView view;
    view.state = StaffState::Open;
    const Draw draw = [&](StaffPanelModel& m) { draw_staff_panel(view, m, theme, hl.fonts(), hl.w(), hl.h()); };
    const StaffPanelLayout p = staff_panel_layout(hl.w(), hl.h());
    (void)hl.shoot(draw, model, "panel_scroll_before");
    const std::vector<Uint8> before_pixels = hl.pixels();
    const float x = static_cast<float>(p.slides.x + p.slides.w / 3);
    float y = static_cast<float>(p.slides.bottom() - 20);
    (void)hl.frame(draw, model, ImVec2(x, y), true);
    for (int i = 0; i < 12; ++i) {
        y -= 30;
        EXPECT_TRUE(hl.frame(draw, model, ImVec2(x, y), true).empty());
    }
    EXPECT_TRUE(hl.frame(draw, model, ImVec2(x, y), false).empty()) << "a drag is not a touch";
    (void)hl.shoot(draw, model, "panel_scroll_after");
    EXPECT_NE(before_pixels, hl.pixels()) << "dragging up over the slide list must scroll it";
}

INSTANTIATE_TEST_SUITE_P(Sizes, StaffScreens,
                         ::testing::Values(std::make_pair(1920, 1080), std::make_pair(1080, 1920)),
                         [](const ::testing::TestParamInfo<std::pair<int, int>>& p) {
                             return std::to_string(p.param.first) + "x" + std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace kiosk
