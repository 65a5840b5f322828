// The slides folder as the web page changes it, with real files in a temporary folder, and the
// kiosk's own deck loader reading the result.
#include "web/slide_store.h"
#include "core/config.h"
#include "core/deck.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using kiosk::test::read_file;
using kiosk::test::TempDir;
using namespace kiosk;
using namespace kiosk::web;

namespace {

const char* kGood = "+++\nlayout = \"text-only\"\n+++\n# Good title\n\nSome words here.\n";

std::vector<std::string> loaded_names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& s : load_deck(dir, {}).slides) out.push_back(s->file_name);
    return out;
}

std::string png_bytes(int w, int h) {
    // A PNG header is all the probe reads: signature, IHDR length/type, width, height.
    std::string s = "\x89PNG\r\n\x1a\n";
    s += std::string("\0\0\0\x0dIHDR", 8);
    for (int v : {w, h}) {
        s += static_cast<char>((v >> 24) & 0xFF);
        s += static_cast<char>((v >> 16) & 0xFF);
        s += static_cast<char>((v >> 8) & 0xFF);
        s += static_cast<char>(v & 0xFF);
    }
    s += std::string("\x08\x06\0\0\0", 5);
    s += std::string(4, '\0');  // CRC (not checked by the probe)
    s += std::string(64, '\0');
    return s;
}

struct Folder {
    TempDir tmp{"web-store"};
    SlideStore store{tmp.path(), KioskConfig{}};
    Folder() {
        tmp.write("010-first.md", kGood);
        tmp.write("020-second.md", "# Second\n\nMore words.\n");
        tmp.write("030-third.md", "# Third\n\nEven more words.\n");
    }
};

}  // namespace

TEST(SlideStore, ListsEverySlideInPlayOrderWithItsStatus) {
    Folder f;
    f.tmp.write("025-broken.md", "+++\nlayout = \"sideways\"\n+++\n# Broken\n\ntext\n");
    f.tmp.write("027-later.md", "+++\n[show]\nfrom = 2099-01-01\n+++\n# Later\n\ntext words\n");
    const auto list = f.store.list(to_local(std::chrono::system_clock::now()));
    ASSERT_EQ(list.size(), 5u);
    EXPECT_EQ(list[0].name, "010-first.md");
    EXPECT_EQ(list[0].status, SlideStatus::Playing);
    EXPECT_EQ(list[0].title, "Good title");
    EXPECT_GT(list[0].duration_seconds, 0);
    EXPECT_EQ(list[0].show_window, "always");
    EXPECT_EQ(list[2].name, "025-broken.md");
    EXPECT_EQ(list[2].status, SlideStatus::Problems) << "a slide kiosk check rejects has problems";
    ASSERT_FALSE(list[2].messages.empty());
    EXPECT_NE(list[2].messages[0].find("line 2: "), std::string::npos) << list[2].messages[0];
    EXPECT_EQ(list[3].status, SlideStatus::Scheduled);
    EXPECT_EQ(list[3].show_window, "from 2099-01-01");
}

TEST(SlideStore, SaveChecksFirstAndWritesAtomically) {
    Folder f;
    const SlideText before = f.store.read("010-first.md");
    ASSERT_TRUE(before.error.empty()) << before.error;
    EXPECT_EQ(before.text, kGood);

    const SaveResult bad = f.store.save("010-first.md", "+++\nduration = \"long\"\n+++\n# T\n\nx\n", before.etag);
    EXPECT_EQ(bad.outcome, SaveResult::Outcome::Rejected);
    ASSERT_FALSE(bad.diagnostics.empty());
    EXPECT_EQ(bad.diagnostics[0].line, 2);
    EXPECT_EQ(read_file(f.tmp.path() / "010-first.md"), kGood) << "a rejected slide is not written";

    const std::string next = "# New title\n\nNew words.\n";
    const SaveResult ok = f.store.save("010-first.md", next, before.etag);
    ASSERT_EQ(ok.outcome, SaveResult::Outcome::Saved) << ok.message;
    EXPECT_EQ(read_file(f.tmp.path() / "010-first.md"), next);
    EXPECT_EQ(ok.etag, f.store.read("010-first.md").etag);
    for (const auto& e : fs::directory_iterator(f.tmp.path())) {
        EXPECT_EQ(e.path().filename().string().find(".web-"), std::string::npos) << "temp file left behind";
    }
}

