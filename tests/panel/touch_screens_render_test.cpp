// Every touch-panel screen rendered with no display at all (support/imgui_headless.h). The PNGs are
// kept under the build dir for people to look at; the number's QR must decode with zbarimg, and a
// mouse press and release over a button must come back as that button's intent.
#include "app/touch_fonts.h"
#include "app/touch_screens.h"
#include "core/touch_panel.h"
#include "core/touch_panel_layout.h"
#include "support/imgui_headless.h"
#include "support/process.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using Draw = std::function<std::optional<PanelIntent>()>;

// The shared headless harness, speaking in panel intents. The mouse rests at (-1, -1) when not
// given: just off the screen.
class Headless : public test::HeadlessImGui {
public:
    Headless(int w, int h) : HeadlessImGui(w, h, KIOSK_PANEL_PNG_DIR) {}

    std::optional<PanelIntent> frame(const Draw& draw, ImVec2 mouse = ImVec2(-1, -1), bool down = false) {
        std::optional<PanelIntent> intent;
        render([&] { intent = draw(); }, mouse, down);
        return intent;
    }
    fs::path shoot(const Draw& draw, const std::string& name) {
        return HeadlessImGui::shoot([&] { (void)draw(); }, name, ImVec2(-1, -1));
    }
    [[nodiscard]] size_t colour_count() const { return distinct_colours(7); }
};

KioskConfig test_config() {
    KioskConfig c;
    c.printer.uri = "tcp://127.0.0.1:9100";
    c.clinic.phone = "+1 555 010 0199";
    return c;
}

PrinterStatus ready() {
    PrinterStatus s;
    s.state = PrinterState::Ready;
    return s;
}

std::string zbar(const fs::path& png) {
    const auto r = test::run_command({"zbarimg", "--nodbus", "--raw", "-q", png.string()});
    std::string out = r.output;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return r.exit_code == 0 ? out : "exit " + std::to_string(r.exit_code) + ": " + out;
}

struct ScreenSize {
    int w, h;
};

class PanelRender : public ::testing::TestWithParam<ScreenSize> {
protected:
    int w = GetParam().w;
    int h = GetParam().h;
    Headless hl{w, h};
    FakeClock clock;
    KioskConfig config = test_config();
    TouchPanel panel{clock, config};

    void SetUp() override {
        ASSERT_TRUE(hl.ok()) << "headless renderer or fonts failed: " << hl.font_error() << " " << SDL_GetError();
        panel.set_printer_status(ready());
        panel.set_topic("Back pain");
    }
    Draw panel_draw() {
        return [this] { return draw_touch_panel(panel.view(), config, hl.fonts(), w, h); };
    }
    fs::path shoot(const std::string& name) {
        const fs::path png = hl.shoot(panel_draw(), name);
        EXPECT_GT(hl.colour_count(), 20U) << name << " looks blank";
        return png;
    }
    void key(char32_t c) { (void)panel.handle(intent::KeyChar{c}); }
};

TEST_P(PanelRender, TouchButtonOnASlide) {
    const Rect where{w / 2, h - h / 5, w / 2 - w / 30, h / 8};
    const auto draw = [&] { return draw_touch_button(where, config.text, config.theme, hl.fonts()); };
    (void)hl.shoot(draw, "button");
    EXPECT_GT(hl.colour_count(), 10U);
    // Press and release over it: the app gets Open.
    const ImVec2 centre(static_cast<float>(where.x + where.w / 2), static_cast<float>(where.y + where.h / 2));
    EXPECT_FALSE(hl.frame(draw, centre, true));
    const auto got = hl.frame(draw, centre, false);
    ASSERT_TRUE(got);
    EXPECT_TRUE(std::holds_alternative<intent::Open>(*got));
}

TEST_P(PanelRender, ChoicesAndClickOnShowTheNumber) {
    (void)panel.handle(intent::Open{});
    (void)shoot("1_choices");
    const Rect show = choice_rects(panel_frame(w, h), 3).at(2);
    const ImVec2 at(static_cast<float>(show.x + show.w / 2), static_cast<float>(show.y + show.h / 2));
    EXPECT_FALSE(hl.frame(panel_draw(), at, true)) << "a press alone is not a touch";
    const auto got = hl.frame(panel_draw(), at, false);
    ASSERT_TRUE(got) << "press and release over \"Show the number\" must be reported";
    EXPECT_TRUE(std::holds_alternative<intent::ChooseShow>(*got));
    // And the click drives the panel through the same path the app uses.
    (void)panel.handle(*got);
    EXPECT_EQ(panel.view().screen, PanelScreen::ShowNumber);
}

TEST_P(PanelRender, ShowNumberQrDialsTheClinic) {
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseShow{});
    const fs::path png = shoot("2_show_number");
    ASSERT_TRUE(test::have_program("zbarimg")) << "zbarimg (zbar-tools) is required, not optional";
    EXPECT_EQ(zbar(png), "tel:+15550100199");
}

