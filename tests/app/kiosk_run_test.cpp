// The real `kiosk run` under a private Xvfb: what a patient sees and touches, what the printer gets,
// what staff edits do on screen. Each test owns its X server, kiosk process and temp folder.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "core/touch_panel_layout.h"
#include "print/escpos_listener.h"
#include "print/escpos_parser.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
constexpr const char* kPhone = "+1 555 010 0142";
constexpr const char* kTelPayload = "tel:+15550100142";

// Screenshots are kept after the run, for a person to look at when a test fails.
std::string only_digits(const std::string& s) {
    std::string out;
    std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return c >= '0' && c <= '9'; });
    return out;
}

std::string text_slide(const std::string& title) {
    return "+++\nlayout = \"text-only\"\nduration = 2\n+++\n# " + title + "\n\nOur team is here to help you move again.\n";
}

// Everything one kiosk run needs: a temp folder with a config and a slides folder, and an X server.
struct Stage {
    TempDir dir{"kiosk-e2e"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{kW, kH};

    explicit Stage(const std::string& printer_uri = "none") {
        fs::create_directories(slides);
        config = dir.write("kiosk.toml", state_dir_toml(dir.path()) + "[clinic]\n"
                                         "name = \"Test Clinic\"\n"
                                         "phone = \"" + std::string(kPhone) + "\"\n"
                                         "hours = \"Mon-Fri 8:00-18:00\"\n"
                                         "[player]\n"
                                         "transition_seconds = 0.3\n"
                                         "idle_timeout_seconds = 60\n"
                                         "min_slide_seconds = 2\n"
                                         "max_slide_seconds = 3\n"
                                         "[printer]\n"
                                         "uri = \"" + printer_uri + "\"\n"
                                         "job_deadline_seconds = 10\n"
                                         "min_seconds_between_slips = 0\n"
                                         "max_slips_per_hour = 100\n"
                                         "[staff]\n"
                                         "stats_file = \"" + (dir.path() / "usage.log").string() + "\"\n");
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
};

// Centre of the always-visible touch button on a text-only slide.
std::pair<int, int> touch_button_centre() {
    const kiosk::Rect b = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    return {b.x + b.w / 2, b.y + b.h / 2};
}

std::string crop_of(const kiosk::Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

// Every tool present and Xvfb up, else the test fails here naming what is missing.
// Opens the panel by tapping the touch button; true once the slide behind it is dimmed.
// With a printer the panel offers Print our number, Ask us to call you, Show the number: print
// is the first of the three.
bool tap_print_choice(const Stage& s) {
    const kiosk::Rect print = kiosk::choice_rects(kiosk::panel_frame(kW, kH), 3).at(0);
    std::this_thread::sleep_for(300ms);
    return s.x.tap(print.x + print.w / 2, print.y + print.h / 2);
}

bool open_panel(const Stage& s, const fs::path& scratch) {
    const auto [bx, by] = touch_button_centre();
    if (!s.x.tap(bx, by)) return false;
    return wait_until(
        [&] { return s.x.screenshot(scratch) && pixel_colour(scratch, 2, 2) != "#FAF7F2"; }, 5s);
}

std::optional<unsigned long> window_of(const XSession& x, int pid) {
    const CommandResult r = x.xdotool({"search", "--pid", std::to_string(pid)});
    std::istringstream in(r.output);
    unsigned long wid = 0, last = 0;
    while (in >> wid) last = wid;  // the last match is the top-level window SDL made
    if (last == 0) return std::nullopt;
    return last;
}

}  // namespace

TEST(KioskRunE2E, FullscreenAndTheSlidesAdvance) {
    Stage s;
    REQUIRE_SCREEN(s);
    fs::copy(bundled_slides(), s.slides, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot1 = shots_dir() / "advance-1.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot1, 15s)) << "the kiosk never filled the screen\n" << kiosk.log();

    // The window is the whole screen: at 0,0 and 1920×1080, and the corners show the kiosk, not X's black.
    const auto wid = window_of(s.x, kiosk.pid());
    ASSERT_TRUE(wid.has_value()) << "no X window belongs to the kiosk's PID";
    const std::string geometry = s.x.xdotool({"getwindowgeometry", "--shell", std::to_string(*wid)}).output;
    EXPECT_NE(geometry.find("WIDTH=1920"), std::string::npos) << geometry;
    EXPECT_NE(geometry.find("HEIGHT=1080"), std::string::npos) << geometry;
    EXPECT_NE(geometry.find("X=0\n"), std::string::npos) << geometry;
    EXPECT_NE(geometry.find("Y=0\n"), std::string::npos) << geometry;
    EXPECT_EQ(pixel_colour(shot1, 2, 2), "#FAF7F2");
    EXPECT_EQ(pixel_colour(shot1, kW - 3, 2), "#FAF7F2");
    EXPECT_NE(pixel_colour(shot1, 2, kH - 3), "#000000") << "black at the bottom-left: the window is not fullscreen";
    EXPECT_NE(pixel_colour(shot1, kW - 3, kH - 3), "#000000");

    // Slides last 2–3 s: 3.5 s later another slide is up, and 3.5 s after that another again.
    // "Substantially" = more than 2 % of the screen, far more than the footer clock changing.
    constexpr long kSubstantial = kW * kH / 50;
    const fs::path shot2 = shots_dir() / "advance-2.png";
    const fs::path shot3 = shots_dir() / "advance-3.png";
    std::this_thread::sleep_for(3500ms);
    ASSERT_TRUE(s.x.screenshot(shot2));
    std::this_thread::sleep_for(3500ms);
    ASSERT_TRUE(s.x.screenshot(shot3));
    EXPECT_GT(differing_pixels(shot1, shot2), kSubstantial) << "the first slide did not advance";
    EXPECT_GT(differing_pixels(shot2, shot3), kSubstantial) << "the second slide did not advance";
    EXPECT_TRUE(kiosk.running()) << kiosk.log();
}

TEST(KioskRunE2E, TouchShowsTheNumberAsAQrThatDials) {
    Stage s("none");
    REQUIRE_SCREEN(s);
    s.dir.write("slides/010-welcome.md", text_slide("Welcome"));
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "show-number.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    ASSERT_TRUE(open_panel(s, shot)) << "tapping the touch button did not open the panel\n" << kiosk.log();

    // With no printer, the panel goes straight to the number; the QR on screen dials the clinic.
    std::string qr;
    wait_until([&] { return s.x.screenshot(shot) && !(qr = decode_qr(shot)).empty(); }, 5s);
    EXPECT_NE(qr.find(kTelPayload), std::string::npos) << "zbarimg read: '" << qr << "' from " << shot;
    EXPECT_NE(only_digits(ocr(shot)).find("5550100142"), std::string::npos)
        << "the number is not readable on screen (" << shot << ")";
}

TEST(KioskRunE2E, PrintOurNumberSendsASlipOverEscpos) {
    EscposListener printer(ListenerMode::Ok);
    Stage s("tcp://127.0.0.1:" + std::to_string(printer.port()));
    REQUIRE_SCREEN(s);
    s.dir.write("slides/010-welcome.md", text_slide("Welcome"));
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "print-panel.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    ASSERT_TRUE(open_panel(s, shot)) << "tapping the touch button did not open the panel\n" << kiosk.log();

    ASSERT_TRUE(tap_print_choice(s));

    std::vector<Command> commands;
    const bool printed = wait_until(
        [&] {
            commands = parse_escpos(printer.received()).commands;
            return std::any_of(commands.begin(), commands.end(), [](const Command& c) { return c.cmd == Cmd::Cut; });
        },
        10s);
    ASSERT_TRUE(printed) << "no complete slip (ending in a cut) reached the printer within 10 s; "
                         << printer.received().size() << " bytes arrived\n"
                         << kiosk.log();
    const std::string text = printed_text(commands);
    EXPECT_NE(only_digits(text).find("15550100142"), std::string::npos) << "slip text:\n" << text;
    const bool has_tel_qr = std::any_of(commands.begin(), commands.end(), [](const Command& c) {
        return c.cmd == Cmd::QrStore && c.data.find(kTelPayload) != std::string::npos;
    });
    EXPECT_TRUE(has_tel_qr) << "the slip's QR does not carry " << kTelPayload;

    // The patient is told to take the slip (OCR of the message box alone: tesseract skips boxed text
    // on a full screenshot), and the screen shows nothing that looks like a problem.
    const kiosk::Rect message = kiosk::result_layout(kiosk::panel_frame(kW, kH), true).message;
    const fs::path done = shots_dir() / "print-confirmation.png";
    std::string seen;
    const bool confirmed = wait_until(
        [&] { return s.x.screenshot(done, crop_of(message)) && (seen = ocr(done)).find("been printed") != std::string::npos; },
        6s);
    EXPECT_TRUE(confirmed) << "no confirmation on screen; OCR of the message box read:\n" << seen << kiosk.log();
}

TEST(KioskRunE2E, PaperOutPrintsNothingAndShowsTheNumber) {
    EscposListener printer(ListenerMode::PaperOut);
    Stage s("tcp://127.0.0.1:" + std::to_string(printer.port()));
    REQUIRE_SCREEN(s);
    s.dir.write("slides/010-welcome.md", text_slide("Welcome"));
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "paper-out.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    ASSERT_TRUE(open_panel(s, shot)) << kiosk.log();
    ASSERT_TRUE(tap_print_choice(s));

    // The kiosk asks for status (so it did try), then shows the number instead of printing.
    std::string qr;
    wait_until([&] { return s.x.screenshot(shot) && !(qr = decode_qr(shot)).empty(); }, 10s);
    EXPECT_NE(qr.find(kTelPayload), std::string::npos) << "zbarimg read: '" << qr << "' from " << shot;
    EXPECT_GE(printer.connections(), 1) << "the kiosk never contacted the printer";
    for (const Command& c : parse_escpos(printer.received()).commands) {
        EXPECT_TRUE(c.cmd == Cmd::StatusRequest || c.cmd == Cmd::Init)
            << "a printer reporting paper-out was sent slip data (command " << static_cast<int>(c.cmd) << ")";
    }
}

TEST(KioskRunE2E, AnEditedSlideShowsUpAndABrokenEditKeepsTheLastGoodOne) {
    Stage s;
    REQUIRE_SCREEN(s);
    const fs::path slide = s.dir.write("slides/010-notice.md", text_slide("Opening notice 1234"));
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "reload-before.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    std::this_thread::sleep_for(500ms);  // let the first fade-in finish

    // Poll only the slide's text area, so the footer clock cannot pass for a reload.
    const std::string text_area = crop_of(kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).content);
    const fs::path before = s.dir.path() / "before-text.png";
    const fs::path now = s.dir.path() / "now-text.png";
    ASSERT_TRUE(s.x.screenshot(before, text_area));

    const auto written = std::chrono::steady_clock::now();
    {
        std::ofstream out(slide, std::ios::trunc);  // in place, as a staff member's editor saving would
        out << text_slide("Reload check 4711");
    }
    std::optional<std::chrono::milliseconds> latency;
    for (auto t = written; t - written < 10s; t = std::chrono::steady_clock::now()) {
        const auto taken = std::chrono::steady_clock::now();
        if (s.x.screenshot(now, text_area) && differing_pixels(before, now) > 1000) {
            latency = std::chrono::duration_cast<std::chrono::milliseconds>(taken - written);
            break;
        }
        std::this_thread::sleep_until(taken + 250ms);
    }
    ASSERT_TRUE(latency.has_value()) << "the slide on screen did not change within 10 s of the edit\n" << kiosk.log();
    std::cout << "[ reload  ] edit → first changed screenshot: " << latency->count() << " ms (polled every 250 ms)\n";
    EXPECT_LE(*latency, 2500ms) << "staff should see their edit within about 2 s";

    const fs::path after = shots_dir() / "reload-after.png";
    std::string seen;
    EXPECT_TRUE(wait_until([&] { return s.x.screenshot(after) && (seen = ocr(after)).find("4711") != std::string::npos; },
                           5s))
        << "the new title is not on screen; OCR read:\n" << seen;

    // A broken save: the kiosk keeps showing the last good slide and logs where the mistake is.
    {
        std::ofstream out(slide, std::ios::trunc);
        out << "+++\nimage = \n+++\n# Broken save 9999\n";
    }
    std::this_thread::sleep_for(2500ms);
    const fs::path broken = shots_dir() / "reload-broken.png";
    ASSERT_TRUE(s.x.screenshot(broken));
    seen = ocr(broken);
    EXPECT_NE(seen.find("4711"), std::string::npos) << "the last good slide is gone after a broken edit; OCR:\n" << seen;
    EXPECT_EQ(seen.find("9999"), std::string::npos) << "the broken slide was shown; OCR:\n" << seen;
    const std::string log = kiosk.log();
    EXPECT_NE(log.find("010-notice.md:2"), std::string::npos) << "the log does not name file:line; log:\n" << log;
    EXPECT_TRUE(kiosk.running());
}

TEST(KioskRunE2E, IgnoresKeysThatWouldCloseAnAppWindow) {
    Stage s;
    REQUIRE_SCREEN(s);
    s.dir.write("slides/010-welcome.md", text_slide("Welcome"));
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "close-keys.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    const auto wid = window_of(s.x, kiosk.pid());
    ASSERT_TRUE(wid.has_value()) << "no X window belongs to the kiosk's PID";
    const std::string w = std::to_string(*wid);

    // Focused keys (the real keyboard path) and keys sent straight to the window.
    EXPECT_EQ(s.x.xdotool({"windowfocus", "--sync", w}).exit_code, 0);
    EXPECT_EQ(s.x.xdotool({"key", "Escape", "ctrl+q", "ctrl+w", "alt+F4"}).exit_code, 0);
    EXPECT_EQ(s.x.xdotool({"key", "--window", w, "Escape", "ctrl+q", "ctrl+w", "alt+F4"}).exit_code, 0);
    std::this_thread::sleep_for(2s);
    EXPECT_TRUE(kiosk.running()) << "the kiosk quit on a close key\n" << kiosk.log();
    ASSERT_TRUE(s.x.screenshot(shot));
    EXPECT_EQ(pixel_colour(shot, 2, 2), "#FAF7F2") << "the kiosk no longer fills the screen";
}

TEST(KioskRunE2E, WithNoDisplayItFailsFastAndPointsToRender) {
    ASSERT_TRUE(fs::exists(kiosk_binary())) << "not built: " << kiosk_binary();
    TempDir dir("kiosk-e2e");
    const fs::path config = dir.write("kiosk.toml", state_dir_toml(dir.path()) + "[staff]\nstats_file = \"" + (dir.path() / "u.log").string() + "\"\n");
    const auto start = std::chrono::steady_clock::now();
    const CommandResult r = run_command({"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", "-u", "SDL_VIDEODRIVER",
                                         kiosk_binary().string(), "run", "--config", config.string(), "--slides",
                                         bundled_slides().string()},
                                        {}, 30s);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.exit_code, -1) << "killed after the timeout: it hung instead of failing\n" << r.output;
    EXPECT_LT(took, 10s) << "failing without a display should be quick";
    EXPECT_NE(r.output.find("kiosk render"), std::string::npos) << "no hint about `kiosk render`:\n" << r.output;
}
