// The real `kiosk run` under Xvfb with a real ESC/POS listener on 127.0.0.1: a patient finds the
// paper out (the kiosk says so and shows the number), staff refill it, and the very next patient's
// Print comes out at once, not after the worker's next 30 s check.
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "core/touch_panel_layout.h"
#include "print/escpos_listener.h"
#include "print/escpos_parser.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
constexpr const char* kBackground = "#FAF7F2";

std::string crop_of(const kiosk::Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

bool tap_centre(const XSession& x, const kiosk::Rect& r) {
    return x.tap(r.x + r.w / 2, r.y + r.h / 2);
}

size_t cuts(const EscposListener& printer) {
    const auto commands = parse_escpos(printer.received()).commands;
    return static_cast<size_t>(
        std::count_if(commands.begin(), commands.end(), [](const Command& c) { return c.cmd == Cmd::Cut; }));
}

}  // namespace

TEST(PaperRefillE2E, PaperOutShowsTheNumberAndTheNextPrintAfterTheRefillComesOut) {
    const std::string missing = missing_tools(
        {{"Xvfb", "xvfb"}, {"xdotool", "xdotool"}, {"import", "imagemagick"}, {"tesseract", "tesseract-ocr"}});
    ASSERT_TRUE(missing.empty()) << missing;
    EscposListener printer(ListenerMode::PaperOut);
    TempDir dir("kiosk-refill");
    XSession x(kW, kH);
    ASSERT_TRUE(x.ok()) << x.error();
    ASSERT_TRUE(fs::exists(kiosk_binary())) << "not built: " << kiosk_binary();
    dir.write("slides/010-welcome.md",
              "+++\nlayout = \"text-only\"\nduration = 20\n+++\n# Welcome\n\nOur team is here to help.\n");
    const fs::path config =
        dir.write("kiosk.toml",
                  state_dir_toml(dir.path()) + "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                  "[player]\nidle_timeout_seconds = 120\n"
                  "[printer]\nuri = \"tcp://127.0.0.1:" +
                      std::to_string(printer.port()) +
                      "\"\njob_deadline_seconds = 10\nmin_seconds_between_slips = 0\nmax_slips_per_hour = 100\n"
                      "[staff]\nstats_file = \"" +
                      (dir.path() / "usage.log").string() + "\"\n");
    KioskRun kiosk(x, {"--config", config.string(), "--slides", (dir.path() / "slides").string()},
                   dir.path() / "kiosk.log");
    const fs::path shots = fs::path(KIOSK_APP_SHOTS_DIR);
    fs::create_directories(shots);
    const fs::path scratch = shots / "refill-scratch.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, scratch, 20s)) << kiosk.log();

    const kiosk::PanelFrame frame = kiosk::panel_frame(kW, kH);
    const kiosk::Rect button = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    const kiosk::Rect print = kiosk::choice_rects(frame, 3).at(0);
    const kiosk::Rect message = kiosk::result_layout(frame, true).message;
    const auto open_and_print = [&] {
        ASSERT_TRUE(tap_centre(x, button));
        ASSERT_TRUE(
            wait_until([&] { return x.screenshot(scratch) && pixel_colour(scratch, 2, 2) != kBackground; }, 10s))
            << "the panel did not open\n"
            << kiosk.log();
        std::this_thread::sleep_for(300ms);
        ASSERT_TRUE(tap_centre(x, print));
    };

    // Paper out: the kiosk says so (OCR of the message box) and shows the number as a QR.
    open_and_print();
    const fs::path out_png = shots / "refill-1-paper-out.png";
    std::string seen;
    EXPECT_TRUE(wait_until(
        [&] {
            return x.screenshot(out_png, crop_of(message)) &&
                   (seen = ocr(out_png)).find("out of paper") != std::string::npos;
        },
        10s))
        << "OCR of the message box read:\n"
        << seen << kiosk.log();
    const fs::path whole = shots / "refill-1-paper-out-screen.png";
    ASSERT_TRUE(x.screenshot(whole));
    EXPECT_NE(decode_qr(whole).find("tel:+15550100142"), std::string::npos) << "no number to call on " << whole;
    EXPECT_EQ(cuts(printer), 0U);

    // The patient closes the panel; staff refill the paper; the next patient comes at once.
    ASSERT_TRUE(tap_centre(x, frame.close));
    ASSERT_TRUE(wait_until([&] { return x.screenshot(scratch) && pixel_colour(scratch, 2, 2) == kBackground; }, 10s))
        << kiosk.log();
    printer.set_mode(ListenerMode::Ok);
    const auto refilled = std::chrono::steady_clock::now();
    open_and_print();
    ASSERT_TRUE(wait_until([&] { return cuts(printer) == 1; }, 10s))
        << "no slip within 10 s of the refill (the worker's own next check is 30 s after the paper-out)\n"
        << kiosk.log();
    std::cout
        << "[ refill  ] refill → slip cut: "
        << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - refilled).count()
        << " ms (two taps included)\n";
    const fs::path done = shots / "refill-2-printed.png";
    EXPECT_TRUE(wait_until(
        [&] {
            return x.screenshot(done, crop_of(message)) &&
                   (seen = ocr(done)).find("been printed") != std::string::npos;
        },
        10s))
        << "OCR of the message box read:\n"
        << seen;

    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}
