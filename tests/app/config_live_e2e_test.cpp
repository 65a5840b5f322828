// kiosk.toml on a running kiosk, looked at the way staff would: save an edit and read the footer
// off the screen (tesseract); save a broken edit and see the old name stay while the log names
// file:line. And [display] rotate = 90 on a sideways 1920×1080 screen: the portrait layout turned,
// and a tap where the turned button is shown opens the panel.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "core/touch_panel_layout.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;

std::string settings(const std::string& name, const fs::path& dir, const std::string& extra = "") {
    return state_dir_toml(dir) + "[clinic]\n"
           "name = \"" +
           name +
           "\"\n"
           "phone = \"+1 555 010 0142\"\n"
           "[player]\n"
           "transition_seconds = 0\n"
           "min_slide_seconds = 30\n"
           "[staff]\n"
           "stats_file = \"" +
           (dir / "usage.log").string() + "\"\n" + extra;
}

struct Stage {
    TempDir dir{"kiosk-config-e2e"};
    fs::path slides = dir.path() / "slides";
    fs::path config = dir.path() / "etc" / "kiosk.toml";
    XSession x{kW, kH};

    explicit Stage(const std::string& extra = "") {
        dir.write("slides/010-move.md",
                  "+++\nlayout = \"text-only\"\n+++\n# Moving again\n\nOur team helps you move.\n");
        save(settings("Test Clinic", dir.path(), extra));
    }
    // As an editor saves: write a temporary file beside it, rename it over kiosk.toml.
    void save(const std::string& text) const {
        const fs::path tmp = dir.write("etc/.kiosk.toml.tmp", text);
        fs::rename(tmp, config);
    }
    [[nodiscard]] std::vector<std::string> args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
};

std::string crop_of(const kiosk::Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

// The clinic name's place in the footer, as tesseract reads it (white on navy: negated and
// enlarged first, which tesseract reads far more reliably).
std::string footer_name_text(const XSession& x, const fs::path& png) {
    const kiosk::Rect r = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).footer_name;
    if (!x.screenshot(png, crop_of(r))) return {};
    const fs::path clean = png.parent_path() / (png.stem().string() + "-ocr.png");
    run_command({"convert", png.string(), "-negate", "-resize", "200%", clean.string()}, {}, 30s);
    return ocr(clean);
}

}  // namespace

TEST(ConfigLiveE2E, EditedClinicNameShowsInTheFooterAndABrokenEditKeepsIt) {
    Stage s;
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "config-live-before.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    std::string seen;
    ASSERT_TRUE(
        wait_until([&] { return (seen = footer_name_text(s.x, shot)).find("Test Clinic") != std::string::npos; }, 10s))
        << "the footer names the clinic before the edit; tesseract read: " << seen;

    // A good edit: the new name is on screen within about two seconds.
    const auto saved_at = std::chrono::steady_clock::now();
    s.save(settings("Harbour Physio", s.dir.path()));
    const fs::path after = shots_dir() / "config-live-after.png";
    const bool shown = wait_until(
        [&] { return (seen = footer_name_text(s.x, after)).find("Harbour Physio") != std::string::npos; }, 8s);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - saved_at);
    std::cout << "[ measured ] kiosk.toml save to new name read off the screen: " << ms.count() << " ms\n";
    ASSERT_TRUE(shown) << "the edited name reaches the footer; tesseract read: " << seen << "\n" << kiosk.log();
    // The generous wait above is for a loaded machine; on an idle one this is well under two seconds.
    EXPECT_LT(ms, 4000ms) << "a good edit is on screen within about a second (plus OCR time)";
    s.x.screenshot(shots_dir() / "config-live-after-full.png");

    // A broken edit (an unterminated string on line 2): the log names file:line, the old name stays.
    s.save(state_dir_toml(s.dir.path()) + "[clinic]\nname = \"Broken Name\nphone = \"+1 555 010 0142\"\n");
    const std::string where = s.config.string() + ":4:";  // after the two state_dir lines
    ASSERT_TRUE(wait_until([&] { return kiosk.log().find(where) != std::string::npos; }, 8s))
        << "the log names " << where << "\n"
        << kiosk.log();
    std::this_thread::sleep_for(500ms);  // had anything been applied, it would be drawn by now
    const fs::path broken = shots_dir() / "config-live-broken.png";
    seen = footer_name_text(s.x, broken);
    EXPECT_NE(seen.find("Harbour Physio"), std::string::npos) << "the last good name stays; tesseract read: " << seen;
    EXPECT_EQ(seen.find("Broken"), std::string::npos) << "nothing of the broken file is shown";
    EXPECT_TRUE(kiosk.running()) << "a broken edit never ends the kiosk";

    // SIGHUP asks for a reload now; without its handler the signal would end the process.
    ASSERT_EQ(::kill(kiosk.pid(), SIGHUP), 0);
    EXPECT_TRUE(wait_until([&] { return kiosk.log().find("SIGHUP") != std::string::npos; }, 5s)) << kiosk.log();
    std::this_thread::sleep_for(300ms);
    EXPECT_TRUE(kiosk.running()) << "SIGHUP reloads, it does not stop the kiosk";
    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}

