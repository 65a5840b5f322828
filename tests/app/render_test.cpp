// `kiosk render` of the bundled slides, landscape and portrait: a picture per slide that is not
// blank, the contact sheet, a report that lists every slide file, and the patient's controls drawn
// as on screen (Read aloud, A+, the language button; in Spanish on the Spanish pictures), Read
// aloud's word as large as the language's name.
#include "app/patient_controls.h"
#include "app/x_session.h"
#include "core/patient_controls_layout.h"
#include "core/slide_layout.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
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

std::string geometry(const kiosk::Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

// Lowercased OCR of the words in `box` (a control's label: no outline, no symbol), in `lang`.
std::string read_words(const fs::path& png, const kiosk::Rect& box, const char* lang, const fs::path& scratch) {
    // Doubled: tesseract misreads a short word at button size, and the border gives it margins.
    if (run_command({"convert", png.string(), "-crop", geometry(box), "+repage", "-resize", "200%", "-bordercolor",
                     "white", "-border", "20", scratch.string()})
            .exit_code != 0)
        return "(no crop)";
    std::string out =
        run_command({"tesseract", scratch.string(), "-", "-l", lang}, {{"OMP_THREAD_LIMIT", "1"}}, 60s).output;
    // Lowercase, and words wrapped onto two lines read as one line.
    std::string words;
    for (const char c : out) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!words.empty() && words.back() != ' ') words += ' ';
        } else {
            words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return words;
}

// The cap height a word was drawn at: the height of the ink in a thin strip just inside the left
// edge of the word's ink, i.e. the left stem of its first capital (R of "Read", E of "Español").
int cap_height(const fs::path& png, const kiosk::Rect& box) {
    const CommandResult ink = run_command({"convert", png.string(), "-crop", geometry(box), "+repage", "-fuzz", "45%",
                                           "-trim", "-format", "%X %w", "info:"});
    int left = 0, width = 0;
    if (std::sscanf(ink.output.c_str(), "%d %d", &left, &width) != 2 || width <= 0) return -1;
    const kiosk::Rect strip{box.x + left + 1, box.y, 2, box.h};
    const CommandResult stem = run_command({"convert", png.string(), "-crop", geometry(strip), "+repage", "-fuzz",
                                            "45%", "-trim", "-format", "%h", "info:"});
    return std::atoi(stem.output.c_str());
}

void check_controls(const fs::path& out, int w, int h) {
    const std::string missing = missing_tools({{"tesseract", "tesseract-ocr"}});
    ASSERT_TRUE(missing.empty()) << missing;
    // What the bundled kiosk.toml shows: [audio] on, Spanish offered, the arrows' room kept.
    kiosk::PatientControlsWanted wanted;
    wanted.read_aloud = wanted.text_size = wanted.language = wanted.arrows = true;
    const kiosk::PatientControlsLayout l =
        kiosk::patient_controls_layout(kiosk::compute_regions(w, h, kiosk::SlideLayoutKind::TextOnly, false), wanted);
    const fs::path en = out / "010-back-pain.png", es = out / "010-back-pain.es.png", scratch = out / "ocr.png";
    const kiosk::Rect read_label = kiosk::read_aloud_label_rect(l.read_aloud);
    const kiosk::Rect lang_label = kiosk::language_label_rect(l.language);
    EXPECT_NE(read_words(en, read_label, "eng", scratch).find("read aloud"), std::string::npos) << en;
    EXPECT_NE(read_words(en, lang_label, "spa", scratch).find("español"), std::string::npos) << en;
    EXPECT_GT(std::atoi(run_command({"convert", en.string(), "-crop", geometry(l.text_size), "+repage", "-format", "%k",
                                     "info:"})
                            .output.c_str()),
              8)
        << "A+ is drawn";
    // Side by side, one word must not look smaller than the other (a lesser control). Measured on
    // one line, in landscape; a portrait screen's taller buttons wrap "Read aloud" onto two.
    if (w > h) {
        const int read_cap = cap_height(en, read_label);
        const int lang_cap = cap_height(en, lang_label);
        EXPECT_GT(read_cap, h / 40) << "Read aloud's word is readable from a step back";
        EXPECT_NEAR(read_cap, lang_cap, 2) << "\"Read aloud\" drawn at another size than \"Español\"";
    }
    // The Spanish picture has the Spanish buttons, as the screen shows them after the language button.
    EXPECT_NE(read_words(es, lang_label, "eng", scratch).find("english"), std::string::npos) << es;
    const std::string leer = read_words(es, read_label, "spa", scratch);
    EXPECT_NE(leer.find("leer en"), std::string::npos) << es << " reads: " << leer;
    const kiosk::Rect button = kiosk::compute_regions(w, h, kiosk::SlideLayoutKind::TextOnly, false).button;
    const int d = button.h / 7;  // inside the main button's rounded edge
    const kiosk::Rect words{button.x + d, button.y + d, button.w - 2 * d, button.h - 2 * d};
    EXPECT_NE(read_words(es, words, "spa", scratch).find("interesa"), std::string::npos) << es;
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
    const auto x = size.find('x');
    check_controls(out.path(), std::stoi(size.substr(0, x)), std::stoi(size.substr(x + 1)));
}

}  // namespace

TEST(KioskRenderE2E, BundledSlidesLandscape) { check_render("1920x1080"); }
TEST(KioskRenderE2E, BundledSlidesPortrait) { check_render("1080x1920"); }
