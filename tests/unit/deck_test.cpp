// The slides folder as a whole: file-name order, editor scratch files ignored, a broken edit keeps
// the last good version on screen, and the bundled slides load cleanly.
#include "core/deck.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> names(const Deck& deck) {
    std::vector<std::string> out;
    for (const auto& s : deck.slides) out.push_back(s->file_name);
    return out;
}

const SlideFileReport* report(const Deck& deck, const std::string& name) {
    for (const auto& f : deck.files) {
        if (f.file_name == name) return &f;
    }
    return nullptr;
}

std::string slide(const std::string& title) { return "# " + title + "\n\nSome words about it.\n"; }

class DeckTest : public ::testing::Test {
protected:
    test::TempDir dir{"kiosk-deck"};
    KioskConfig config;

    Deck load(const Deck* previous = nullptr) {
        DeckLoadOptions o;
        o.config = &config;
        o.previous = previous;
        o.display_prefix = "slides/";
        return load_deck(dir.path(), o);
    }
};

TEST_F(DeckTest, SlidesComeInFileNameOrder) {
    dir.write("030-c.md", slide("C"));
    dir.write("010-a.md", slide("A"));
    dir.write("100-d.md", slide("D"));
    dir.write("020-b.md", slide("B"));
    const Deck deck = load();
    EXPECT_TRUE(deck.folder_readable);
    EXPECT_EQ(names(deck), (std::vector<std::string>{"010-a.md", "020-b.md", "030-c.md", "100-d.md"}))
        << "slides play in file-name order, whatever order the folder lists them";
    EXPECT_EQ(deck.slides[0]->title, "A");
    EXPECT_EQ(deck.files.size(), 4u);
    for (const auto& f : deck.files) EXPECT_EQ(f.state, SlideFileState::Ok) << f.file_name;
    EXPECT_NE(deck.find("020-b.md"), nullptr);
    EXPECT_EQ(deck.find("999-x.md"), nullptr);
}

TEST_F(DeckTest, EditorTempFilesAreIgnored) {
    dir.write("010-a.md", slide("A"));
    for (const char* junk : {".010-a.md.swp", "010-a.md~", "#010-a.md#", ".#010-a.md", "010-a.md.tmp", "4913",
                             "020-b.md.part", ".~lock.020-b.md#", "._010-a.md", ".hidden.md"}) {
        dir.write(junk, "\x01\x02 not a slide");
    }
    const Deck deck = load();
    EXPECT_EQ(names(deck), std::vector<std::string>{"010-a.md"}) << "scratch files are never slides";
    EXPECT_EQ(deck.files.size(), 1u) << "and are not reported either";
    EXPECT_TRUE(deck.all_diagnostics().empty());
}

TEST_F(DeckTest, NonMarkdownFilesAndFoldersAreIgnored) {
    dir.write("010-a.md", slide("A"));
    dir.write("notes.txt", "to do");
    dir.write("README", "hi");
    dir.write("art/pic.svg", "<svg width=\"1\" height=\"1\"></svg>");
    fs::create_directory(dir.path() / "old.md");
    const Deck deck = load();
    EXPECT_EQ(names(deck), std::vector<std::string>{"010-a.md"}) << "only .md files are slides";
    EXPECT_EQ(deck.files.size(), 1u);
}

TEST_F(DeckTest, WarningsAreReported) {
    dir.write("010-a.md", "No title, just text.\n");
    const Deck deck = load();
    ASSERT_EQ(deck.slides.size(), 1u) << "a slide with warnings still plays";
    EXPECT_EQ(report(deck, "010-a.md")->state, SlideFileState::Warnings);
    ASSERT_EQ(deck.all_diagnostics().size(), 1u);
    EXPECT_EQ(deck.all_diagnostics()[0].file, "slides/010-a.md") << "diagnostics carry the display prefix";
}

TEST_F(DeckTest, BrokenEditKeepsPreviousVersion) {
    dir.write("010-a.md", slide("A"));
    dir.write("020-b.md", slide("B version 1"));
    const Deck first = load();
    ASSERT_EQ(first.slides.size(), 2u);

    dir.write("020-b.md", "+++\nimgae = \"x.svg\"\n+++\n# B version 2\n");
    const Deck second = load(&first);
    EXPECT_EQ(names(second), (std::vector<std::string>{"010-a.md", "020-b.md"}))
        << "a rejected edit does not take the slide off the screen";
    EXPECT_EQ(second.find("020-b.md")->title, "B version 1") << "the last good version keeps playing";
    const SlideFileReport* r = report(second, "020-b.md");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->state, SlideFileState::KeptPrevious);
    ASSERT_FALSE(r->diagnostics.empty()) << "staff still see why the edit was rejected";
    EXPECT_EQ(r->diagnostics[0].file, "slides/020-b.md");
    EXPECT_EQ(r->diagnostics[0].line, 2);
    EXPECT_STREQ(to_string(SlideFileState::KeptPrevious), "rejected, showing last good version");

    // Still broken on the next reload: the kept version survives again.
    const Deck third = load(&second);
    EXPECT_EQ(third.find("020-b.md")->title, "B version 1");
    EXPECT_EQ(report(third, "020-b.md")->state, SlideFileState::KeptPrevious);

    // Fixed: the new version replaces it.
    dir.write("020-b.md", slide("B version 3"));
    const Deck fourth = load(&third);
    EXPECT_EQ(fourth.find("020-b.md")->title, "B version 3");
    EXPECT_EQ(report(fourth, "020-b.md")->state, SlideFileState::Ok);
}

