// Slide pictures are read, checked and decoded by the deck loader, into the deck; the frame loop
// draws them from memory only. With real files on disk: a picture replaced by a pipe, by a huge
// PNG or by a link out of the folder while its slide is shown, and the folder briefly gone, each
// leave the last good picture on screen, and painting never touches the folder.
#include "app/deck_reloader.h"
#include "app/fonts.h"
#include "app/picture_decoder.h"
#include "app/sdl_session.h"
#include "app/slide_renderer.h"
#include "app/test_pictures.h"
#include "core/slide_layout.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <SDL.h>
#include <SDL_image.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <iostream>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kW = 1280, kH = 720;
constexpr std::uint32_t kBlue = 0x1E88E5, kRed = 0xE53935;

std::string picture_slide(const std::string& image, const std::string& title) {
    return "+++\nimage = \"" + image + "\"\nlayout = \"image-left\"\n+++\n# " + title + "\n\nSome words.\n";
}

const SlideFileReport* report_of(const Deck& deck, const std::string& name) {
    for (const auto& f : deck.files) {
        if (f.file_name == name) return &f;
    }
    return nullptr;
}

class PictureReload : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(sdl_.ok()) << sdl_.error();
        ASSERT_EQ(SDL_InitSubSystem(SDL_INIT_EVENTS), 0) << SDL_GetError();
        wake_ = SDL_RegisterEvents(1);
        std::string error;
        fonts_ = FontSet::open(config.theme.font_family, &error);
        ASSERT_TRUE(fonts_) << error;
        ASSERT_TRUE(test::write_solid_picture(slides / "art/a.png", 400, 300, kBlue));
        dir.write("slides/010-a.md", picture_slide("art/a.png", "Alpha"));
        dir.write("slides/020-b.md", "# Bravo\n\nSecond slide.\n");
    }
    void TearDown() override { SDL_QuitSubSystem(SDL_INIT_EVENTS); }

    // The next deck from the loader that satisfies `want`, as the frame loop would take it.
    template <typename Pred>
    std::shared_ptr<const Deck> deck_where(DeckReloader& r, Pred want) {
        std::shared_ptr<const Deck> found;
        test::wait_until(
            [&] {
                if (auto d = r.take_new_deck(); d && want(*d)) found = std::move(d);
                return found != nullptr;
            },
            10s);
        return found;
    }

    // Paints `slide` the way the frame loop does, with a renderer that has never seen it (empty
    // caches), and returns the colour at the middle of its picture box. Runs on another thread
    // with a deadline, so a paint that blocks on a file fails the test instead of hanging it.
    std::string picture_colour(const Slide& slide) {
        auto task = std::async(std::launch::async, [&] {
            sdl::Surface canvas(SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888));
            sdl::Renderer renderer(SDL_CreateSoftwareRenderer(canvas.get()));
            SlideRenderer painter(renderer.get(), *fonts_, config);
            PlayerFrame frame;
            frame.current = std::shared_ptr<const Slide>(std::shared_ptr<const Slide>{}, &slide);
            frame.count = 1;
            painter.draw_frame(frame, LocalTime{}, kW, kH);
            SDL_RenderPresent(renderer.get());
            const Rect box = compute_regions(kW, kH, slide.layout, true).image;
            return test::surface_pixel(canvas->pixels, canvas->pitch, box.x + box.w / 2, box.y + box.h / 2);
        });
        if (task.wait_for(10s) != std::future_status::ready) {
            ADD_FAILURE() << "painting the slide blocked for 10 s: the frame loop read a file";
            // Let the blocked open return (it waits for a writer on the pipe), so the test can end.
            const fs::path p = slides / "art/a.png";
            const int fd = ::open(p.c_str(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0) ::close(fd);
        }
        return task.get();
    }

    SdlSession sdl_{false};
    std::optional<FontSet> fonts_;
    test::TempDir dir{"kiosk-pictures"};
    fs::path slides = dir.path() / "slides";
    KioskConfig config;
    Uint32 wake_ = 0;
};

