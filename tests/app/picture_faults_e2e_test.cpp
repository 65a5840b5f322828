// The real `kiosk run` under Xvfb while staff (or a bad USB stick) break the picture files of
// slides that are on screen: a picture replaced by a pipe, by a 20000×20000 PNG, by a link to a
// file outside the folder, and the whole folder gone for a moment. The screen keeps showing every
// slide with its last good picture, still answers a tap, stays inside a memory ceiling, and
// SIGTERM still stops it.
#include "app/test_pictures.h"
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
// One colour per slide's picture, so a screenshot says which slide and which picture is shown.
constexpr std::array<std::uint32_t, 4> kColours = {0x1E88E5, 0x43A047, 0x8E24AA, 0xFB8C00};
constexpr std::array<const char*, 4> kHex = {"#1E88E5", "#43A047", "#8E24AA", "#FB8C00"};
constexpr const char* kOutsideRed = "#E53935";

struct PictureStage {
    TempDir dir{"kiosk-e2e-pictures"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{kW, kH};

    PictureStage() {
        for (size_t i = 0; i < kColours.size(); ++i) {
            const std::string n = std::to_string(i);
            write_solid_picture(slides / ("art/p" + n + ".png"), 400, 300, kColours[i]);
            dir.write("slides/0" + n + "0-slide.md",
                      "+++\nimage = \"art/p" + n + ".png\"\nlayout = \"image-left\"\nduration = 2\n"
                      "call_to_action = false\n+++\n# Slide " + n +
                          "\n\nOur team is here to help.\n");
        }
        config = dir.write("kiosk.toml",
                           state_dir_toml(dir.path()) + "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                           "[player]\ntransition_seconds = 0.3\nidle_timeout_seconds = 60\n"
                           "[printer]\nuri = \"none\"\n"
                           "[staff]\nstats_file = \"" +
                               (dir.path() / "usage.log").string() + "\"\n");
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
};

// The middle of the picture box (all four slides use the same layout).
std::pair<int, int> picture_centre() {
    const kiosk::Rect b = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::ImageLeft, true).image;
    return {b.x + b.w / 2, b.y + b.h / 2};
}

std::string colour_at_picture(const XSession& x, const fs::path& shot) {
    const auto [cx, cy] = picture_centre();
    if (!x.screenshot(shot, "2x2+" + std::to_string(cx) + "+" + std::to_string(cy))) return {};
    return pixel_colour(shot, 0, 0);
}

// Colours seen at the picture's place over `span` (sampled as fast as screenshots allow).
std::set<std::string> colours_over(const XSession& x, const fs::path& shot, std::chrono::milliseconds span) {
    std::set<std::string> seen;
    const auto end = std::chrono::steady_clock::now() + span;
    while (std::chrono::steady_clock::now() < end) seen.insert(colour_at_picture(x, shot));
    return seen;
}

bool log_has(KioskRun& k, const std::string& text, std::chrono::milliseconds timeout) {
    return wait_until([&] { return k.log().find(text) != std::string::npos; }, timeout);
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& c : s) out += c + ' ';
    return out;
}

}  // namespace