TEST_F(DeckTest, BrandNewBrokenFileIsRejected) {
    dir.write("010-a.md", slide("A"));
    const Deck first = load();
    dir.write("020-new.md", "+++\nimage = \"missing.png\"\n+++\n# New\n");
    const Deck second = load(&first);
    EXPECT_EQ(names(second), std::vector<std::string>{"010-a.md"}) << "a broken new file never shows";
    const SlideFileReport* r = report(second, "020-new.md");
    ASSERT_NE(r, nullptr) << "but it is reported";
    EXPECT_EQ(r->state, SlideFileState::Rejected);
    EXPECT_TRUE(has_errors(r->diagnostics));
    EXPECT_TRUE(has_errors(second.all_diagnostics()));
}

TEST_F(DeckTest, DeletedFileLeavesTheDeck) {
    dir.write("010-a.md", slide("A"));
    dir.write("020-b.md", slide("B"));
    const Deck first = load();
    fs::remove(dir.path() / "020-b.md");
    const Deck second = load(&first);
    EXPECT_EQ(names(second), std::vector<std::string>{"010-a.md"}) << "a deleted slide is not kept";
}

TEST_F(DeckTest, MissingFolder) {
    DeckLoadOptions o;
    o.config = &config;
    const Deck deck = load_deck(dir.path() / "nope", o);
    EXPECT_FALSE(deck.folder_readable);
    EXPECT_TRUE(deck.slides.empty());
    ASSERT_EQ(deck.folder_diagnostics.size(), 1u);
    EXPECT_NE(deck.folder_diagnostics[0].message.find("does not exist"), std::string::npos)
        << deck.folder_diagnostics[0].message;
    EXPECT_TRUE(has_errors(deck.all_diagnostics()));
}

TEST_F(DeckTest, EmptyFolderIsAnEmptyDeck) {
    const Deck deck = load();
    EXPECT_TRUE(deck.folder_readable);
    EXPECT_TRUE(deck.slides.empty());
    EXPECT_TRUE(deck.all_diagnostics().empty());
}

// ---- The slides that ship with the kiosk ----

TEST(BundledDeck, LoadsCleanly) {
    KioskConfig config;
    config.clinic.phone = "+1 212 555 7788";
    config.clinic.name = "Harbour Physio & Rehab";
    DeckLoadOptions o;
    o.config = &config;
    o.display_prefix = "slides/";
    const Deck deck = load_deck(KIOSK_SOURCE_DIR "/slides", o);

    ASSERT_TRUE(deck.folder_readable);
    std::string diags;
    for (const auto& d : deck.all_diagnostics()) diags += d.to_string() + "\n";
    EXPECT_TRUE(diags.empty()) << "every bundled slide loads with no error and no warning:\n" << diags;
    EXPECT_GE(deck.slides.size(), 6u) << "the bundled deck tells the article's story in 6 to 8 slides";
    EXPECT_LE(deck.slides.size(), 8u) << "the bundled deck tells the article's story in 6 to 8 slides";
    EXPECT_EQ(deck.files.size(), deck.slides.size()) << "no bundled file is rejected";
    for (const auto& f : deck.files) EXPECT_EQ(f.state, SlideFileState::Ok) << f.file_name;
    for (const auto& s : deck.slides) {
        EXPECT_FALSE(s->title.empty()) << s->file_name << " has a title";
        EXPECT_TRUE(s->image.has_value()) << s->file_name << " has an illustration";
        EXPECT_FALSE(s->body.empty()) << s->file_name << " has text under its title";
        EXPECT_GE(s->duration.count(), 1000 * config.player.min_slide_seconds) << s->file_name;
    }
    ASSERT_FALSE(deck.slides.empty());
    const Slide& last = *deck.slides.back();
    const std::string text = last.title + "\n" + plain_text(last.body);
    EXPECT_NE(text.find("+1 212 555 7788"), std::string::npos)
        << "the closing slide gives the configured phone number:\n" << text;
    EXPECT_NE(text.find("Harbour Physio & Rehab"), std::string::npos)
        << "the closing slide names the configured clinic:\n" << text;
    EXPECT_EQ(text.find('{'), std::string::npos) << "no placeholder is left unreplaced:\n" << text;
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST(DeckSymlinks, SlideLinkedFromOutsideTheFolderIsRejected) {
    test::TempDir outside{"kiosk-outside"};
    test::TempDir dir{"kiosk-deck"};
    const auto secret = outside.write("secret.md", "# Not for the waiting room\n\nPrivate notes.\n");
    dir.write("010-a.md", "# A\n\nWords.\n");
    std::filesystem::create_symlink(secret, dir.path() / "020-link.md");
    KioskConfig config;
    DeckLoadOptions o;
    o.config = &config;
    o.display_prefix = "slides/";
    const Deck deck = load_deck(dir.path(), o);
    ASSERT_EQ(deck.slides.size(), 1u) << "a slide file that links out of the folder is never shown";
    EXPECT_EQ(deck.slides[0]->file_name, "010-a.md");
    ASSERT_EQ(deck.files.size(), 2u) << "the refused link is still reported";
    EXPECT_EQ(deck.files[1].file_name, "020-link.md");
    EXPECT_EQ(deck.files[1].state, SlideFileState::Rejected);
    ASSERT_FALSE(deck.files[1].diagnostics.empty());
    EXPECT_NE(deck.files[1].diagnostics[0].to_string().find("slides/020-link.md"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