// An extension is shown apart from the digits and kept out of what the QR dials (RFC 3966 ;ext=).
TEST_P(PanelRender, ShowNumberWithExtensionKeepsItApartFromTheDigits) {
    config.clinic.phone = "+34 912 345 678 ext. 1234";
    TouchPanel ext_panel{clock, config};
    ext_panel.set_printer_status(ready());
    (void)ext_panel.handle(intent::Open{});
    (void)ext_panel.handle(intent::ChooseShow{});
    EXPECT_EQ(ext_panel.view().phone_display, "+34 912 345 678");
    EXPECT_EQ(ext_panel.view().phone_extension, "Extension 1234");
    const fs::path png =
        hl.shoot([&] { return draw_touch_panel(ext_panel.view(), config, hl.fonts(), w, h); }, "2_show_number_extension");
    ASSERT_TRUE(test::have_program("zbarimg")) << "zbarimg (zbar-tools) is required, not optional";
    EXPECT_EQ(zbar(png), "tel:+34912345678;ext=1234");
    ASSERT_TRUE(test::have_program("tesseract")) << "tesseract (tesseract-ocr) is required, not optional";
    const auto ocr = test::run_command({"tesseract", png.string(), "-", "--psm", "3"});
    EXPECT_NE(ocr.output.find("912 345 678"), std::string::npos) << ocr.output;
    EXPECT_NE(ocr.output.find("Extension 1234"), std::string::npos) << ocr.output;
    EXPECT_EQ(ocr.output.find("6781234"), std::string::npos) << "the extension never runs on from the digits";
}

// A phone number broken in kiosk.toml at first start is hidden: the screen must not say "Call us"
// above "Please ask at the desk." (read back with tesseract, as a patient reads it).
TEST_P(PanelRender, ShowNumberWithTheNumberHiddenNeitherSaysCallUsNorShowsANumber) {
    config.clinic.phone.clear();
    config.clinic.phone_hidden = true;
    TouchPanel hidden{clock, config};
    hidden.set_printer_status(ready());
    (void)hidden.handle(intent::Open{});
    (void)hidden.handle(intent::ChooseShow{});
    ASSERT_EQ(hidden.view().screen, PanelScreen::ShowNumber);
    const fs::path png =
        hl.shoot([&] { return draw_touch_panel(hidden.view(), config, hl.fonts(), w, h); }, "2_show_number_hidden");
    ASSERT_TRUE(test::have_program("tesseract")) << "tesseract (tesseract-ocr) is required, not optional";
    const auto whole = test::run_command({"tesseract", png.string(), "-", "--psm", "3"});
    ASSERT_EQ(whole.exit_code, 0) << whole.output;
    EXPECT_NE(whole.output.find("ask at the desk"), std::string::npos) << whole.output;
    // The title alone (between Back and Close), words joined by single spaces: it may wrap in portrait.
    const Rect t = panel_frame(w, h).title;
    const fs::path title_png = png.parent_path() / ("2_show_number_hidden_title_" + std::to_string(w) + ".png");
    ASSERT_EQ(test::run_command({"convert", png.string(), "-crop",
                                 std::to_string(t.w) + "x" + std::to_string(t.h) + "+" + std::to_string(t.x) + "+" +
                                     std::to_string(t.y),
                                 "+repage", title_png.string()})
                  .exit_code,
              0);
    const auto r = test::run_command({"tesseract", title_png.string(), "-", "--psm", "6"});
    std::string title;
    for (char ch : r.output) {
        const bool space = ch == ' ' || ch == '\n' || ch == '\f';
        if (!space) title += ch;
        else if (!title.empty() && title.back() != ' ') title += ' ';
    }
    while (!title.empty() && title.back() == ' ') title.pop_back();
    EXPECT_EQ(title, config.text.panel_title) << "the title over \"Please ask at the desk.\"";
    EXPECT_EQ(zbar(png).rfind("exit 4", 0), 0U) << "no QR to dial when there is no number";
}

TEST_P(PanelRender, KeypadPhoneWithError) {
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseCallback{});
    for (const char32_t c : std::u32string_view(U"+1555")) key(c);
    (void)panel.handle(intent::Submit{});
    ASSERT_FALSE(panel.view().field_error.empty());
    (void)shoot("3_keypad_phone");
    // Touch the "5" key: its intent comes back.
    const KeypadLayout k = keypad_layout(panel_frame(w, h));
    const auto keys = digit_keys(k.keyboard, w, h);
    const Rect five = keys.at(4).rect;
    const ImVec2 at(static_cast<float>(five.x + five.w / 2), static_cast<float>(five.y + five.h / 2));
    (void)hl.frame(panel_draw(), at, true);
    const auto got = hl.frame(panel_draw(), at, false);
    ASSERT_TRUE(got);
    ASSERT_TRUE(std::holds_alternative<intent::KeyChar>(*got));
    EXPECT_EQ(std::get<intent::KeyChar>(*got).ch, U'5');
    (void)panel.handle(intent::Close{});
}

