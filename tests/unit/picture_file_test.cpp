// Reading a picture file safely, with real files: a pipe, a folder or a link out of the slides
// folder is refused at once (never opened for a blocking read), a file over the byte limit is
// refused before it is read, and a picture's header is checked from the bytes in memory.
#include "core/picture_file.h"
#include "core/image_probe.h"
#include "core/picture.h"
#include "core/slide_parser.h"

#include "support/temp_dir.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Runs `read` with a deadline: a read that blocks on a pipe fails the test instead of hanging it.
PictureFile read_within(const fs::path& file, const fs::path& dir, std::uintmax_t max = kMaxPictureFileBytes) {
    auto task = std::async(std::launch::async, [=] { return read_picture_file(file, dir, max); });
    if (task.wait_for(5s) != std::future_status::ready) {
        ADD_FAILURE() << "reading " << file << " blocked";
        const int fd = ::open(file.c_str(), O_WRONLY | O_NONBLOCK);  // let a blocked open return
        if (fd >= 0) ::close(fd);
    }
    return task.get();
}

class PictureFileTest : public ::testing::Test {
protected:
    test::TempDir root{"kiosk-picture-file"};
    fs::path slides = root.path() / "slides";
    void SetUp() override { fs::create_directories(slides / "art"); }
};

TEST_F(PictureFileTest, ReadsARegularFileWhole) {
    const std::string bytes(100000, 'x');
    root.write("slides/art/p.png", bytes);
    const PictureFile f = read_within(slides / "art/p.png", slides);
    EXPECT_TRUE(f.ok()) << f.error;
    EXPECT_EQ(f.bytes, bytes);
}

TEST_F(PictureFileTest, APipeIsRefusedWithoutWaitingForAWriter) {
    ASSERT_EQ(::mkfifo((slides / "art/p.png").c_str(), 0644), 0);
    const auto start = std::chrono::steady_clock::now();
    const PictureFile f = read_within(slides / "art/p.png", slides);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
    EXPECT_FALSE(f.ok());
    EXPECT_NE(f.error.find("pipe"), std::string::npos) << f.error;
    EXPECT_FALSE(f.fix.empty()) << "says what to do";
}

TEST_F(PictureFileTest, AFolderIsRefused) {
    fs::create_directories(slides / "art/p.png");
    const PictureFile f = read_within(slides / "art/p.png", slides);
    EXPECT_NE(f.error.find("folder"), std::string::npos) << f.error;
}

TEST_F(PictureFileTest, LinksMayNotLeaveTheFolder) {
    root.write("private/secret.png", "secret");
    fs::create_symlink(root.path() / "private/secret.png", slides / "art/abs.png");
    fs::create_symlink("../../private/secret.png", slides / "art/rel.png");
    fs::create_symlink("/dev/zero", slides / "art/dev.png");
    for (const char* name : {"art/abs.png", "art/rel.png", "art/dev.png"}) {
        const PictureFile f = read_within(slides / name, slides);
        EXPECT_FALSE(f.ok()) << name;
        EXPECT_NE(f.error.find("outside the slides folder"), std::string::npos) << name << ": " << f.error;
        EXPECT_TRUE(f.bytes.empty()) << "nothing of the outside file is read";
    }
    root.write("slides/art/real.png", "inside");
    fs::create_symlink("real.png", slides / "art/alias.png");
    const PictureFile inside = read_within(slides / "art/alias.png", slides);
    EXPECT_TRUE(inside.ok()) << "a link that stays inside is fine: " << inside.error;
    EXPECT_EQ(inside.bytes, "inside");
}

TEST_F(PictureFileTest, TheByteLimitIsCheckedBeforeReading) {
    root.write("slides/art/p.png", std::string(5000, 'x'));
    const PictureFile f = read_within(slides / "art/p.png", slides, 4096);
    EXPECT_FALSE(f.ok());
    EXPECT_NE(f.error.find("too big"), std::string::npos) << f.error;
    EXPECT_TRUE(f.bytes.empty());
    EXPECT_TRUE(read_within(slides / "art/p.png", slides, 5000).ok()) << "exactly the limit is read";
}

