// One patient at the real kiosk under Xvfb, with the bundled slides and settings, each control
// touched with xdotool the way a finger does it: a swipe that starts on the main button browses
// (and never opens the panel), the ‹ › arrows that appear after it, the call-to-action slide's
// QR code decoded at the size a phone sees it from 1.5 m, the language button (the Spanish slides
// read back with tesseract -l spa), a Spanish slip over ESC/POS checked byte-wise for CP858, and the
// idle timeout bringing English back. One kiosk start; screenshots stay in the shots folder.
#include "app/x_session.h"
#include "core/call_to_action_layout.h"
#include "core/patient_controls_layout.h"
#include "core/slide_layout.h"
#include "core/touch_panel_layout.h"
#include "print/escpos_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
constexpr const char* kPhone = "+1 555 010 0142";  // not the bundled number: it must come from the config

fs::path shots_dir() {
    const fs::path dir = fs::path(KIOSK_APP_SHOTS_DIR);
    fs::create_directories(dir);
    return dir;
}

std::string crop_of(const kiosk::Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

void replace(std::string& s, const std::string& from, const std::string& to) {
    const std::size_t at = s.find(from);
    ASSERT_NE(at, std::string::npos) << "the bundled kiosk.toml no longer has: " << from;
    s.replace(at, from.size(), to);
}

// Lowercased OCR of a region, in `lang` ("eng" or "spa"). A large region is read at half size (the
// kiosk's type is big; tesseract is then quicker); a button is read inside its outline, on white.
std::string read_region(const XSession& x, const kiosk::Rect& r, const fs::path& png, const char* lang,
                        bool inside_outline = false) {
    const int d = inside_outline ? r.h / 7 : 0;
    if (!x.screenshot(png, crop_of(kiosk::Rect{r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d}))) return "(no screenshot)";
    const fs::path small = fs::path(png).replace_extension(".ocr.png");
    run_command({"convert", png.string(), "-bordercolor", "white", "-border", "20", "-resize",
                 inside_outline ? "100%" : "50%", small.string()},
                {}, 30s);
    const CommandResult res =
        run_command({"tesseract", small.string(), "-", "-l", lang}, {{"OMP_THREAD_LIMIT", "1"}}, 60s);
    std::string out = res.output;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool contains(const std::vector<std::uint8_t>& bytes, const std::string& needle) {
    const std::vector<std::uint8_t> n(needle.begin(), needle.end());  // as bytes: 0xA0 is not a negative char
    return std::search(bytes.begin(), bytes.end(), n.begin(), n.end()) != bytes.end();
}

}  // namespace

TEST(PatientBrowseE2E, SwipeArrowsCallToActionSpanishAndBackToEnglish) {
    const std::string missing = missing_tools({{"Xvfb", "xvfb"},
                                               {"xdotool", "xdotool"},
                                               {"import", "imagemagick"},
                                               {"convert", "imagemagick"},
                                               {"zbarimg", "zbar-tools"},
                                               {"tesseract", "tesseract-ocr"}});
    ASSERT_TRUE(missing.empty()) << missing;
    ASSERT_TRUE(fs::exists("/usr/share/tesseract-ocr/5/tessdata/spa.traineddata") ||
                fs::exists("/usr/share/tesseract-ocr/4/tessdata/spa.traineddata"))
        << "Spanish OCR data missing: apt-get install tesseract-ocr-spa";
    EscposListener printer{ListenerMode::Ok};
    TempDir dir{"kiosk-browse"};
    // The bundled settings, with a printer, a number of the test's own and timings a test can wait for.
    std::string toml = read_file(fs::path(KIOSK_SOURCE_DIR) / "deploy" / "kiosk.toml");
    replace(toml, "state_dir = \"/var/lib/kiosk\"", "state_dir = \"" + dir.path().string() + "\"");
    replace(toml, "stats_file = \"/var/lib/kiosk/usage.log\"", "stats_file = \"" + (dir.path() / "usage.log").string() + "\"");
    // A clinic name with ñ, so the slip carries both letters the issue names (ñ = 0xA4 in CP858).
    replace(toml, "name  = \"Epic Healthcare & Physical Medicine\"", "name = \"Clínica Peña\"");
    replace(toml, "phone = \"+1 555 010 0199\"", std::string("phone = \"") + kPhone + "\"");
    replace(toml, "uri = \"none\"", "uri = \"tcp://127.0.0.1:" + std::to_string(printer.port()) + "\"");
    replace(toml, "idle_timeout_seconds = 30", "idle_timeout_seconds = 8");
    replace(toml, "transition_seconds   = 1.2", "transition_seconds = 0.3");
    replace(toml, "min_slide_seconds    = 8", "min_slide_seconds = 40");  // the loop stays put unless browsed
    replace(toml, "min_seconds_between_slips = 10", "min_seconds_between_slips = 0");
    // No voice here, so the controls are A+, the language button and the arrows, whatever audio the machine has.
    replace(toml, "# gets wrong (the clinic's name).\nenabled = true", "enabled = false");
    const fs::path config = dir.write("kiosk.toml", toml);

    XSession x{kW, kH};
    ASSERT_TRUE(x.ok()) << x.error();
    KioskRun kiosk(x, {"--config", config.string(), "--slides", bundled_slides().string()}, dir.path() / "kiosk.log");
    const fs::path scratch = shots_dir() / "browse-scratch.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, scratch, 20s)) << kiosk.log();

    const kiosk::ScreenRegions regions = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false);
    kiosk::PatientControlsWanted wanted;
    wanted.text_size = true;  // A+ (helper A's), always offered
    wanted.language = true;
    wanted.arrows = true;
    const kiosk::PatientControlsLayout controls = kiosk::patient_controls_layout(regions, wanted);
    const kiosk::Rect content{0, 0, kW, controls.content_bottom};
    const auto shows = [&](const std::string& words, const char* lang, const std::string& shot) {
        std::string seen;
        const bool ok = wait_until(
            [&] {
                seen = read_region(x, content, shots_dir() / shot, lang);
                return seen.find(words) != std::string::npos;
            },
            15s);
        return ok ? testing::AssertionSuccess()
                  : testing::AssertionFailure() << "the screen never showed '" << words << "'; OCR read: " << seen;
    };
    const auto tap = [&](const kiosk::Rect& r) { return x.tap(r.x + r.w / 2, r.y + r.h / 2); };
    ASSERT_TRUE(shows("back pain", "eng", "browse-1-start.png")) << kiosk.log();
    EXPECT_NE(read_region(x, controls.language, shots_dir() / "browse-1-language-button.png", "spa", true).find("español"),
              std::string::npos)
        << "the language button does not name Spanish in Spanish";

    // A swipe to the left that starts on the main button: the next slide, and no panel.
    const int bx = regions.button.x + regions.button.w * 3 / 4, by = regions.button.y + regions.button.h / 2;
    ASSERT_EQ(x.xdotool({"mousemove", std::to_string(bx), std::to_string(by)}).exit_code, 0);
    std::this_thread::sleep_for(150ms);
    ASSERT_EQ(x.xdotool({"mousedown", "1"}).exit_code, 0);
    for (int step = 1; step <= 5; ++step) {
        std::this_thread::sleep_for(40ms);
        ASSERT_EQ(x.xdotool({"mousemove", std::to_string(bx - step * 100), std::to_string(by)}).exit_code, 0);
    }
    ASSERT_EQ(x.xdotool({"mouseup", "1"}).exit_code, 0);
    ASSERT_TRUE(shows("massage can help", "eng", "browse-2-after-swipe.png")) << kiosk.log();
    std::this_thread::sleep_for(400ms);
    ASSERT_TRUE(x.screenshot(scratch));
    EXPECT_EQ(pixel_colour(scratch, 2, 2), "#FAF7F2") << "the swipe opened the panel (the screen is dimmed)";

    // The arrows are there now: back to the first slide, and back again to the last one.
    ASSERT_TRUE(tap(controls.previous));
    ASSERT_TRUE(shows("back pain", "eng", "browse-3-previous.png")) << kiosk.log();
    ASSERT_TRUE(tap(controls.previous));
    ASSERT_TRUE(shows("call us today", "eng", "browse-4-call-to-action.png")) << kiosk.log();
    // The QR code as a phone sees it from 1.5 m (call_to_action_layout.h): the screen 356 px across.
    const fs::path cta = shots_dir() / "browse-4-call-to-action-full.png";
    ASSERT_TRUE(x.screenshot(cta));
    const fs::path far = shots_dir() / "browse-4-call-to-action-at-1.5m.png";
    ASSERT_EQ(run_command({"convert", cta.string(), "-resize", std::to_string(kiosk::kCameraPixelsAcrossScreen) + "x",
                           far.string()},
                          {}, 30s)
                  .exit_code,
              0);
    EXPECT_EQ(decode_qr(far), "tel:+15550100142\n") << "see " << far;

    // Forward to the first slide, then Spanish.
    // (the Spanish title below is the first slide's: › went from the last slide to the first)
    ASSERT_TRUE(tap(controls.next));
    std::this_thread::sleep_for(300ms);
    ASSERT_TRUE(tap(controls.language));
    ASSERT_TRUE(shows("dolor de espalda", "spa", "browse-6-spanish.png")) << kiosk.log();
    EXPECT_NE(read_region(x, controls.language, shots_dir() / "browse-6-language-button.png", "eng", true).find("english"),
              std::string::npos);

    // The panel and the slip in Spanish: "Imprimir nuestro número", then CP858 bytes on the wire.
    ASSERT_TRUE(tap(regions.button));
    const kiosk::PanelFrame frame = kiosk::panel_frame(kW, kH);
    std::string panel;
    ASSERT_TRUE(wait_until(
        [&] {
            panel = read_region(x, frame.card, shots_dir() / "browse-7-panel-spanish.png", "spa");
            return panel.find("ayudarle") != std::string::npos;
        },
        15s))
        << "the panel is not in Spanish; OCR read: " << panel;
    ASSERT_TRUE(tap(kiosk::choice_rects(frame, 3).at(0)));
    ASSERT_TRUE(wait_until([&] { return contains(printer.received(), "Ll\xA0menos"); }, 15s))
        << "no CP858 'Llámenos' (á = 0xA0) reached the printer\n"
        << kiosk.log();
    const std::vector<std::uint8_t> slip = printer.received();
    EXPECT_TRUE(contains(slip, "Escanee para llamar"));
    EXPECT_TRUE(contains(slip, "Cl\xA1nica Pe\xA4" "a"));  // í = 0xA1, ñ = 0xA4
    EXPECT_TRUE(contains(slip, "El dolor de espalda puede paralizar su vida")) << "the topic is the Spanish title";
    EXPECT_EQ(std::count(slip.begin(), slip.end(), 0xC3), 0) << "UTF-8 bytes reached the printer";

    // Nobody touches it: after the idle timeout the next patient finds English and the loop running.
    ASSERT_TRUE(wait_until([&] { return kiosk.log().find("kiosk: idle: back to en") != std::string::npos; }, 40s))
        << kiosk.log();
    EXPECT_NE(kiosk.log().find("kiosk: idle: back to en, the loop resumes"), std::string::npos) << kiosk.log();
    std::string button;
    EXPECT_TRUE(wait_until(
        [&] {
            button = read_region(x, regions.button, shots_dir() / "browse-8-idle-main-button.png", "eng", true);
            return button.find("interested") != std::string::npos;
        },
        10s))
        << "the main button after the idle timeout reads: " << button;

    EXPECT_TRUE(kiosk.running()) << kiosk.log();
    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}
