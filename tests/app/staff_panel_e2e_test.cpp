// The staff panel through the real `kiosk run` under Xvfb: the hidden corner hold, the PIN keypad
// (wrong PIN, right PIN), the panel's Next and Close, the desk printer's state on it, a test print
// on the desk printer alone, and Exit pressed twice ending the process.
// Keys are found with the same layout functions the screens use.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/staff_panel_layout.h"
#include "print/escpos_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
constexpr const char* kBackground = "#FAF7F2";  // the theme's background, in the top-left corner

// Slides that stay ten minutes each, so only Next moves them, however slow the machine.
std::string slide(const std::string& title) {
    return "+++\nlayout = \"text-only\"\nduration = 600\n+++\n# " + title + "\n\nStretch gently every morning.\n";
}

// The PIN's hash from `kiosk hash-pin`: the first line of its stdout. run_command mixes in stderr,
// where a note about shell history may come first, so the hash is the first line that is a crypt
// string ("$y$…").
std::string hash_of(const std::string& pin) {
    const CommandResult r = run_command({kiosk_binary().string(), "hash-pin", "--pin", pin});
    EXPECT_EQ(r.exit_code, 0) << r.output;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);)
        if (line.rfind('$', 0) == 0) return line;
    ADD_FAILURE() << "no hash in the output of kiosk hash-pin:\n" << r.output;
    return {};
}

struct StaffStage {
    // The printer behind the counter (no printer in the waiting room): the panel must show it.
    EscposListener desk_printer{ListenerMode::Ok};
    TempDir dir{"kiosk-staff-e2e"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{kW, kH};

    StaffStage() {
        fs::create_directories(slides);
        dir.write("slides/010-alpha.md", slide("Alpha stretches"));
        dir.write("slides/020-bravo.md", slide("Bravo exercises"));
        dir.write("slides/030-charlie.md", slide("Charlie posture"));
        // The state folder too: a wrong PIN is saved there, and must not reach the next test.
        config = dir.write(
            "kiosk.toml",
            "[kiosk]\nstate_dir = \"" + (dir.path() / "state").string() +
                "\"\n"
                "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                "[player]\ntransition_seconds = 0.2\nidle_timeout_seconds = 60\n"
                "min_slide_seconds = 600\nmax_slide_seconds = 600\n"  // with duration 600: only Next moves the loop
                "[printer]\nuri = \"none\"\n"
                "[desk_printer]\nuri = \"tcp://127.0.0.1:" +
                std::to_string(desk_printer.port()) +
                "\"\n"
                "[staff]\npin_hash = \"" +
                hash_of("2468") +
                "\"\n"
                "stats_file = \"" +
                (dir.path() / "usage.log").string() + "\"\n");
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }

    // Finger on the top-left corner for `held`, then lifted.
    void hold_corner(std::chrono::milliseconds held) const {
        ASSERT_EQ(x.xdotool({"mousemove", "20", "20", "mousedown", "1"}).exit_code, 0);
        std::this_thread::sleep_for(held);
        ASSERT_EQ(x.xdotool({"mouseup", "1"}).exit_code, 0);
    }

    // A tap, then wait (up to 5 s) until the screen has answered and settled: changed from before
    // the tap, and the same in two screenshots in a row. The first change alone can be the button's
    // hover colour, drawn before the kiosk has seen the release; the next tap must not move the
    // pointer off this button before then.
    void tap(const kiosk::Rect& r) const {
        const fs::path before = dir.path() / "tap-before.png";
        const fs::path last = dir.path() / "tap-last.png";
        const fs::path now = dir.path() / "tap-now.png";
        ASSERT_TRUE(x.screenshot(before));
        ASSERT_TRUE(x.tap(r.x + r.w / 2, r.y + r.h / 2));
        ASSERT_TRUE(x.screenshot(last));
        EXPECT_TRUE(wait_until(
            [&] {
                if (!x.screenshot(now)) return false;
                const bool settled = differing_pixels(last, now) == 0 && differing_pixels(before, now) > 0;
                fs::rename(now, last);
                return settled;
            },
            5s))
            << "the screen did not answer a tap at " << r.x << "," << r.y;
    }

    // Screenshots until the OCR'd screen holds `text` (up to 8 s); the last screenshot stays in `png`.
    [[nodiscard]] std::string ocr_until(const fs::path& png, const std::string& text) const {
        std::string seen;
        (void)wait_until([&] { return x.screenshot(png) && contains_ignoring_case(seen = ocr(png), text); }, 8s);
        return seen;
    }

    void type_pin(const std::string& pin) const {
        const kiosk::StaffKeypadLayout k = kiosk::staff_keypad_layout(kW, kH);
        for (const char c : pin) {
            const int d = c - '0';
            tap(k.keys[static_cast<size_t>(d == 0 ? 10 : d - 1)].rect);
        }
        tap(k.keys[11].rect);  // OK
    }

    // A screenshot once the top-left corner is (or is no longer) covered by a staff screen.
    [[nodiscard]] bool shot_when(const fs::path& png, bool staff_screen_up) const {
        return wait_until(
            [&] { return x.screenshot(png) && (pixel_colour(png, 2, 2) != kBackground) == staff_screen_up; }, 5s);
    }
};

}  // namespace

