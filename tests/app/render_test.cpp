// `kiosk render` of the bundled slides, landscape and portrait: a picture per slide that is not
// blank, the contact sheet, and a report that lists every slide file.
#include "app/x_session.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

std::vector<fs::path> bundled_slide_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(bundled_slides())) {
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    }
    return files;
}

void check_render(const std::string& size) {
    const std::string missing = missing_tools({{"convert", "imagemagick"}});
    ASSERT_TRUE(missing.empty()) << missing;
    ASSERT_TRUE(fs::exists(kiosk_binary())) << "not built: " << kiosk_binary();
    TempDir out("kiosk-render");
    // No display at all: render must not need one.
    const CommandResult r = run_command({"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", kiosk_binary().string(),
                                         "render", bundled_slides().string(), "--out", out.path().string(), "--size",
                                         size, "--config", KIOSK_SOURCE_DIR "/deploy/kiosk.toml"},
                                        {}, 120s);
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // Every file, the Spanish ones included: the bundled kiosk.toml offers Spanish, so each
    // translation is drawn too (010-back-pain.es.md -> 010-back-pain.es.png).
    const auto slides = bundled_slide_files();
    ASSERT_GE(slides.size(), 7U);
    ASSERT_TRUE(fs::exists(out.path() / "contact-sheet.png"));
    ASSERT_TRUE(fs::exists(out.path() / "report.html"));
    const std::string report = read_file(out.path() / "report.html");
    for (const fs::path& md : slides) {
        const fs::path png = out.path() / (md.stem().string() + ".png");
        ASSERT_TRUE(fs::exists(png)) << "no picture for " << md.filename();
        // A real slide has text, anti-aliasing and an illustration: hundreds of colours, not a flat fill.
        EXPECT_GT(colour_count(png), 50) << png.filename() << " looks blank";
        EXPECT_NE(report.find(md.filename().string()), std::string::npos)
            << "report.html does not mention " << md.filename();
    }
    const CommandResult dims =
        run_command({"convert", (out.path() / (slides.front().stem().string() + ".png")).string(), "-format", "%wx%h",
                     "info:"});
    EXPECT_EQ(dims.output, size) << "a slide picture has the wrong size";
    EXPECT_GT(colour_count(out.path() / "contact-sheet.png"), 50);
}

}  // namespace

TEST(KioskRenderE2E, BundledSlidesLandscape) { check_render("1920x1080"); }
TEST(KioskRenderE2E, BundledSlidesPortrait) { check_render("1080x1920"); }