TEST_P(PanelRender, KeypadName) {
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseCallback{});
    for (const char32_t c : std::u32string_view(U"5550100188")) key(c);
    (void)panel.handle(intent::SwitchField{PanelField::Name});
    for (const char32_t c : std::u32string_view(U"ANNE-MARIE")) key(c);
    EXPECT_EQ(panel.view().name, "Anne-Marie");
    (void)shoot("4_keypad_name");
    (void)panel.handle(intent::Close{});
}

TEST_P(PanelRender, PrintingThenConfirmation) {
    (void)panel.handle(intent::Open{});
    const auto fx = panel.handle(intent::ChoosePrint{});
    ASSERT_EQ(panel.view().screen, PanelScreen::Printing);
    (void)shoot("5_printing");
    std::uint64_t id = 0;
    for (const auto& e : fx)
        if (const auto* s = std::get_if<effect::SubmitSlip>(&e)) id = s->job_id;
    (void)panel.on_job_result(JobResult{id, JobOutcome::Printed, {}});
    const fs::path png = shoot("6_printed");
    EXPECT_EQ(zbar(png), "tel:+15550100199") << "the number comes with the confirmation too";
}

// Pixels of exactly `c`: the arrow that points at the slot is drawn in the theme's accent colour.
std::size_t pixels_of(const std::vector<Uint8>& rgba, const Rgb& c) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) {  // SDL_PIXELFORMAT_RGBA32: R, G, B, A in memory
        if (rgba[i] == c.r && rgba[i + 1] == c.g && rgba[i + 2] == c.b) ++n;
    }
    return n;
}

// A call-back slip printing behind the counter: the screen says it goes to the desk and points at
// no slot, where nothing will come out.
TEST_P(PanelRender, ACallBackToTheDeskPrinterPointsAtNoSlot) {
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChoosePrint{});
    (void)shoot("5_printing");
    const std::size_t arrow = pixels_of(hl.pixels(), config.theme.accent);

    KioskConfig desk = test_config();
    desk.desk_printer.printer.uri = "tcp://127.0.0.1:9101";
    TouchPanel p(clock, desk);
    p.set_printer_status(ready());
    p.set_desk_printer_status(ready());
    (void)p.handle(intent::Open{});
    (void)p.handle(intent::ChooseCallback{});
    ASSERT_EQ(p.view().screen, PanelScreen::Keypad);
    for (const char32_t c : std::u32string_view(U"5550107777")) (void)p.handle(intent::KeyChar{c});
    (void)p.handle(intent::Submit{});
    ASSERT_EQ(p.view().screen, PanelScreen::Printing);
    EXPECT_EQ(p.view().message, desk.text.callback_sending);
    (void)hl.shoot([&] { return draw_touch_panel(p.view(), desk, hl.fonts(), w, h); }, "5_printing_to_desk");
    const std::size_t no_arrow = pixels_of(hl.pixels(), desk.theme.accent);
    EXPECT_GT(arrow, 1000U) << "the take-away slip's screen points at the slot";
    EXPECT_LT(no_arrow * 4, arrow) << "the desk's slip: no arrow to the slot";
}

TEST_P(PanelRender, PaperOutShowsTheNumber) {
    (void)panel.handle(intent::Open{});
    PrinterStatus out;
    out.state = PrinterState::PaperOut;
    out.asked_at = clock.steady();  // asked after the patient opened the panel
    panel.set_printer_status(out);
    (void)panel.handle(intent::ChoosePrint{});
    ASSERT_TRUE(panel.view().message_is_problem);
    const fs::path png = shoot("7_paper_out");
    EXPECT_EQ(zbar(png), "tel:+15550100199") << "every failure ends with a QR that dials the clinic";
}

TEST_P(PanelRender, CheckingThePrinterBeforeTheKeypad) {
    PrinterStatus out;
    out.state = PrinterState::PaperOut;
    out.asked_at = clock.steady();
    panel.set_printer_status(out);
    clock.advance(std::chrono::seconds(5));  // an old answer: the panel asks again before the keypad
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseCallback{});
    ASSERT_EQ(panel.view().screen, PanelScreen::Checking);
    (void)shoot("8_checking_printer");
}

TEST_P(PanelRender, NoPrinterGoesStraightToTheNumber) {
    KioskConfig none = test_config();
    none.printer.uri = "none";
    TouchPanel p(clock, none);
    (void)p.handle(intent::Open{});
    const fs::path png = hl.shoot([&] { return draw_touch_panel(p.view(), none, hl.fonts(), w, h); }, "8_no_printer");
    EXPECT_EQ(zbar(png), "tel:+15550100199");
}

INSTANTIATE_TEST_SUITE_P(Screens, PanelRender, ::testing::Values(ScreenSize{1920, 1080}, ScreenSize{1080, 1920}),
                         [](const ::testing::TestParamInfo<ScreenSize>& p) {
                             return std::to_string(p.param.w) + "x" + std::to_string(p.param.h);
                         });

}  // namespace
}  // namespace kiosk
