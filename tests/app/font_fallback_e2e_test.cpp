// The real `kiosk run` under Xvfb with a font it cannot find: the slide must still be on screen
// (text drawn in the fallback, read back by OCR), and the log must say once which font was asked
// for and which one is used.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

size_t count_of(const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

struct FontStage {
    TempDir dir{"kiosk-fonts"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{1920, 1080};
    explicit FontStage(const std::string& theme) {
        fs::create_directories(slides);
        dir.write("slides/010-welcome.md",
                  "+++\nlayout = \"text-only\"\nduration = 30\n+++\n# Gentle stretches\n\nMove slowly and breathe.\n");
        config = dir.write("kiosk.toml",
                           state_dir_toml(dir.path()) + "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                           "[printer]\nuri = \"none\"\n"
                           "[staff]\nstats_file = \"" +
                               (dir.path() / "usage.log").string() + "\"\n" + theme);
    }
    [[nodiscard]] std::vector<std::string> args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
    // fontconfig with one empty font folder: it finds no font at all.
    [[nodiscard]] fs::path empty_fontconfig() const {
        fs::create_directories(dir.path() / "no-fonts");
        return dir.write("fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig><dir>" +
                                           (dir.path() / "no-fonts").string() + "</dir><cachedir>" +
                                           (dir.path() / "fc-cache").string() + "</cachedir></fontconfig>\n");
    }
};

// The title, read off the screen: proof that text was drawn, not just the background.
void expect_slide_with_text(const XSession& x, const fs::path& png, const std::string& log) {
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, png, 20s)) << "the screen never showed the kiosk\n" << log;
    std::string seen;
    const bool readable =
        wait_until([&] { return x.screenshot(png) && (seen = ocr(png)).find("stretches") != std::string::npos; }, 10s);
    EXPECT_TRUE(readable) << "the slide's title is not on screen (" << png << "); OCR read:\n" << seen << "\n" << log;
    EXPECT_GT(colour_count(png), 50) << "the screen is (nearly) one colour: " << png;
}

}  // namespace

TEST(FontFallbackE2E, AnUnknownFamilyStillShowsTheSlideAndIsLoggedOnce) {
    ASSERT_TRUE(missing_tools({{"Xvfb", "xvfb"}, {"import", "imagemagick"}, {"tesseract", "tesseract-ocr"}}).empty());
    FontStage s("[theme]\nfont_family = \"Frobnitz Grotesk\"\n");
    ASSERT_TRUE(s.x.ok()) << s.x.error();
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    expect_slide_with_text(s.x, shots_dir() / "font-unknown-family.png", kiosk.log());
    ASSERT_TRUE(kiosk.running()) << kiosk.log();
    const std::string log = kiosk.log();
    EXPECT_EQ(count_of(log, "font_family \"Frobnitz Grotesk\" is not installed; using \""), 1U)
        << "the fallback is logged exactly once, naming both fonts:\n"
        << log;
}

TEST(FontFallbackE2E, WithFontconfigFindingNothingThePackagedFontIsShown) {
    ASSERT_TRUE(missing_tools({{"Xvfb", "xvfb"}, {"import", "imagemagick"}, {"tesseract", "tesseract-ocr"}}).empty());
    FontStage s("");
    ASSERT_TRUE(s.x.ok()) << s.x.error();
    const fs::path conf = s.empty_fontconfig();
    // KioskRun takes the X session's environment; FONTCONFIG_FILE goes through ours.
    ::setenv("FONTCONFIG_FILE", conf.c_str(), 1);
    KioskRun kiosk(s.x, s.args(), s.dir.path() / "kiosk.log");
    ::unsetenv("FONTCONFIG_FILE");
    expect_slide_with_text(s.x, shots_dir() / "font-packaged-fallback.png", kiosk.log());
    EXPECT_NE(kiosk.log().find("using \"DejaVu Sans\" instead"), std::string::npos) << kiosk.log();
}