TEST(ConfigLiveE2E, AnEditWaitsWhileAPatientUsesThePanel) {
    Stage s;
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "config-panel-open.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    const kiosk::Rect b = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    ASSERT_TRUE(s.x.tap(b.x + b.w / 2, b.y + b.h / 2));
    ASSERT_TRUE(wait_until([&] { return s.x.screenshot(shot) && pixel_colour(shot, 2, 2) != "#FAF7F2"; }, 5s))
        << "the panel opens\n"
        << kiosk.log();
    ASSERT_TRUE(s.x.screenshot(shot));

    s.save(settings("Harbour Physio", s.dir.path()));
    // The edit is read (the log would name a broken line) but not applied under the patient's finger.
    std::this_thread::sleep_for(2s);
    const fs::path still = shots_dir() / "config-panel-still.png";
    ASSERT_TRUE(s.x.screenshot(still));
    // Only the dimmed footer clock may have ticked; a rebuilt panel would have closed (the whole screen).
    const long changed = differing_pixels(shot, still);
    EXPECT_GE(changed, 0);
    EXPECT_LT(changed, 5000) << "the open panel is not rebuilt by a settings edit";
    EXPECT_NE(pixel_colour(still, 2, 2), "#FAF7F2") << "the panel is still open";
    EXPECT_EQ(kiosk.log().find("settings reloaded"), std::string::npos) << kiosk.log();

    const kiosk::Rect close = kiosk::panel_frame(kW, kH).close;
    ASSERT_TRUE(s.x.tap(close.x + close.w / 2, close.y + close.h / 2));
    std::string seen;
    EXPECT_TRUE(wait_until(
        [&] {
            return (seen = footer_name_text(s.x, shots_dir() / "config-panel-closed.png")).find("Harbour Physio") !=
                   std::string::npos;
        },
        8s))
        << "once the panel closes the new name shows; tesseract read: " << seen << "\n"
        << kiosk.log();
    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}

TEST(ConfigLiveE2E, RotatedScreenShowsThePortraitLayoutTurnedAndTapsLandOnIt) {
    Stage s("[display]\nrotate = 90\n");
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "rotate-90.png";
    // Turned 90° clockwise, the layout's top-left (background) is at the screen's top-right and
    // its footer runs down the screen's left edge.
    ASSERT_TRUE(wait_until(
        [&] {
            std::this_thread::sleep_for(200ms);
            return s.x.screenshot(shot) && pixel_colour(shot, kW - 3, 2) == "#FAF7F2";
        },
        15s))
        << kiosk.log();
    const kiosk::ScreenRegions portrait = kiosk::compute_regions(kH, kW, kiosk::SlideLayoutKind::TextOnly, false);
    // Layout (x, y) is shown at screen (kW - y, x).
    const auto screen_x = [](int ly) { return kW - ly; };
    const int footer_mid_y = portrait.footer.y + portrait.footer.h / 2;
    EXPECT_EQ(pixel_colour(shot, screen_x(footer_mid_y), kH / 2), "#1B2633")
        << "the footer is drawn down the left edge of the sideways screen";
    EXPECT_EQ(pixel_colour(shot, kW / 2, kH / 2), "#FAF7F2") << "the slide fills the rest";

    // Read the turned picture as a person tilting their head: turned back, the clinic name reads.
    const fs::path upright = shots_dir() / "rotate-90-upright.png";
    ASSERT_EQ(run_command({"convert", shot.string(), "-rotate", "-90", upright.string()}, {}, 30s).exit_code, 0);
    const fs::path name_png = shots_dir() / "rotate-90-name.png";
    const kiosk::Rect n = portrait.footer_name;
    run_command(
        {"convert", upright.string(), "-crop", crop_of(n), "+repage", "-negate", "-resize", "200%", name_png.string()},
        {}, 30s);
    const std::string name = ocr(name_png);
    EXPECT_NE(name.find("Test Clinic"), std::string::npos) << "the turned footer reads upright; tesseract: " << name;

    // A tap where the turned button is shown opens the panel (the slide behind it dims).
    const kiosk::Rect b = portrait.button;
    const int lx = b.x + b.w / 2, ly = b.y + b.h / 2;
    ASSERT_TRUE(s.x.tap(screen_x(ly), lx));
    const fs::path panel = shots_dir() / "rotate-90-panel.png";
    EXPECT_TRUE(wait_until([&] { return s.x.screenshot(panel) && pixel_colour(panel, kW - 3, 2) != "#FAF7F2"; }, 5s))
        << "a tap on the turned button's screen position opens the panel\n"
        << kiosk.log();
    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}

