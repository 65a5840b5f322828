// One slide file → Slide. Every bad input a member of staff can produce is rejected with the file
// name, the line (counted from the file's first line, the +++ included) and a hint.
#include "core/slide_parser.h"

#include "core/image_probe.h"
#include "core/reading_time.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>((v >> 16) & 0xFF), static_cast<char>((v >> 8) & 0xFF),
            static_cast<char>(v & 0xFF)};
}

// A PNG signature and IHDR chunk only: enough for the header probe, nothing to decode.
std::string png_header(std::uint32_t width, std::uint32_t height) {
    std::string s = "\x89PNG\r\n\x1a\n";
    s += be32(13) + "IHDR" + be32(width) + be32(height);
    s += std::string{'\x08', '\x06', '\x00', '\x00', '\x00'};  // 8-bit RGBA, no interlace
    s += be32(0);                                                // CRC (not checked by the probe)
    return s;
}

std::string svg(int w, int h) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) + "\" height=\"" +
           std::to_string(h) + "\"><rect width=\"10\" height=\"10\"/></svg>\n";
}

class SlideParser : public ::testing::Test {
protected:
    test::TempDir root{"kiosk-slide"};
    fs::path slides = root.path() / "slides";
    KioskConfig config;

    void SetUp() override {
        fs::create_directories(slides / "art");
        root.write("slides/art/pic.svg", svg(800, 600));
        root.write("slides/art/photo.png", png_header(1920, 1080));
    }

    SlideParseResult parse(const std::string& name, const std::string& content) {
        const auto file = root.write("slides/" + name, content);
        return parse_slide_file(file, slides, "slides/" + name, config);
    }

    // The rejection rule every error shares: no slide, and a diagnostic a person can act on.
    static void expect_rejected(const SlideParseResult& r, const std::string& name, int line,
                                std::string_view message_part) {
        EXPECT_FALSE(r.slide.has_value()) << "a slide with an error is not shown";
        const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::Error && d.message.find(message_part) != std::string::npos;
        });
        std::string all;
        for (const auto& d : r.diagnostics) all += d.to_string() + "\n";
        ASSERT_NE(it, r.diagnostics.end()) << "expected an error about '" << message_part << "', got:\n" << all;
        EXPECT_EQ(it->line, line) << "the error names the line, counting the +++ line: " << it->to_string();
        EXPECT_NE(it->to_string().find("slides/" + name + ":" + std::to_string(line) + ": error: "), std::string::npos)
            << "the printed error starts with file:line: " << it->to_string();
        EXPECT_FALSE(it->hint.empty()) << "the error says what to do: " << it->to_string();
    }
};

TEST_F(SlideParser, EmptyImagePathIsAnError) {
    expect_rejected(parse("030-empty-image.md", "+++\nlayout = \"image-left\"\nimage = \"\"\n+++\n# T\n\nText.\n"),
                    "030-empty-image.md", 3, "image path is empty");
}