TEST(SlideStore, SecondEditorsSaveIsRefusedNotSilentlyOverwritten) {
    Folder f;
    const std::string etag = f.store.read("020-second.md").etag;
    ASSERT_EQ(f.store.save("020-second.md", "# From A\n\nwords\n", etag).outcome, SaveResult::Outcome::Saved);
    const SaveResult b = f.store.save("020-second.md", "# From B\n\nwords\n", etag);
    EXPECT_EQ(b.outcome, SaveResult::Outcome::Conflict);
    EXPECT_NE(b.message.find("changed by someone else"), std::string::npos);
    EXPECT_NE(b.message.find("reload"), std::string::npos);
    EXPECT_EQ(read_file(f.tmp.path() / "020-second.md"), "# From A\n\nwords\n");
}

TEST(SlideStore, NamesCannotLeaveTheSlidesFolder) {
    TempDir outside("web-outside");
    outside.write("secret.md", "# Secret\n\nno\n");
    Folder f;
    fs::create_symlink(outside.path() / "secret.md", f.tmp.path() / "050-link.md");
    for (const std::string name : {"../secret.md", "/etc/passwd", "..%2fsecret.md", "sub/../x.md", ".hidden.md",
                                   "a/b.md", "..\\secret.md", "050-link.md"}) {
        const SlideText t = f.store.read(name);
        EXPECT_FALSE(t.error.empty()) << name;
        EXPECT_TRUE(t.text.empty()) << name;
        EXPECT_NE(f.store.save(name, "# X\n\nwords\n", t.etag).outcome, SaveResult::Outcome::Saved) << name;
        if (name != "050-link.md") {
            EXPECT_NE(f.store.remove(name).outcome, SaveResult::Outcome::Saved) << name;
        }
    }
    EXPECT_EQ(read_file(outside.path() / "secret.md"), "# Secret\n\nno\n");
}

TEST(SlideStore, RemovedAndSwitchedOffSlidesAreSkippedByTheKiosksLoaderAndComeBack) {
    Folder f;
    ASSERT_EQ(f.store.set_enabled("020-second.md", false).outcome, SaveResult::Outcome::Saved);
    const SaveResult removed = f.store.remove("030-third.md");
    ASSERT_EQ(removed.outcome, SaveResult::Outcome::Saved) << removed.message;
    EXPECT_EQ(loaded_names(f.tmp.path()), std::vector<std::string>{"010-first.md"});
    EXPECT_TRUE(fs::exists(f.tmp.path() / "removed" / "030-third.md"));
    EXPECT_EQ(f.store.removed(), std::vector<std::string>{"030-third.md"});
    const auto list = f.store.list(LocalTime{});
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].status, SlideStatus::Off);
    EXPECT_EQ(list[1].title, "Second");

    ASSERT_EQ(f.store.set_enabled("020-second.md.off", true).outcome, SaveResult::Outcome::Saved);
    ASSERT_EQ(f.store.restore("030-third.md").outcome, SaveResult::Outcome::Saved);
    EXPECT_EQ(loaded_names(f.tmp.path()), (std::vector<std::string>{"010-first.md", "020-second.md", "030-third.md"}));
}

TEST(SlideStore, ABrokenSwitchedOffSlideCannotBeSwitchedOn) {
    Folder f;
    f.tmp.write("040-bad.md.off", "+++\nlayout = 7\n+++\n# Bad\n\nx\n");
    EXPECT_EQ(f.store.set_enabled("040-bad.md.off", true).outcome, SaveResult::Outcome::Rejected);
    EXPECT_TRUE(fs::exists(f.tmp.path() / "040-bad.md.off"));
}

TEST(SlideStore, ReorderRewritesTheNumbers) {
    Folder f;
    ASSERT_EQ(f.store.set_enabled("020-second.md", false).outcome, SaveResult::Outcome::Saved);
    const SaveResult r = f.store.reorder({"030-third.md", "010-first.md", "020-second.md.off"});
    ASSERT_EQ(r.outcome, SaveResult::Outcome::Saved) << r.message;
    EXPECT_EQ(loaded_names(f.tmp.path()), (std::vector<std::string>{"010-third.md", "020-first.md"}));
    EXPECT_TRUE(fs::exists(f.tmp.path() / "030-second.md.off"));
    EXPECT_EQ(read_file(f.tmp.path() / "020-first.md"), kGood) << "contents travel with their names";

    ASSERT_EQ(f.store.move("020-first.md", -1).outcome, SaveResult::Outcome::Saved);
    EXPECT_EQ(loaded_names(f.tmp.path()), (std::vector<std::string>{"010-first.md", "020-third.md"}));
    EXPECT_EQ(f.store.reorder({"010-first.md"}).outcome, SaveResult::Outcome::Failed)
        << "an order that misses slides is refused";
}