TEST_F(PictureReload, PipeInPlaceOfAShownPictureKeepsTheDecodedPicture) {
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto first = reloader.take_new_deck();
    ASSERT_NE(first->find("010-a.md"), nullptr);
    EXPECT_EQ(picture_colour(*first->find("010-a.md")), "#1E88E5") << "the picture is drawn";

    fs::remove(slides / "art/a.png");
    ASSERT_EQ(::mkfifo((slides / "art/a.png").c_str(), 0644), 0);
    const auto deck = deck_where(reloader, [](const Deck& d) {
        const auto* r = report_of(d, "010-a.md");
        return r && r->state == SlideFileState::KeptPrevious;
    });
    ASSERT_NE(deck, nullptr) << "the loader did not report the pipe (did it hang on it?)";
    const auto* report = report_of(*deck, "010-a.md");
    ASSERT_FALSE(report->diagnostics.empty());
    const Diagnostic& d = report->diagnostics[0];
    EXPECT_EQ(d.line, 2) << "the line of the image key: " << d.to_string();
    EXPECT_NE(d.file.find("010-a.md"), std::string::npos) << d.to_string();
    EXPECT_NE(d.message.find("pipe"), std::string::npos) << d.to_string();
    std::cout << "[ reported ] " << d.to_string() << '\n';

    const Slide* kept = deck->find("010-a.md");
    ASSERT_NE(kept, nullptr);
    ASSERT_TRUE(kept->image && kept->image->pixels) << "the last good version keeps its decoded picture";
    EXPECT_EQ(picture_colour(*kept), "#1E88E5") << "the old picture stays on screen, drawn from memory";

    // The loader is not stuck either: the next edit still arrives.
    dir.write("slides/020-b.md", "# Bravo two\n\nEdited.\n");
    const auto edited = deck_where(
        reloader, [](const Deck& dk) { return dk.find("020-b.md") && dk.find("020-b.md")->title == "Bravo two"; });
    EXPECT_NE(edited, nullptr) << "the loader stopped working after the pipe";
}

TEST_F(PictureReload, HugePngInPlaceIsRefusedBeforeDecoding) {
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto first = reloader.take_new_deck();
    ASSERT_EQ(picture_colour(*first->find("010-a.md")), "#1E88E5");
    const long before_mb = test::peak_rss_mb();

    // A real PNG: decoding it would take 1.2 GB for its pixels alone.
    ASSERT_TRUE(test::write_black_png(dir.path() / "huge.png", 20000, 20000));
    fs::rename(dir.path() / "huge.png", slides / "art/a.png");
    const auto deck = deck_where(reloader, [](const Deck& d) {
        const auto* r = report_of(d, "010-a.md");
        return r && r->state == SlideFileState::KeptPrevious;
    });
    ASSERT_NE(deck, nullptr);
    const Diagnostic& d = report_of(*deck, "010-a.md")->diagnostics.at(0);
    EXPECT_EQ(d.line, 2) << d.to_string();
    EXPECT_NE(d.message.find("too large"), std::string::npos) << d.to_string();
    EXPECT_NE(d.message.find("20000"), std::string::npos) << "the message gives the size: " << d.to_string();
    std::cout << "[ reported ] " << d.to_string() << '\n';
    EXPECT_EQ(picture_colour(*deck->find("010-a.md")), "#1E88E5") << "the last good picture stays";

    const long after_mb = test::peak_rss_mb();
    std::cout << "[ measured ] peak RSS before " << before_mb << " MB, after " << after_mb << " MB\n";
    EXPECT_LT(after_mb, 300) << "the huge picture was decoded somewhere (peak " << after_mb << " MB)";
}

TEST_F(PictureReload, LinkToAPictureOutsideIsRefusedAndNotShown) {
    ASSERT_TRUE(test::write_solid_picture(dir.path() / "private/red.png", 400, 300, kRed));
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto first = reloader.take_new_deck();
    ASSERT_EQ(picture_colour(*first->find("010-a.md")), "#1E88E5");

    // The shown slide's picture becomes a link out of the folder, and a new slide points at one.
    fs::remove(slides / "art/a.png");
    fs::create_symlink(dir.path() / "private/red.png", slides / "art/a.png");
    fs::create_symlink("../../private/red.png", slides / "art/b.png");
    dir.write("slides/030-c.md", picture_slide("art/b.png", "Charlie"));
    const auto deck = deck_where(reloader, [](const Deck& d) { return report_of(d, "030-c.md") != nullptr; });
    ASSERT_NE(deck, nullptr);
    for (const char* name : {"010-a.md", "030-c.md"}) {
        const auto* r = report_of(*deck, name);
        ASSERT_FALSE(r->diagnostics.empty()) << name;
        EXPECT_NE(r->diagnostics[0].message.find("outside the slides folder"), std::string::npos)
            << r->diagnostics[0].to_string();
        EXPECT_EQ(r->diagnostics[0].line, 2) << r->diagnostics[0].to_string();
    }
    EXPECT_EQ(report_of(*deck, "010-a.md")->state, SlideFileState::KeptPrevious);
    EXPECT_EQ(report_of(*deck, "030-c.md")->state, SlideFileState::Rejected);
    EXPECT_EQ(deck->find("030-c.md"), nullptr) << "a slide showing an outside file is not played";
    EXPECT_EQ(picture_colour(*deck->find("010-a.md")), "#1E88E5") << "refused means not shown: never the red file";
}