TEST(KioskPictureFaultsE2E, PictureReplacedByAPipeWhileShown) {
    PictureStage s;
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "pipe-picture.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    ASSERT_TRUE(wait_until([&] { return colour_at_picture(s.x, shot) == kHex[0]; }, 20s))
        << "the first slide's picture never showed\n"
        << kiosk.log();

    // While slide 0 is on screen its picture becomes a pipe (nothing will ever write to it).
    fs::remove(s.slides / "art/p0.png");
    ASSERT_EQ(::mkfifo((s.slides / "art/p0.png").c_str(), 0644), 0);
    // Reported as slides/000-slide.md:2 (the image line), whatever the wording.
    ASSERT_TRUE(log_has(kiosk, "000-slide.md:2: error", 10s)) << "the loader did not report the pipe\n" << kiosk.log();
    EXPECT_NE(kiosk.log().find("is a pipe (FIFO), not a picture file"), std::string::npos) << kiosk.log();

    // A full round later slide 0 is painted again (the slide textures hold three of four): its
    // last good picture, from memory.
    ASSERT_TRUE(wait_until([&] { return colour_at_picture(s.x, shot) == kHex[1]; }, 20s))
        << "the slides stopped advancing\n"
        << kiosk.log();
    EXPECT_TRUE(wait_until([&] { return colour_at_picture(s.x, shot) == kHex[0]; }, 20s))
        << "slide 0 did not come back with its picture: the screen is stuck\n"
        << kiosk.log();

    // The screen answers a tap: the touch button opens the panel (the slide behind dims).
    const kiosk::Rect b = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::ImageLeft, true).button;
    ASSERT_TRUE(s.x.tap(b.x + b.w / 2, b.y + b.h / 2));
    const fs::path full = shots_dir() / "pipe-picture-tap.png";
    EXPECT_TRUE(wait_until([&] { return s.x.screenshot(full) && pixel_colour(full, 2, 2) != "#FAF7F2"; }, 10s))
        << "the tap was not answered\n"
        << kiosk.log();

    // SIGTERM still ends it cleanly (the frame loop is not stuck in an open()).
    const int status = kiosk.stop();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "SIGTERM did not stop the kiosk (status " << status << ")\n"
        << kiosk.log();
}

TEST(KioskPictureFaultsE2E, HugePictureOutsideLinkAndFolderGone) {
    PictureStage s;
    REQUIRE_SCREEN(s);
    write_solid_picture(s.dir.path() / "private/red.png", 400, 300, 0xE53935);
    ASSERT_TRUE(write_black_png(s.dir.path() / "huge.png", 20000, 20000));
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "faults-picture.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();

    // Slide 1's picture becomes a 20000×20000 PNG, slide 2's a link to a file outside the folder.
    fs::rename(s.dir.path() / "huge.png", s.slides / "art/p1.png");
    fs::remove(s.slides / "art/p2.png");
    fs::create_symlink(s.dir.path() / "private/red.png", s.slides / "art/p2.png");
    ASSERT_TRUE(log_has(kiosk, "too large", 10s)) << kiosk.log();
    ASSERT_TRUE(log_has(kiosk, "outside the slides folder", 10s)) << kiosk.log();

    // Two rounds of 4 slides × ~2.3 s: each slide shows its last good picture, never the red one.
    const auto seen = colours_over(s.x, shot, 14s);
    std::cout << "[ seen ] " << join(seen) << '\n';
    for (const char* c : kHex) EXPECT_TRUE(seen.count(c)) << c << " never shown; seen: " << join(seen);
    EXPECT_FALSE(seen.count(kOutsideRed)) << "the refused outside file was shown";
    const long peak = peak_rss_mb(std::to_string(kiosk.pid()));
    std::cout << "[ measured ] kiosk peak RSS (VmHWM) after the huge picture: " << peak << " MB\n";
    EXPECT_GT(peak, 0);
    EXPECT_LT(peak, 400) << "the huge picture was decoded (peak " << peak << " MB)";

    // The folder goes away for a few seconds (share unmounted) and comes back.
    fs::rename(s.slides, s.dir.path() / "away");
    ASSERT_TRUE(log_has(kiosk, "does not exist", 10s)) << kiosk.log();
    const auto while_gone = colours_over(s.x, shot, 12s);
    std::cout << "[ seen while gone ] " << join(while_gone) << '\n';
    for (const char* c : kHex) EXPECT_TRUE(while_gone.count(c)) << c << " missing while the folder was gone";
    fs::rename(s.dir.path() / "away", s.slides);
    EXPECT_TRUE(kiosk.running()) << kiosk.log();
    const int status = kiosk.stop();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}