TEST(SlideStore, AddTakesTheLayoutOfAnExistingSlide) {
    Folder f;
    const SaveResult r = f.store.add_from("010-first.md", "Flu shots are here");
    ASSERT_EQ(r.outcome, SaveResult::Outcome::Saved) << r.message;
    EXPECT_EQ(r.name, "040-flu-shots-are-here.md");
    const std::string text = read_file(f.tmp.path() / r.name);
    EXPECT_NE(text.find("layout = \"text-only\""), std::string::npos) << text;
    EXPECT_NE(text.find("# Flu shots are here"), std::string::npos) << text;
    EXPECT_EQ(loaded_names(f.tmp.path()).back(), r.name);
    EXPECT_EQ(f.store.add_from("010-first.md", "  ").outcome, SaveResult::Outcome::Failed);
}

TEST(SlideStore, UploadChecksThePictureByContent) {
    Folder f;
    const UploadResult ok = f.store.upload_picture("My Poster.PNG", png_bytes(800, 600));
    ASSERT_EQ(ok.status, 200) << ok.message;
    EXPECT_EQ(ok.picture, "art/my-poster.png");
    EXPECT_TRUE(fs::exists(f.tmp.path() / "art" / "my-poster.png"));

    const UploadResult text = f.store.upload_picture("evil.png", "<html>not a picture</html>");
    EXPECT_EQ(text.status, 415);
    EXPECT_NE(text.message.find("not a picture"), std::string::npos) << text.message;

    const UploadResult huge = f.store.upload_picture("big.png", png_bytes(20000, 20000));
    EXPECT_EQ(huge.status, 413);
    EXPECT_NE(huge.message.find("8192"), std::string::npos) << "the limit is stated: " << huge.message;

    const UploadResult heavy = f.store.upload_picture("big.png", std::string(33u * 1024 * 1024, 'x'));
    EXPECT_EQ(heavy.status, 413);
    EXPECT_NE(heavy.message.find("32 MB"), std::string::npos) << heavy.message;

    const UploadResult traversal = f.store.upload_picture("../../etc/x.png", png_bytes(10, 10));
    ASSERT_EQ(traversal.status, 200);
    EXPECT_EQ(traversal.picture, "art/x.png");
}

namespace {

// kiosk.toml offering Spanish, so the loader pairs translations and warns about a lone one.
KioskConfig spanish_config() {
    return parse_config("[languages]\ndefault = \"en\"\nen = \"English\"\nes = \"Español\"\n", "kiosk.toml").config;
}

// Every file the kiosk's loader reports on (with what it says), and every warning or error it gives.
std::string loader_report(const Deck& deck) {
    std::string out;
    for (const auto& f : deck.files) {
        out += f.file_name + "\n";
        for (const auto& d : f.diagnostics) out += "  " + d.message + "\n";
    }
    return out;
}

struct BilingualFolder {
    TempDir tmp{"web-store-es"};
    KioskConfig config = spanish_config();
    SlideStore store{tmp.path(), config};
    BilingualFolder() {
        tmp.write("010-first.md", kGood);
        tmp.write("010-first.es.md", "# Primero\n\nUnas palabras.\n");
        tmp.write("020-second.md", "# Second\n\nMore words.\n");
        tmp.write("020-second.es.md", "# Segundo\n\nMás palabras.\n");
    }
    [[nodiscard]] Deck deck() const {
        DeckLoadOptions options;
        options.config = &config;
        return load_deck(tmp.path(), options);
    }
    [[nodiscard]] bool has(const std::string& name) const { return fs::exists(tmp.path() / name); }
};

}  // namespace