TEST_F(SlideParser, ValidSlideIsRead) {
    const auto r = parse("020-massage.md", "+++\nimage = \"art/pic.svg\"\nlayout = \"image-left\"\n+++\n"
                                           "# How massage can help\n\n- Muscles **carefully**\n- Blood flows\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_TRUE(r.diagnostics.empty());
    const Slide& s = *r.slide;
    EXPECT_EQ(s.file_name, "020-massage.md") << "the file name is the slide's key";
    EXPECT_EQ(s.title, "How massage can help");
    EXPECT_EQ(s.body.size(), 2u);
    EXPECT_EQ(s.layout, SlideLayoutKind::ImageLeft);
    ASSERT_TRUE(s.image.has_value());
    EXPECT_EQ(s.image->format, ImageFormat::Svg);
    EXPECT_EQ(s.image->width, 800);
    EXPECT_EQ(s.image->height, 600);
    EXPECT_TRUE(s.image->path.is_absolute()) << "the image path is resolved for the renderer";
    EXPECT_EQ(s.image->path, fs::canonical(slides / "art/pic.svg"));
    EXPECT_TRUE(s.show.always()) << "no [show] table means always";
    EXPECT_FALSE(s.content_hash.empty());
}

TEST_F(SlideParser, PngHeaderSizeIsRead) {
    const auto r = parse("010-a.md", "+++\nimage = \"art/photo.png\"\n+++\n# Title\n\nText.\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_EQ(r.slide->image->format, ImageFormat::Png);
    EXPECT_EQ(r.slide->image->width, 1920);
    EXPECT_EQ(r.slide->image->height, 1080);
}

TEST_F(SlideParser, NoFrontMatterIsATextOnlySlide) {
    const auto r = parse("010-a.md", "# Just words\n\nNothing else.\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_EQ(r.slide->layout, SlideLayoutKind::TextOnly);
    EXPECT_FALSE(r.slide->image.has_value());
}

TEST_F(SlideParser, WindowsLineEndingsAndBomAreAccepted) {
    const auto r = parse("010-a.md", "\xEF\xBB\xBF+++\r\nimage = \"art/pic.svg\"\r\n+++\r\n# Title\r\n\r\nText.\r\n");
    ASSERT_TRUE(r.slide.has_value()) << "a file saved by Windows Notepad is a normal slide";
    EXPECT_EQ(r.slide->title, "Title");
    EXPECT_TRUE(r.slide->image.has_value());
}

TEST_F(SlideParser, PlaceholdersAreReplaced) {
    config.clinic.name = "Harbour Physio";
    config.clinic.phone = "+44 20 7946 0000";
    config.clinic.hours = "Mon-Sat 7-19";
    const auto r = parse("070-call.md", "# Call {clinic}\n\nRing **{phone}** ({hours}). {phone} again.\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_EQ(r.slide->title, "Call Harbour Physio");
    EXPECT_EQ(plain_text(r.slide->body), "Ring +44 20 7946 0000 (Mon-Sat 7-19). +44 20 7946 0000 again.")
        << "every placeholder, in every run, is replaced";
}

TEST_F(SlideParser, DurationDefaultsToReadingTime) {
    const auto r = parse("010-a.md", "# Two words\n\nThree more words.\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_TRUE(r.slide->duration_from_reading_time);
    EXPECT_EQ(r.slide->duration, reading_time(5, config.player.min_slide_seconds, config.player.max_slide_seconds))
        << "with no duration, the slide stays as long as reading its words takes";
}

TEST_F(SlideParser, ExplicitDurationWins) {
    const auto r = parse("010-a.md", "+++\nduration = 3.5\n+++\n# T\n\nText.\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_FALSE(r.slide->duration_from_reading_time);
    EXPECT_EQ(r.slide->duration, 3500ms) << "staff's duration is used as written, even below the reading clamp";
}

TEST_F(SlideParser, ShowTableIsRead) {
    const auto r = parse("010-a.md", "+++\n[show]\nfrom = 2026-01-05\nuntil = \"2026-02-01\"\n"
                                     "days = [\"mon\", \"Wednesday\", \"FRI\"]\nhours = \"09:00-10:30\"\n+++\n# T\n\nText.\n");
    ASSERT_TRUE(r.slide.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
    const ShowWindow& w = r.slide->show;
    EXPECT_EQ(w.from, (CivilDate{2026, 1, 5})) << "a TOML date is read";
    EXPECT_EQ(w.until, (CivilDate{2026, 2, 1})) << "a quoted date is read too";
    EXPECT_EQ(w.days, (1u << 1) | (1u << 3) | (1u << 5)) << "day names in any case and length";
    EXPECT_EQ(w.start_minute, 9 * 60);
    EXPECT_EQ(w.end_minute, 10 * 60 + 30);
}

// ---- Bad inputs: each rejected with file, line and hint ----

TEST_F(SlideParser, FrontMatterSyntaxErrorNamesItsLine) {
    const auto r = parse("020-bad.md", "+++\nimage = \"art/pic.svg\"\nlayout = image-left\n+++\n# T\n\nText.\n");
    expect_rejected(r, "020-bad.md", 3, "not valid");
}

TEST_F(SlideParser, FrontMatterSyntaxErrorLineCountsLeadingBlankLines) {
    const auto r = parse("020-bad.md", "\n\n+++\nimage = \"art/pic.svg\"\n\nduration = = 5\n+++\n# T\n");
    expect_rejected(r, "020-bad.md", 6, "not valid");
}

TEST_F(SlideParser, UnknownKeyIsRejectedWithSuggestion) {
    const auto r = parse("020-bad.md", "+++\nlayout = \"image-left\"\nimgae = \"art/pic.svg\"\n+++\n# T\n\nText.\n");
    expect_rejected(r, "020-bad.md", 3, "imgae");
    EXPECT_NE(r.diagnostics[0].hint.find("Did you mean 'image'"), std::string::npos) << r.diagnostics[0].hint;
}

TEST_F(SlideParser, UnknownKeyInShowIsRejected) {
    const auto r = parse("020-bad.md", "+++\n[show]\nhour = \"09:00-10:00\"\n+++\n# T\n\nText.\n");
    expect_rejected(r, "020-bad.md", 3, "hour");
    EXPECT_NE(r.diagnostics[0].hint.find("'hours'"), std::string::npos) << r.diagnostics[0].hint;
}

TEST_F(SlideParser, BadValuesAreRejected) {
    expect_rejected(parse("a.md", "+++\nlayout = \"image-middle\"\n+++\n# T\n"), "a.md", 2, "layout");
    expect_rejected(parse("b.md", "+++\nduration = \"long\"\n+++\n# T\n"), "b.md", 2, "duration");
    expect_rejected(parse("c.md", "+++\nduration = 1\n+++\n# T\n"), "c.md", 2, "duration");
    expect_rejected(parse("d.md", "+++\n[show]\nhours = \"9-10\"\n+++\n# T\n"), "d.md", 3, "hours");
    expect_rejected(parse("e.md", "+++\n[show]\ndays = [\"someday\"]\n+++\n# T\n"), "e.md", 3, "days");
    expect_rejected(parse("f.md", "+++\n[show]\nfrom = 2026-03-01\nuntil = 2026-02-01\n+++\n# T\n"), "f.md", 4, "until");
    expect_rejected(parse("g.md", "+++\n[show]\nfrom = \"soon\"\n+++\n# T\n"), "g.md", 3, "date");
    expect_rejected(parse("h.md", "+++\nlayout = \"image-only\"\n+++\n# T\n"), "h.md", 2, "no image");
}

TEST_F(SlideParser, MissingImageIsRejected) {
    const auto r = parse("030-a.md", "+++\nlayout = \"image-left\"\nimage = \"art/Pic.svg\"\n+++\n# T\n\nText.\n");
    expect_rejected(r, "030-a.md", 3, "does not exist");
}

TEST_F(SlideParser, GarbageImageIsRejected) {
    std::string noise;
    for (int i = 0; i < 5000; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
    root.write("slides/art/noise.png", noise);
    expect_rejected(parse("030-a.md", "+++\nimage = \"art/noise.png\"\n+++\n# T\n\nText.\n"), "030-a.md", 2,
                    "not a PNG, JPEG or SVG");
}

TEST_F(SlideParser, TruncatedImageIsRejected) {
    root.write("slides/art/cut.png", std::string("\x89PNG\r\n\x1a\n", 8));
    expect_rejected(parse("030-a.md", "+++\nimage = \"art/cut.png\"\n+++\n# T\n\nText.\n"), "030-a.md", 2, "size");
    root.write("slides/art/cut.jpg", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10));
    expect_rejected(parse("031-a.md", "+++\nimage = \"art/cut.jpg\"\n+++\n# T\n\nText.\n"), "031-a.md", 2, "size");
    root.write("slides/art/nosize.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
    expect_rejected(parse("032-a.md", "+++\nimage = \"art/nosize.svg\"\n+++\n# T\n\nText.\n"), "032-a.md", 2, "size");
}

TEST_F(SlideParser, ImageOutsideFolderViaDotDotIsRejected) {
    root.write("secret.svg", svg(100, 100));
    expect_rejected(parse("040-a.md", "+++\nimage = \"../secret.svg\"\n+++\n# T\n\nText.\n"), "040-a.md", 2,
                    "leaves the slides folder");
    // Even a path that would come back inside is refused: '..' is never needed.
    expect_rejected(parse("041-a.md", "+++\nimage = \"art/../art/pic.svg\"\n+++\n# T\n\nText.\n"), "041-a.md", 2,
                    "leaves the slides folder");
}

TEST_F(SlideParser, ImageWithAbsolutePathIsRejected) {
    const std::string abs = (slides / "art/pic.svg").string();
    expect_rejected(parse("040-a.md", "+++\nimage = \"" + abs + "\"\n+++\n# T\n\nText.\n"), "040-a.md", 2,
                    "must be relative");
    expect_rejected(parse("041-a.md", "+++\nimage = \"/etc/passwd\"\n+++\n# T\n\nText.\n"), "041-a.md", 2,
                    "must be relative");
}

TEST_F(SlideParser, ImageSymlinkOutOfFolderIsRejected) {
    fs::create_symlink("/etc/passwd", slides / "art/passwd.svg");
    expect_rejected(parse("040-a.md", "+++\nimage = \"art/passwd.svg\"\n+++\n# T\n\nText.\n"), "040-a.md", 2,
                    "outside the slides folder");
    fs::create_directory_symlink("/etc", slides / "etc");
    expect_rejected(parse("041-a.md", "+++\nimage = \"etc/passwd\"\n+++\n# T\n\nText.\n"), "041-a.md", 2,
                    "outside the slides folder");
}

TEST_F(SlideParser, ImageSymlinkInsideFolderIsAccepted) {
    fs::create_symlink("pic.svg", slides / "art/alias.svg");
    const auto r = parse("040-a.md", "+++\nimage = \"art/alias.svg\"\n+++\n# T\n\nText.\n");
    ASSERT_TRUE(r.slide.has_value()) << "a link that stays inside the slides folder is fine";
    EXPECT_EQ(r.slide->image->path, fs::canonical(slides / "art/pic.svg"));
}

TEST_F(SlideParser, HugePngIsRefusedByItsHeaderFast) {
    const auto file = root.write("slides/art/huge.png", png_header(20000, 20000));
    EXPECT_LT(fs::file_size(file), 64u) << "the test image is a header only: nothing could decode it";
    const auto start = std::chrono::steady_clock::now();
    const auto r = parse("050-a.md", "+++\nimage = \"art/huge.png\"\n+++\n# T\n\nText.\n");
    const auto took = std::chrono::steady_clock::now() - start;
    expect_rejected(r, "050-a.md", 2, "too large");
    EXPECT_NE(r.diagnostics[0].message.find("20000"), std::string::npos) << "the message gives the size";
    EXPECT_LT(took, 200ms) << "the refusal comes from the header, not from decoding 1.6 GB";
    const ImageProbe probe = probe_image(file);
    EXPECT_FALSE(probe.image.has_value());
}

TEST_F(SlideParser, ImageSizeLimitIsOnSidesAndArea) {
    root.write("slides/art/wide.png", png_header(kMaxImageSide + 1, 100));
    EXPECT_FALSE(probe_image(slides / "art/wide.png").image) << "one side over the limit is refused";
    root.write("slides/art/big.png", png_header(5000, 5000));
    EXPECT_FALSE(probe_image(slides / "art/big.png").image) << "an area over the limit is refused";
    root.write("slides/art/ok.png", png_header(4096, 4096));
    EXPECT_TRUE(probe_image(slides / "art/ok.png").image) << "exactly the limit is accepted";
    root.write("slides/art/huge.svg", svg(30000, 30000));
    EXPECT_FALSE(probe_image(slides / "art/huge.svg").image) << "an SVG that declares a huge size is refused";
}

TEST_F(SlideParser, EmptyBodyIsRejected) {
    expect_rejected(parse("060-a.md", "+++\nimage = \"art/pic.svg\"\n+++\n\n   \n"), "060-a.md", 4, "no text");
    expect_rejected(parse("061-a.md", ""), "061-a.md", 1, "no text");
}

TEST_F(SlideParser, ImageOnlySlideNeedsNoText) {
    const auto r = parse("060-a.md", "+++\nimage = \"art/pic.svg\"\nlayout = \"image-only\"\n+++\n");
    EXPECT_TRUE(r.slide.has_value()) << "an image-only slide may have no text";
}

TEST_F(SlideParser, BinaryFileIsRejected) {
    expect_rejected(parse("070-a.md", std::string("# Title\n\nsome\0bytes\n", 20)), "070-a.md", 3, "not a text file");
    expect_rejected(parse("071-a.md", png_header(10, 10)), "071-a.md", 1, "not a text file");
}

TEST_F(SlideParser, NonUtf8FileIsRejectedAtTheLine) {
    // "Café" saved as Latin-1 on line 3.
    const auto r = parse("070-a.md", "# Title\n\nCaf\xE9 open\n");
    expect_rejected(r, "070-a.md", 3, "UTF-8");
}

TEST_F(SlideParser, UnclosedFrontMatterIsRejected) {
    expect_rejected(parse("080-a.md", "+++\nimage = \"art/pic.svg\"\n# Title\n\nText.\n"), "080-a.md", 1,
                    "never closed");
}

TEST_F(SlideParser, OversizedFileIsRejected) {
    const auto r = parse("090-a.md", "# T\n\n" + std::string(kMaxSlideFileBytes + 10, 'a'));
    EXPECT_FALSE(r.slide.has_value()) << "a slide file over 64 KB is a mistake";
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0].file, "slides/090-a.md");
}

TEST_F(SlideParser, MissingTitleAndTooManyWordsAreWarnings) {
    std::string many = "# T\n\n";
    for (int i = 0; i < 70; ++i) many += "word ";
    const auto r = parse("010-a.md", many);
    ASSERT_TRUE(r.slide.has_value()) << "warnings do not reject the slide";
    EXPECT_EQ(r.slide->warnings.size(), 1u) << "too many words is a warning kept on the slide";

    const auto untitled = parse("011-a.md", "No heading here.\n");
    ASSERT_TRUE(untitled.slide.has_value());
    ASSERT_EQ(untitled.diagnostics.size(), 1u);
    EXPECT_EQ(untitled.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(untitled.diagnostics[0].line, 1);
}

TEST_F(SlideParser, ContentHashFollowsTheTextAndTheImage) {
    const std::string text = "+++\nimage = \"art/pic.svg\"\n+++\n# T\n\nText.\n";
    const auto a = parse("010-a.md", text);
    const auto b = parse("010-a.md", text);
    ASSERT_TRUE(a.slide && b.slide);
    EXPECT_EQ(a.slide->content_hash, b.slide->content_hash) << "the same file hashes the same";
    const auto c = parse("010-a.md", text + "More.\n");
    EXPECT_NE(a.slide->content_hash, c.slide->content_hash) << "an edit changes the hash";
    root.write("slides/art/pic.svg", svg(800, 601) + "<!-- changed -->");
    const auto d = parse("010-a.md", text);
    EXPECT_NE(a.slide->content_hash, d.slide->content_hash) << "a new picture changes the hash";
}

}  // namespace
}  // namespace kiosk