TEST_F(PictureReload, FolderBrieflyGoneStillDrawsThePictures) {
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto first = reloader.take_new_deck();
    ASSERT_EQ(picture_colour(*first->find("010-a.md")), "#1E88E5");

    fs::rename(slides, dir.path() / "away");  // a share unmounted, a USB stick pulled
    const auto gone = deck_where(reloader, [](const Deck& d) { return !d.folder_readable; });
    ASSERT_NE(gone, nullptr);
    ASSERT_NE(gone->find("010-a.md"), nullptr);
    EXPECT_EQ(picture_colour(*gone->find("010-a.md")), "#1E88E5") << "the picture is drawn while the folder is gone";

    fs::rename(dir.path() / "away", slides);
    const auto back = deck_where(reloader, [](const Deck& d) { return d.folder_readable; });
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(picture_colour(*back->find("010-a.md")), "#1E88E5");
}

TEST_F(PictureReload, PaintingNeedsNoFileAtAll) {
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto deck = reloader.take_new_deck();
    fs::remove_all(slides);  // before anything was painted
    EXPECT_EQ(picture_colour(*deck->find("010-a.md")), "#1E88E5") << "the picture comes from the deck's memory";
}

TEST_F(PictureReload, PicturesAreKeptAtTheSizeTheyAreShown) {
    // A 4000×3000 photo in a 1280×720 layout is stored at its box's size, and decoded again
    // (larger) when the window grows.
    ASSERT_TRUE(test::write_solid_picture(slides / "art/photo.jpg", 4000, 3000, kBlue));
    dir.write("slides/010-a.md", picture_slide("art/photo.jpg", "Alpha"));
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto deck = reloader.take_new_deck();
    const Slide& s = *deck->find("010-a.md");
    ASSERT_TRUE(s.image && s.image->pixels);
    const Rect box = compute_regions(kW, kH, s.layout, true).image;
    const Picture& p = *s.image->pixels;
    EXPECT_LE(p.width, box.w);
    EXPECT_LE(p.height, box.h);
    EXPECT_GE(std::max(p.width - box.w, p.height - box.h), -1) << "one side fills the box";
    EXPECT_EQ(p.rgba.size(), static_cast<size_t>(p.width) * p.height * 4);
    std::cout << "[ measured ] 4000x3000 JPEG kept at " << p.width << "x" << p.height << " (" << p.rgba.size() / 1024
              << " KB instead of " << 4000 * 3000 * 4 / 1024 << " KB)\n";

    reloader.set_screen_size(1920, 1080);
    const auto bigger = deck_where(reloader, [](const Deck& d) {
        const Slide* a = d.find("010-a.md");
        return a && a->image && a->image->pixels && a->image->pixels->width > 700;
    });
    ASSERT_NE(bigger, nullptr) << "a new screen size decodes the pictures again";
    const Rect box2 = compute_regions(1920, 1080, s.layout, true).image;
    EXPECT_LE(bigger->find("010-a.md")->image->pixels->width, box2.w);
}

TEST_F(PictureReload, UnchangedPicturesAreSharedAcrossReloads) {
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto first = reloader.take_new_deck();
    dir.write("slides/020-b.md", "# Bravo two\n\nEdited.\n");
    const auto next = deck_where(reloader, [](const Deck& d) { return d.find("020-b.md")->title == "Bravo two"; });
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->find("010-a.md")->image->pixels, first->find("010-a.md")->image->pixels)
        << "an edit to another slide neither decodes this picture again nor holds it twice";
}