TEST_F(PictureFileTest, AMissingFileSaysSo) {
    const PictureFile f = read_within(slides / "art/none.png", slides);
    EXPECT_FALSE(f.ok());
    EXPECT_NE(f.error.find("cannot be read"), std::string::npos) << f.error;
}

TEST_F(PictureFileTest, TheDigestFollowsTheBytes) {
    EXPECT_EQ(picture_digest("abc"), picture_digest("abc"));
    EXPECT_NE(picture_digest("abc"), picture_digest("abd"));
}

TEST_F(PictureFileTest, TheParserNamesTheImageLineForAPipe) {
    ASSERT_EQ(::mkfifo((slides / "art/p.png").c_str(), 0644), 0);
    const KioskConfig config;
    auto task = std::async(std::launch::async, [&] {
        return parse_slide_text("+++\nimage = \"art/p.png\"\n+++\n# T\n\nText.\n", slides, "slides/010-a.md", config);
    });
    ASSERT_EQ(task.wait_for(5s), std::future_status::ready) << "the parser blocked on the pipe";
    const SlideParseResult r = task.get();
    EXPECT_FALSE(r.slide.has_value());
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0].to_string().rfind("slides/010-a.md:2: error: the image \"art/p.png\" is a pipe", 0), 0u)
        << r.diagnostics[0].to_string();
}

TEST(ProbeImageData, ReadsTheHeaderFromMemory) {
    // 24 bytes of a PNG: signature, IHDR length and type, width 640, height 480.
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0", 24);
    const ImageProbe p = probe_image_data(png, "x.png");
    ASSERT_TRUE(p.image) << p.error;
    EXPECT_EQ(p.image->format, ImageFormat::Png);
    EXPECT_EQ(p.image->width, 640);
    EXPECT_EQ(p.image->height, 480);
    const std::string huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20", 24);  // 20000×20000
    EXPECT_NE(probe_image_data(huge, "x.png").error.find("too large"), std::string::npos);
    const ImageProbe svg = probe_image_data("<svg width=\"80\" height=\"60\"></svg>", "x.svg");
    ASSERT_TRUE(svg.image);
    EXPECT_EQ(svg.image->width, 80);
}

TEST(DownscalePicture, AveragesEveryCoveredPixel) {
    // 4×2 RGBA: left half white, right half black; shrunk to 2×1 each half keeps its colour,
    // shrunk to 1×1 it is the grey average.
    std::vector<std::uint8_t> src;
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 4; ++x) {
            const std::uint8_t v = x < 2 ? 255 : 0;
            src.insert(src.end(), {v, v, v, 255});
        }
    }
    const Picture half = downscale_picture(src.data(), 4, 2, 16, 4, 2, 1);
    ASSERT_EQ(half.width, 2);
    ASSERT_EQ(half.height, 1);
    EXPECT_EQ(half.rgba, (std::vector<std::uint8_t>{255, 255, 255, 255, 0, 0, 0, 255}));
    const Picture one = downscale_picture(src.data(), 4, 2, 16, 4, 1, 1);
    EXPECT_EQ(one.rgba[0], 128);
    EXPECT_EQ(one.rgba[3], 255);
}

TEST(DownscalePicture, TransparentPixelsDoNotDarkenTheColour) {
    const std::uint8_t src[] = {255, 0, 0, 255, 0, 0, 0, 0};  // red, then fully transparent black
    const Picture p = downscale_picture(src, 2, 1, 8, 4, 1, 1);
    EXPECT_EQ(p.rgba, (std::vector<std::uint8_t>{255, 0, 0, 128})) << "half-transparent red, not dark red";
}

TEST(DownscalePicture, RgbSourcesAndNoUpscaling) {
    const std::uint8_t src[] = {10, 20, 30, 40, 50, 60};  // 2×1 RGB
    const Picture p = downscale_picture(src, 2, 1, 6, 3, 10, 10);
    EXPECT_EQ(p.width, 2) << "never made larger than the source";
    EXPECT_EQ(p.height, 1);
    EXPECT_EQ(p.rgba, (std::vector<std::uint8_t>{10, 20, 30, 255, 40, 50, 60, 255}));
}

}  // namespace
}  // namespace kiosk
