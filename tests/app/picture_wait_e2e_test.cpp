// The real kiosk under Xvfb starting on a deck whose later pictures are big real PNGs: the first
// frame comes with the first slide's picture decoded, the others are decoded after it, and no
// slide is ever on screen (shown, faded to) before its picture is: wherever the pictures stand,
// the screen shows a picture there, never the slide's bare background.
#include "app/e2e_support.h"
#include "app/test_pictures.h"
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1280, kH = 720;

std::string picture_slide(const std::string& image, const std::string& title) {
    return "+++\nimage = \"" + image + "\"\nlayout = \"image-left\"\n+++\n# " + title + "\n\nSome words.\n";
}

int red_of(const std::string& hex) {
    return hex.size() == 7 ? std::stoi(hex.substr(1, 2), nullptr, 16) : -1;
}

}  // namespace

TEST(PictureWaitE2E, NoSlideIsShownBeforeItsPictureIsDecoded) {
    struct Stage {
        XSession x{kW, kH};
    } stage;
    REQUIRE_SCREEN(stage);
    const XSession& x = stage.x;
    TempDir dir("kiosk-picwait");
    const fs::path slides = dir.path() / "slides";
    fs::create_directories(slides / "art");
    // The first picture: small and blue. The rest: black 4000-pixel PNGs, each a different file,
    // a few hundred milliseconds of decoding apiece; all in the same place on screen.
    ASSERT_TRUE(write_solid_picture(slides / "art/first.png", 400, 300, 0x1E88E5));
    dir.write("slides/010-first.md", picture_slide("art/first.png", "First"));
    for (int i = 2; i <= 9; ++i) {
        const std::string name = "art/big" + std::to_string(i) + ".png";
        ASSERT_TRUE(write_black_png(slides / name, 4000, 4000 - i));
        dir.write("slides/0" + std::to_string(i) + "0-big.md", picture_slide(name, "Big " + std::to_string(i)));
    }
    const fs::path config = dir.write("kiosk.toml", state_dir_toml(dir.path()) + "[staff]\nstats_file = \"" +
                                                        (dir.path() / "usage.log").string() +
                                                        "\"\n[player]\ntransition_seconds = 0.3\n"
                                                        "min_slide_seconds = 2\nmax_slide_seconds = 2\n");
    KioskRun kiosk(x, {"--config", config.string(), "--slides", slides.string()}, dir.path() / "kiosk.log");
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, dir.path() / "shot.png", 20s)) << kiosk.log();

    // Where every slide's picture lies (all the same layout; each picture is centred in its box).
    const kiosk::Rect box = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::ImageLeft, true).image;
    const int cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    const std::string crop = "1x1+" + std::to_string(cx) + "+" + std::to_string(cy);
    int samples = 0, black = 0;
    std::string first;
    const auto end = std::chrono::steady_clock::now() + 12s;
    while (std::chrono::steady_clock::now() < end) {
        const fs::path px = dir.path() / "px.png";
        ASSERT_TRUE(x.screenshot(px, crop));
        const std::string colour = pixel_colour(px, 0, 0);
        ASSERT_FALSE(colour.empty());
        if (first.empty()) first = colour;
        ++samples;
        // Blue, black, or a fade between them: red stays at 0x1E or less. A slide without its
        // picture shows the background (#FAF7F2) there.
        ASSERT_LE(red_of(colour), 0x30) << "sample " << samples << " at " << cx << "," << cy << " is " << colour
                                        << ": a slide is on screen without its picture\n"
                                        << kiosk.log();
        if (colour == "#000000") ++black;
        if (black >= 3) break;
    }
    std::cout << "[ measured ] " << samples << " samples, " << black << " of a big picture\n";
    EXPECT_EQ(first, "#1E88E5") << "the first frame shows the first slide with its picture";
    EXPECT_GE(black, 1) << "the slides with big pictures never came:\n" << kiosk.log();
    const std::string log = kiosk.log();
    EXPECT_TRUE(contains(log, "kiosk: start-up: ") && contains(log, "first frame")) << log;
    EXPECT_TRUE(contains(log, "the other pictures decoded")) << log;
}