TEST(ConfigLiveE2E, BrokenPhoneAtFirstStartSendsPatientsToTheDeskNeverThePlaceholder) {
    Stage s;
    REQUIRE_SCREEN(s);
    fs::remove_all(s.slides);
    fs::create_directories(s.slides);  // no slides: the information screen, which shows the number
    s.save(state_dir_toml(s.dir.path()) + "[clinic]\nname = \"Harbour Physio\"\nphone = \"call us\"\n[theme]\nbackgrund = \"#000000\"\n"
           "[staff]\nstats_file = \"" + (s.dir.path() / "usage.log").string() + "\"\n");
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "hidden-phone.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    std::string seen;
    EXPECT_TRUE(wait_until(
        [&] { return s.x.screenshot(shot) && (seen = ocr(shot)).find("ask at the desk") != std::string::npos; }, 10s))
        << "patients are sent to the desk; tesseract read: " << seen;
    EXPECT_NE(seen.find("Harbour Physio"), std::string::npos) << "the valid name beside the broken phone is applied";
    std::string digits;
    for (const char c : seen) digits += (c >= '0' && c <= '9') ? std::string(1, c) : "";
    EXPECT_EQ(digits.find("5550100199"), std::string::npos) << "the fictional placeholder is never shown: " << seen;
    const std::string log = kiosk.log();
    EXPECT_NE(log.find(s.config.string() + ":5:"), std::string::npos) << "the log names the phone's line\n" << log;
    EXPECT_NE(log.find("Did you mean 'background'"), std::string::npos) << log;
    EXPECT_EQ(kiosk.stop(), 0) << log;
}

TEST(ConfigLiveE2E, RotationEditedLiveTurnsThePicture) {
    Stage s;
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "rotate-live-before.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 15s)) << kiosk.log();
    EXPECT_EQ(pixel_colour(shot, 2, kH - 3), "#1B2633") << "unturned, the footer runs along the bottom";

    s.save(settings("Test Clinic", s.dir.path(), "[display]\nrotate = 270\n"));
    // Turned 270° (90° anticlockwise), the layout's top-left is at the screen's bottom-left and
    // its footer runs down the right edge; the top-left corner shows the slide's background.
    const fs::path after = shots_dir() / "rotate-live-270.png";
    EXPECT_TRUE(wait_until(
        [&] {
            return s.x.screenshot(after) && pixel_colour(after, kW - 3, kH / 2) == "#1B2633" &&
                   pixel_colour(after, 2, 2) == "#FAF7F2";
        },
        8s))
        << "a live rotate edit turns the picture\n"
        << kiosk.log();
    // A tap where the turned button is shown: layout (x, y) is at screen (y, kH - x).
    const kiosk::Rect b = kiosk::compute_regions(kH, kW, kiosk::SlideLayoutKind::TextOnly, false).button;
    ASSERT_TRUE(s.x.tap(b.y + b.h / 2, kH - (b.x + b.w / 2)));
    const fs::path panel = shots_dir() / "rotate-live-270-panel.png";
    EXPECT_TRUE(wait_until([&] { return s.x.screenshot(panel) && pixel_colour(panel, 2, 2) != "#FAF7F2"; }, 5s))
        << "the turned button opens the panel\n"
        << kiosk.log();
    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}