TEST(StaffPanelE2E, CornerHoldPinNextCloseAndExitTwice) {
    StaffStage s;
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path dir = shots_dir();
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, dir / "staff-0-start.png", 15s)) << kiosk.log();
    const std::string first_slide = ocr(dir / "staff-0-start.png");
    ASSERT_TRUE(contains_ignoring_case(first_slide, "Alpha")) << "the loop starts with the first slide:\n" << first_slide;

    // A short hold opens nothing: patients leaning on the corner must not find the keypad.
    s.hold_corner(1000ms);
    // Watched for a second after the lift (not slept through): nothing may open in it.
    const auto watch_until = std::chrono::steady_clock::now() + 1s;
    while (std::chrono::steady_clock::now() < watch_until) {
        ASSERT_TRUE(s.x.screenshot(dir / "staff-1-short-hold.png"));
        ASSERT_EQ(pixel_colour(dir / "staff-1-short-hold.png", 2, 2), kBackground) << "a 1 s hold must open nothing";
    }

    // The full hold brings the keypad.
    s.hold_corner(3300ms);
    ASSERT_TRUE(s.shot_when(dir / "staff-2-keypad.png", true)) << "no keypad after a 3.3 s hold\n" << kiosk.log();
    EXPECT_TRUE(contains_ignoring_case(ocr(dir / "staff-2-keypad.png"), "enter the PIN")) << "the keypad says what it wants";

    s.type_pin("1357");
    const std::string wrong = s.ocr_until(dir / "staff-3-wrong-pin.png", "Wrong PIN");
    EXPECT_TRUE(contains_ignoring_case(wrong, "Wrong PIN")) << wrong;
    EXPECT_FALSE(contains_ignoring_case(wrong, "bravo.md")) << "a wrong PIN must not open the panel";

    s.type_pin("2468");
    const std::string panel = s.ocr_until(dir / "staff-4-panel.png", "charlie.md");
    EXPECT_TRUE(contains_ignoring_case(panel, "Today")) << panel;
    EXPECT_TRUE(contains_ignoring_case(panel, "bravo.md")) << panel;
    EXPECT_TRUE(contains_ignoring_case(panel, "charlie.md")) << panel;
    // Both printers, each with its own state: none here, and the desk's answering.
    const std::string desk = s.ocr_until(dir / "staff-4-panel.png", "Desk printer");
    EXPECT_TRUE(contains_ignoring_case(desk, "Desk printer")) << desk;
    EXPECT_TRUE(contains_ignoring_case(desk, "Call-back slips: ready")) << desk;

    const kiosk::StaffPanelLayout p = kiosk::staff_panel_layout(kW, kH);
    // Test print with only the desk printer: the sample slip comes out at the desk, and the panel
    // says which printer it printed on (it used to say "no printer configured").
    s.tap(p.test_print);
    EXPECT_TRUE(wait_until(
        [&] {
            const std::vector<std::uint8_t> got = s.desk_printer.received();
            return std::string(got.begin(), got.end()).find("Test print") != std::string::npos;
        },
        20s))
        << "no test slip reached the desk printer\n"
        << kiosk.log();
    // The words may wrap anywhere: compared with every run of spaces and line breaks as one space.
    const auto one_line = [](std::string t) {
        std::string out;
        for (const char c : t) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (!space || (!out.empty() && out.back() != ' ')) out += space ? ' ' : c;
        }
        return out;
    };
    // Only the printers' box is read: on the whole screen OCR mixes its lines with the slide list's.
    const kiosk::Rect box = p.printer;
    const std::string crop =
        std::to_string(box.w) + "x" + std::to_string(box.h) + "+" + std::to_string(box.x) + "+" + std::to_string(box.y);
    const fs::path tested_png = dir / "staff-4b-test-print.png";
    std::string tested;
    (void)wait_until(
        [&] {
            return s.x.screenshot(tested_png, crop) &&
                   contains_ignoring_case(tested = one_line(ocr(tested_png)), "Desk printer: printed");
        },
        8s);
    EXPECT_TRUE(contains_ignoring_case(tested, "Test print: Desk printer: printed")) << tested;
    EXPECT_FALSE(contains_ignoring_case(tested, "no printer configured")) << tested;
    EXPECT_NE(kiosk.log().find("Desk printer: printed"), std::string::npos) << "the log names it too\n" << kiosk.log();
    s.tap(p.next);  // returns once the screen changed
    ASSERT_TRUE(s.x.screenshot(dir / "staff-5-after-next.png"));
    EXPECT_GT(differing_pixels(dir / "staff-4-panel.png", dir / "staff-5-after-next.png"), 0)
        << "the ON SCREEN marker must move to the next slide";
    s.tap(p.close);
    ASSERT_TRUE(s.shot_when(dir / "staff-6-closed.png", false)) << "Close must return to the slides";
    const std::string behind = s.ocr_until(dir / "staff-6-closed.png", "Bravo");  // after the crossfade
    EXPECT_TRUE(contains_ignoring_case(behind, "Bravo")) << "Next must have moved the loop to the second slide:\n" << behind;

    // Exit: the first press only arms it, the second ends the kiosk cleanly.
    s.hold_corner(3300ms);
    ASSERT_TRUE(s.shot_when(dir / "staff-7-keypad-again.png", true)) << kiosk.log();
    s.type_pin("2468");
    s.tap(p.exit);
    // The second press must come within the 5 s the first one arms Exit for, as a person's would:
    // the armed screen is kept now and read after, since OCR on a busy machine can take seconds.
    fs::copy_file(s.dir.path() / "tap-last.png", dir / "staff-8-exit-armed.png", fs::copy_options::overwrite_existing);
    ASSERT_TRUE(kiosk.running()) << "one press of Exit must not end the kiosk";
    const kiosk::Rect e = p.exit;
    ASSERT_TRUE(s.x.tap(e.x + e.w / 2, e.y + e.h / 2));
    EXPECT_EQ(kiosk.wait(5s), 0) << "Exit pressed twice ends the kiosk with code 0\n" << kiosk.log();
    EXPECT_TRUE(contains_ignoring_case(ocr(dir / "staff-8-exit-armed.png"), "Touch again"))
        << "the armed Exit says what to do";
}
