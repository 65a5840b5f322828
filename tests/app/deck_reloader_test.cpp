// The app's reload path with real files: the folder watcher's thread notices a settled change,
// the loader thread builds the new deck, the UI thread takes it. A broken edit keeps the last
// good version; a vanished folder keeps the whole last good deck playing.
#include "app/deck_reloader.h"

#include "support/process.h"
#include "support/temp_dir.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <filesystem>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class DeckReloaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(SDL_Init(SDL_INIT_EVENTS), 0) << SDL_GetError();
        wake_ = SDL_RegisterEvents(1);
        dir.write("slides/010-a.md", "# Alpha\n\nFirst slide.\n");
        dir.write("slides/020-b.md", "# Bravo\n\nSecond slide.\n");
    }
    void TearDown() override { SDL_Quit(); }

    // Waits for the next deck the loader hands over, as the frame loop would.
    std::shared_ptr<const Deck> next_deck(DeckReloader& r) {
        std::shared_ptr<const Deck> deck;
        test::wait_until([&] { return (deck = r.take_new_deck()) != nullptr; }, 5s);
        return deck;
    }

    test::TempDir dir{"kiosk-reloader"};
    fs::path slides = dir.path() / "slides";
    KioskConfig config;
    Uint32 wake_ = 0;
};

TEST_F(DeckReloaderTest, EditsBrokenEditsAndAVanishedFolder) {
    DeckReloader reloader(slides, std::make_shared<const KioskConfig>(config), wake_, 1280, 720);
    const auto first = reloader.take_new_deck();
    ASSERT_NE(first, nullptr) << "the first deck is loaded before the loop starts";
    ASSERT_EQ(first->slides.size(), 2u);

    // An edit shows up, and the loop is woken for it.
    const auto edited_at = std::chrono::steady_clock::now();
    dir.write("slides/020-b.md", "# Bravo two\n\nSecond slide, edited.\n");
    auto deck = next_deck(reloader);
    const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - edited_at);
    std::cout << "[ measured ] edit to new deck: " << latency.count() << " ms\n";
    ASSERT_NE(deck, nullptr) << "an edited slide reaches the frame loop";
    EXPECT_LT(latency, 2000ms) << "changes appear within about a second";
    SDL_PumpEvents();
    EXPECT_GT(SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, wake_, wake_), 0) << "the loader wakes the frame loop";
    SDL_FlushEvent(wake_);
    ASSERT_NE(deck->find("020-b.md"), nullptr);
    EXPECT_EQ(deck->find("020-b.md")->title, "Bravo two");

    // A broken save keeps the last good version on screen, and says why.
    dir.write("slides/020-b.md", "+++\nimage = \n+++\n# Broken\n");
    deck = next_deck(reloader);
    ASSERT_NE(deck, nullptr);
    ASSERT_NE(deck->find("020-b.md"), nullptr) << "the slide keeps playing in its last good version";
    EXPECT_EQ(deck->find("020-b.md")->title, "Bravo two");
    const auto report = std::find_if(deck->files.begin(), deck->files.end(),
                                     [](const SlideFileReport& f) { return f.file_name == "020-b.md"; });
    ASSERT_NE(report, deck->files.end());
    EXPECT_EQ(report->state, SlideFileState::KeptPrevious);
    ASSERT_FALSE(report->diagnostics.empty());
    EXPECT_EQ(report->diagnostics[0].line, 2) << report->diagnostics[0].to_string();

    // The folder disappears (USB stick pulled): the last good deck keeps playing.
    fs::remove_all(slides);
    deck = next_deck(reloader);
    ASSERT_NE(deck, nullptr);
    EXPECT_FALSE(deck->folder_readable);
    EXPECT_EQ(deck->slides.size(), 2u) << "a missing folder never empties the screen";
    EXPECT_FALSE(deck->folder_diagnostics.empty());

    // It comes back with different content: picked up again.
    dir.write("slides/030-c.md", "# Charlie\n\nBack again.\n");
    deck = next_deck(reloader);
    for (int i = 0; deck && deck->slides.size() != 1 && i < 5; ++i) deck = next_deck(reloader);
    ASSERT_NE(deck, nullptr) << "the returning folder is noticed";
    EXPECT_TRUE(deck->folder_readable);
    ASSERT_EQ(deck->slides.size(), 1u);
    EXPECT_EQ(deck->slides[0]->title, "Charlie");
}

}  // namespace
}  // namespace kiosk
