// SIGHUP on the real `kiosk run` under Xvfb: like a daemon, the kiosk reloads (reads the slides
// again, and says so in its log) instead of dying, and still answers the next tap.
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

#include <signal.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1280, kH = 720;

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST(SighupE2E, ReloadsTheSlidesStaysUpAndStillAnswersATap) {
    const std::string missing = missing_tools(
        {{"Xvfb", "xvfb"}, {"xdotool", "xdotool"}, {"import", "imagemagick"}, {"convert", "imagemagick"}});
    ASSERT_TRUE(missing.empty()) << missing;
    TempDir dir("kiosk-sighup");
    XSession x(kW, kH);
    ASSERT_TRUE(x.ok()) << x.error();
    ASSERT_TRUE(fs::exists(kiosk_binary())) << "not built: " << kiosk_binary();
    dir.write("slides/010-welcome.md",
              "+++\nlayout = \"text-only\"\nduration = 20\n+++\n# Welcome\n\nOur team is here to help.\n");
    const fs::path config = dir.write("kiosk.toml",
                                      state_dir_toml(dir.path()) + "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                                      "[printer]\nuri = \"none\"\n[staff]\nstats_file = \"" +
                                          (dir.path() / "usage.log").string() + "\"\n");
    KioskRun kiosk(x, {"--config", config.string(), "--slides", (dir.path() / "slides").string()},
                   dir.path() / "kiosk.log");
    const fs::path shot = fs::path(KIOSK_APP_SHOTS_DIR) / "sighup.png";
    fs::create_directories(shot.parent_path());
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, shot, 20s)) << kiosk.log();
    const size_t reloads_before = count_of(kiosk.log(), "slides reloaded:");

    ASSERT_EQ(::kill(kiosk.pid(), SIGHUP), 0);
    std::string log;
    const bool reloaded = wait_until(
        [&] {
            log = kiosk.log();
            return log.find("SIGHUP: reloading the slides") != std::string::npos &&
                   count_of(log, "slides reloaded:") > reloads_before;
        },
        10s);
    EXPECT_TRUE(reloaded) << "no reload logged after SIGHUP; log:\n" << log;
    std::this_thread::sleep_for(500ms);
    ASSERT_TRUE(kiosk.running()) << "SIGHUP ended the kiosk; log:\n" << kiosk.log();

    // Still the same kiosk for a patient: a tap on the button opens the panel (the slide dims).
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, shot, 10s)) << kiosk.log();
    const kiosk::Rect b = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    ASSERT_TRUE(x.tap(b.x + b.w / 2, b.y + b.h / 2));
    EXPECT_TRUE(wait_until([&] { return x.screenshot(shot) && pixel_colour(shot, 2, 2) != "#FAF7F2"; }, 10s))
        << "after SIGHUP a tap on the button did not open the panel; see " << shot << "\n"
        << kiosk.log();

    EXPECT_EQ(kiosk.stop(), 0) << "the kiosk did not stop cleanly on SIGTERM after SIGHUP\n" << kiosk.log();
}