TEST_F(PictureReload, TexturesStayBoundedHoweverManySlidesPlay) {
    std::vector<std::shared_ptr<const Slide>> shown;
    for (int i = 0; i < 8; ++i) {
        const std::string art = "art/p" + std::to_string(i) + ".png";
        ASSERT_TRUE(test::write_solid_picture(slides / art, 300 + i, 200, 0x102030u * static_cast<unsigned>(i + 1)));
        dir.write("slides/1" + std::to_string(i) + "-p.md", picture_slide(art, "P" + std::to_string(i)));
    }
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH);
    const auto deck = reloader.take_new_deck();
    ASSERT_GE(deck->slides.size(), 8u);
    sdl::Surface canvas(SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888));
    sdl::Renderer renderer(SDL_CreateSoftwareRenderer(canvas.get()));
    SlideRenderer painter(renderer.get(), *fonts_, config);
    std::size_t most = 0;
    for (int round = 0; round < 3; ++round) {
        for (size_t i = 0; i < deck->slides.size(); ++i) {
            PlayerFrame frame;
            frame.current = deck->slides[i];
            frame.incoming = deck->slides[(i + 1) % deck->slides.size()];
            frame.fade = 0.5f;
            frame.count = static_cast<int>(deck->slides.size());
            painter.draw_frame(frame, LocalTime{}, kW, kH);
            most = std::max(most, painter.cached_textures());
        }
    }
    std::cout << "[ measured ] most textures held: " << most << '\n';
    EXPECT_LE(most, 4u) << "three slide textures (current, incoming, one just replaced) and the picture being painted";
}

// The kiosk's start: only the first picture is decoded before the first frame. The slides whose
// pictures wait are not in that deck at all (nothing can show, fade or browse to them), nothing
// more is loaded until the first frame is shown, and then the whole deck comes, every picture
// decoded. A picture broken meanwhile leaves its slide out: it was never a "last good" version.
TEST_F(PictureReload, FirstPictureOnlyHoldsBackSlidesUntilTheirPicturesAreDecoded) {
    ASSERT_TRUE(test::write_solid_picture(slides / "art/c.png", 400, 300, kRed));
    ASSERT_TRUE(test::write_solid_picture(slides / "art/d.png", 400, 300, kBlue));
    dir.write("slides/030-c.md", picture_slide("art/c.png", "Charlie"));
    dir.write("slides/040-d.md", picture_slide("art/d.png", "Delta"));
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, kW, kH, true);
    const auto first = reloader.take_new_deck();
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(reloader.holding_back());
    std::vector<std::string> names;
    for (const auto& sl : first->slides) {
        names.push_back(sl->file_name);
        if (sl->image) {
            EXPECT_TRUE(sl->image->pixels && !is_waiting_picture(sl->image->pixels))
                << sl->file_name << " is in the first deck without its picture";
        }
    }
    EXPECT_EQ(names, (std::vector<std::string>{"010-a.md", "020-b.md"}))
        << "the first picture and the text-only slide are ready; the other two wait";
    EXPECT_EQ(picture_colour(*first->find("010-a.md")), "#1E88E5") << "the first slide shows with its picture";

    // Nothing is decoded before the first frame: the loader waits for it.
    SDL_Delay(800);
    EXPECT_EQ(reloader.take_new_deck(), nullptr) << "the loader worked before the first frame was shown";
    fs::remove(slides / "art/d.png");
    dir.write("slides/art/d.png", "this is not a PNG");  // broken while its slide waited

    reloader.start_background();
    reloader.start_background();  // the frame loop may say it more than once
    const auto whole = deck_where(reloader, [](const Deck& d) { return d.find("030-c.md") != nullptr; });
    ASSERT_NE(whole, nullptr) << "the held-back slides never came";
    EXPECT_FALSE(reloader.holding_back());
    EXPECT_EQ(picture_colour(*whole->find("030-c.md")), "#E53935") << "decoded on the loader thread";
    EXPECT_EQ(whole->find("040-d.md"), nullptr) << "a slide that never had a picture is not kept as last good";
    const auto* report = report_of(*whole, "040-d.md");
    ASSERT_NE(report, nullptr);
    EXPECT_EQ(report->state, SlideFileState::Rejected) << "rejected, not KeptPrevious";
    for (const auto& sl : whole->slides) {
        if (sl->image) {
            EXPECT_FALSE(is_waiting_picture(sl->image->pixels)) << sl->file_name;
        }
    }
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// The huge-PNG tests rely on this writer making a real, decodable PNG (not just a header).
TEST(TestPictures, BlackPngWriterMakesAPictureSdlImageDecodes) {
    SdlSession sdl(false);
    test::TempDir dir{"kiosk-png"};
    const auto file = dir.path() / "black.png";
    ASSERT_TRUE(test::write_black_png(file, 300, 263));
    sdl::Surface s(IMG_Load(file.c_str()));
    ASSERT_TRUE(s) << IMG_GetError();
    EXPECT_EQ(s->w, 300);
    EXPECT_EQ(s->h, 263);
    const auto* p = static_cast<const std::uint8_t*>(s->pixels);
    EXPECT_EQ(std::count(p, p + s->pitch * s->h, 0), s->pitch * s->h) << "every pixel black";
}

}  // namespace
}  // namespace kiosk