TEST(SlideStore, SwitchingOffTakesTheTranslationsAlongSoTheKioskShowsNeitherAndWarnsOfNothing) {
    BilingualFolder f;
    const SaveResult off = f.store.set_enabled("020-second.md", false);
    ASSERT_EQ(off.outcome, SaveResult::Outcome::Saved) << off.message;
    EXPECT_TRUE(f.has("020-second.md.off"));
    EXPECT_TRUE(f.has("020-second.es.md.off")) << "the translation is switched off the same way";
    EXPECT_FALSE(f.has("020-second.es.md")) << "no translation is left without its slide";
    const Deck deck = f.deck();
    EXPECT_EQ(deck.slides.size(), 1u);
    EXPECT_EQ(deck.translations.at("es").count("020-second.md"), 0u);
    EXPECT_EQ(loader_report(deck).find("020-second"), std::string::npos)
        << "the kiosk neither shows nor warns about the switched-off slide or its translation:\n"
        << loader_report(deck);
    const auto list = f.store.list(LocalTime{});
    ASSERT_EQ(list.size(), 2u) << "the switched-off translation is listed under its slide, not as a slide";
    EXPECT_EQ(list[1].name, "020-second.md.off");
    EXPECT_EQ(list[1].status, SlideStatus::Off);
    EXPECT_EQ(list[1].translations, std::vector<std::string>{"020-second.es.md.off"});
    EXPECT_TRUE(list[1].switch_on_error.empty()) << list[1].switch_on_error;

    const SaveResult on = f.store.set_enabled("020-second.md.off", true);
    ASSERT_EQ(on.outcome, SaveResult::Outcome::Saved) << on.message;
    EXPECT_TRUE(f.has("020-second.md"));
    EXPECT_TRUE(f.has("020-second.es.md"));
    const Deck back = f.deck();
    EXPECT_EQ(back.slides.size(), 2u);
    ASSERT_EQ(back.translations.at("es").count("020-second.md"), 1u) << "both are back";
    EXPECT_EQ(back.translations.at("es").at("020-second.md")->title, "Segundo");
}

TEST(SlideStore, ASwitchThatCannotRenameEveryFilePutsBackTheOnesDone) {
    BilingualFolder f;
    f.tmp.write("020-second.de.md", "# Zweite\n\nMehr Worte.\n");
    f.tmp.write("020-second.es.md.off", "# Segundo viejo\n\nOtra vez.\n");  // takes the name es.md would get
    const SaveResult off = f.store.set_enabled("020-second.md", false);
    EXPECT_EQ(off.outcome, SaveResult::Outcome::Failed);
    EXPECT_NE(off.message.find("Not switched off"), std::string::npos) << off.message;
    EXPECT_NE(off.message.find("020-second.es.md.off is already there"), std::string::npos) << off.message;
    EXPECT_NE(off.message.find("Nothing was changed"), std::string::npos) << off.message;
    for (const char* name : {"020-second.md", "020-second.de.md", "020-second.es.md", "020-second.es.md.off"})
        EXPECT_TRUE(f.has(name)) << name << " is as it was";
    EXPECT_FALSE(f.has("020-second.de.md.off")) << "the rename that worked was undone";
    EXPECT_FALSE(f.has("020-second.md.off"));
    EXPECT_EQ(read_file(f.tmp.path() / "020-second.es.md"), "# Segundo\n\nMás palabras.\n");

    // Switching on: the slide goes first, and comes back when its translation cannot follow.
    TempDir tmp("web-store-on");
    tmp.write("030-third.md.off", "# Third\n\nWords.\n");
    tmp.write("030-third.es.md.off", "# Tercero\n\nPalabras.\n");
    tmp.write("030-third.es.md", "# Tercero otro\n\nPalabras.\n");
    SlideStore store(tmp.path(), spanish_config());
    const SaveResult on = store.set_enabled("030-third.md.off", true);
    EXPECT_EQ(on.outcome, SaveResult::Outcome::Failed);
    EXPECT_NE(on.message.find("Not switched on"), std::string::npos) << on.message;
    EXPECT_TRUE(fs::exists(tmp.path() / "030-third.md.off"));
    EXPECT_FALSE(fs::exists(tmp.path() / "030-third.md")) << "undone";
}

TEST(SlideStore, ASwitchedOffSlidesStatusSaysWhetherItWouldSwitchOn) {
    Folder f;
    f.tmp.write("040-bad.md.off", "+++\nlayout = 7\n+++\n# Bad\n\nx\n");
    ASSERT_EQ(f.store.set_enabled("020-second.md", false).outcome, SaveResult::Outcome::Saved);
    const auto list = f.store.list(LocalTime{});
    ASSERT_EQ(list.size(), 4u);
    EXPECT_EQ(list[1].name, "020-second.md.off");
    EXPECT_TRUE(list[1].switch_on_error.empty()) << "a good slide would switch on: " << list[1].switch_on_error;
    ASSERT_EQ(list[3].name, "040-bad.md.off");
    EXPECT_EQ(list[3].status, SlideStatus::Off);
    // The same check as switching on, so the page says beforehand what the refusal would say.
    const SaveResult refused = f.store.set_enabled("040-bad.md.off", true);
    ASSERT_EQ(refused.outcome, SaveResult::Outcome::Rejected);
    ASSERT_FALSE(refused.diagnostics.empty());
    EXPECT_EQ(list[3].switch_on_error, line_message(refused.diagnostics[0]));
    EXPECT_EQ(list[3].switch_on_error.rfind("line 2: ", 0), 0u) << list[3].switch_on_error;
}
