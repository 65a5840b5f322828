// The slide loop over FakeClock: order, durations, crossfades, pause/resume, show windows opening
// and closing, deck swaps under the player, and a week of looping in well under a second.
#include "core/player.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

std::shared_ptr<const Slide> make_slide(const std::string& name, std::chrono::milliseconds duration,
                                        ShowWindow show = {}, const std::string& title = {}) {
    auto s = std::make_shared<Slide>();
    s->file_name = name;
    s->title = title.empty() ? name : title;
    s->duration = duration;
    s->show = show;
    return s;
}

std::shared_ptr<const Deck> make_deck(std::vector<std::shared_ptr<const Slide>> slides) {
    auto d = std::make_shared<Deck>();
    d->slides = std::move(slides);
    return d;
}

ShowWindow hours(int from_h, int to_h) {
    ShowWindow w;
    w.start_minute = from_h * 60;
    w.end_minute = to_h * 60;
    return w;
}

std::string name_of(const std::shared_ptr<const Slide>& s) { return s ? s->file_name : std::string("(none)"); }

class PlayerTest : public ::testing::Test {
protected:
    // Monday 2 March 2026, 12:00 local time.
    FakeClock clock{from_local(2026, 3, 2, 12, 0, 0)};
    PlayerConfig config = [] {
        PlayerConfig c;
        c.transition_seconds = 1.0;
        return c;
    }();
    std::optional<Player> player_storage;

    Player& player() {
        if (!player_storage) player_storage.emplace(clock, config);
        return *player_storage;
    }

    // One step of the app's loop: sleep until the player's next deadline (a frame while fading),
    // then update. Returns the name of the slide fully on screen afterwards.
    std::string step(std::chrono::milliseconds frame = 100ms) {
        const auto deadline = player().next_deadline();
        if (player().in_transition() || !deadline || *deadline <= clock.steady()) {
            clock.advance(frame);
        } else {
            clock.advance(*deadline - clock.steady());
        }
        player().update();
        return name_of(player().frame().current);
    }

    // Steps until a new slide is fully on screen (its crossfade finished); returns it.
    std::string run_to_next_slide() {
        const std::string from = name_of(player().frame().current);
        for (int i = 0; i < 100000; ++i) {
            if (step() != from && !player().in_transition()) return name_of(player().frame().current);
        }
        return "(stuck)";
    }

    std::string wall_hhmm() const {
        const LocalTime t = to_local(clock.wall());
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
        return buf;
    }
};

TEST_F(PlayerTest, FullLoopVisitsEverySlideInOrderAndReturnsToFirst) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 20s),
                                 make_slide("030-c.md", 30s)}));
    EXPECT_EQ(name_of(player().frame().current), "010-a.md") << "the first slide shows as soon as there is a deck";
    EXPECT_EQ(player().slides_started(), 1u);
    std::vector<std::string> seen;
    for (int i = 0; i < 4; ++i) seen.push_back(run_to_next_slide());
    EXPECT_EQ(seen, (std::vector<std::string>{"020-b.md", "030-c.md", "010-a.md", "020-b.md"}))
        << "the loop plays in file-name order and wraps round to the first";
    EXPECT_EQ(player().slides_started(), 5u);
}

TEST_F(PlayerTest, DurationsAreRespected) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 25s)}));
    const SteadyTime t0 = clock.steady();
    clock.advance(10s - 1ms);
    EXPECT_FALSE(player().update()) << "nothing changes before the slide's time is up";
    EXPECT_FALSE(player().in_transition());
    clock.advance(1ms);
    EXPECT_TRUE(player().update()) << "the slide moves on exactly when its time is up";
    EXPECT_TRUE(player().in_transition());
    EXPECT_EQ(clock.steady() - t0, 10s);

    clock.advance(1s);  // the crossfade ends: B is now fully on screen
    player().update();
    ASSERT_FALSE(player().in_transition());
    EXPECT_EQ(name_of(player().frame().current), "020-b.md");
    clock.advance(25s - 1ms);
    EXPECT_FALSE(player().update()) << "the second slide's own duration counts from the end of the fade";
    clock.advance(1ms);
    EXPECT_TRUE(player().update());
    EXPECT_EQ(name_of(player().frame().incoming), "010-a.md");
}

TEST_F(PlayerTest, CrossfadeProgressesFromZeroToOne) {
    config.transition_seconds = 2.0;
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 10s)}));
    clock.advance(10s);
    player().update();
    PlayerFrame f = player().frame();
    ASSERT_TRUE(f.incoming) << "a crossfade starts when the slide's time is up";
    EXPECT_EQ(name_of(f.current), "010-a.md");
    EXPECT_EQ(name_of(f.incoming), "020-b.md");
    EXPECT_FLOAT_EQ(f.fade, 0.0f) << "the fade starts fully on the old slide";
    EXPECT_EQ(player().next_deadline(), clock.steady()) << "while fading, every frame is due";
    float last = 0.0f;
    for (int i = 1; i < 20; ++i) {
        clock.advance(100ms);
        EXPECT_TRUE(player().update()) << "every fading frame differs";
        f = player().frame();
        ASSERT_TRUE(f.incoming);
        EXPECT_GT(f.fade, last) << "the fade only moves forward";
        EXPECT_NEAR(f.fade, i * 0.05f, 1e-4f) << "the fade is linear over transition_seconds";
        last = f.fade;
    }
    clock.advance(100ms);
    player().update();
    f = player().frame();
    EXPECT_FALSE(f.incoming) << "after transition_seconds the fade is over";
    EXPECT_EQ(name_of(f.current), "020-b.md");
    EXPECT_FLOAT_EQ(f.fade, 0.0f);
}

TEST_F(PlayerTest, ZeroTransitionCutsStraightAcross) {
    config.transition_seconds = 0;
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 10s)}));
    clock.advance(10s);
    EXPECT_TRUE(player().update());
    EXPECT_FALSE(player().in_transition()) << "with no transition the next slide appears at once";
    EXPECT_EQ(name_of(player().frame().current), "020-b.md");
}

TEST_F(PlayerTest, NextDeadlineIsTheSlideEndWhenStatic) {
    player().set_deck(make_deck({make_slide("010-a.md", 12s), make_slide("020-b.md", 10s)}));
    const SteadyTime t0 = clock.steady();
    EXPECT_EQ(player().next_deadline(), t0 + 12s) << "a static slide sleeps until its end";
    clock.advance(5s);
    EXPECT_FALSE(player().update());
    EXPECT_EQ(player().next_deadline(), t0 + 12s) << "the deadline does not drift while waiting";
}

TEST_F(PlayerTest, SingleSlideStaysWithoutFading) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s)}));
    clock.advance(10s);
    EXPECT_FALSE(player().update()) << "a deck of one never fades into itself";
    EXPECT_FALSE(player().in_transition());
    EXPECT_EQ(player().next_deadline(), clock.steady() + 10s) << "and sleeps a full slide again";
}

TEST_F(PlayerTest, PauseHoldsAndResumeKeepsRemainingTime) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 10s)}));
    clock.advance(4s);
    player().pause();
    EXPECT_TRUE(player().paused());
    EXPECT_TRUE(player().frame().paused);
    EXPECT_EQ(player().next_deadline(), std::nullopt) << "a paused slide has nothing to wake up for";
    clock.advance(5min);
    EXPECT_FALSE(player().update()) << "a paused slide stays";
    EXPECT_EQ(name_of(player().frame().current), "010-a.md");
    player().resume();
    EXPECT_EQ(player().next_deadline(), clock.steady() + 6s) << "after resuming, the slide gets its remaining 6 s";
    clock.advance(6s - 1ms);
    EXPECT_FALSE(player().update());
    clock.advance(1ms);
    EXPECT_TRUE(player().update());
    EXPECT_TRUE(player().in_transition());
}

TEST_F(PlayerTest, PauseDuringFadeGivesTheNewSlideItsFullTimeOnResume) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 20s)}));
    clock.advance(10s);
    player().update();
    clock.advance(500ms);  // half-way through the fade
    player().pause();
    clock.advance(1min);
    player().update();
    EXPECT_EQ(name_of(player().frame().current), "020-b.md") << "a fade under way completes";
    player().resume();
    EXPECT_EQ(player().next_deadline(), clock.steady() + 20s)
        << "the slide that arrived during the pause has not been read yet: it gets its whole duration";
}

TEST_F(PlayerTest, NextAndPrevious) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 10s),
                                 make_slide("030-c.md", 10s)}));
    player().next();
    EXPECT_EQ(name_of(player().frame().incoming), "020-b.md") << "next fades to the following slide";
    player().next();
    EXPECT_EQ(name_of(player().frame().current), "020-b.md") << "a second tap completes the first fade at once";
    EXPECT_EQ(name_of(player().frame().incoming), "030-c.md");
    player().next();
    EXPECT_EQ(name_of(player().frame().incoming), "010-a.md") << "next wraps round";
    clock.advance(1s);
    player().update();
    player().previous();
    EXPECT_EQ(name_of(player().frame().incoming), "030-c.md") << "previous from the first wraps to the last";
    clock.advance(1s);
    player().update();
    EXPECT_EQ(name_of(player().frame().current), "030-c.md");
    EXPECT_EQ(player().next_deadline(), clock.steady() + 10s) << "a slide reached by hand gets its full time";
}

TEST_F(PlayerTest, ShowWindowOpensAndClosesWhileLooping) {
    clock.set_wall(from_local(2026, 3, 2, 8, 30, 0));
    player().set_deck(make_deck({make_slide("010-a.md", 20s), make_slide("020-nine.md", 20s, hours(9, 10)),
                                 make_slide("030-c.md", 20s)}));
    std::vector<std::string> nine_starts;
    int before = 0, after = 0;
    std::string was = name_of(player().frame().current);
    while (to_local(clock.wall()).hour < 11) {
        const std::string now = step();
        if (now != was) {
            if (now == "020-nine.md") nine_starts.push_back(wall_hhmm());
            else if (to_local(clock.wall()).hour < 9) ++before;
            else if (to_local(clock.wall()).hour >= 10) ++after;
            was = now;
        }
        if (now == "020-nine.md") {
            EXPECT_EQ(to_local(clock.wall()).hour, 9) << "a 09:00-10:00 slide is only ever on screen in that hour, seen at "
                                                      << wall_hhmm();
        }
    }
    EXPECT_GT(before, 0);
    EXPECT_GT(after, 0);
    ASSERT_FALSE(nine_starts.empty()) << "the slide appears once its window opens";
    EXPECT_EQ(nine_starts.front().substr(0, 4), "09:0") << "it joins the loop as soon as its hour starts";
    // 3 slides of 20 s + 1 s fades: in an hour the slide comes round about 58 times.
    EXPECT_GT(nine_starts.size(), 50u);
    EXPECT_LT(nine_starts.size(), 65u);
}

TEST_F(PlayerTest, SlideOnScreenStepsAsideWhenItsWindowCloses) {
    clock.set_wall(from_local(2026, 3, 2, 9, 59, 30));
    player().set_deck(make_deck({make_slide("010-nine.md", 40s, hours(9, 10)), make_slide("020-b.md", 20s)}));
    ASSERT_EQ(name_of(player().frame().current), "010-nine.md");
    EXPECT_EQ(player().frame().count, 2);
    const auto deadline = player().next_deadline();
    ASSERT_TRUE(deadline);
    EXPECT_EQ(*deadline - clock.steady(), 30s) << "a slide with a show window wakes the player when the minute turns";
    clock.advance(30s);
    EXPECT_TRUE(player().update()) << "at 10:00 the slide leaves though its 40 s are not over";
    EXPECT_EQ(name_of(player().frame().incoming), "020-b.md");
    EXPECT_EQ(player().frame().count, 1) << "the progress dots count only slides allowed now";
}

TEST_F(PlayerTest, NothingAllowedMeansNoSlideUntilAWindowOpens) {
    clock.set_wall(from_local(2026, 3, 2, 7, 0, 0));
    player().set_deck(make_deck({make_slide("010-a.md", 10s, hours(8, 9))}));
    EXPECT_FALSE(player().frame().current) << "a slide outside its window is not shown";
    EXPECT_EQ(player().frame().count, 0);
    const auto deadline = player().next_deadline();
    ASSERT_TRUE(deadline) << "the player still wakes up to look for an opening window";
    EXPECT_LE(*deadline - clock.steady(), 60s);
    for (int i = 0; i < 60 && !player().frame().current; ++i) step();
    EXPECT_EQ(name_of(player().frame().current), "010-a.md") << "the slide appears when its window opens";
    EXPECT_EQ(wall_hhmm(), "08:00");
    while (to_local(clock.wall()).hour < 9) step();
    EXPECT_FALSE(player().frame().current) << "and leaves when it closes, with nothing else to show";
}

TEST_F(PlayerTest, EmptyDeckGivesNoCurrentSlide) {
    EXPECT_FALSE(player().frame().current) << "no deck, no slide";
    EXPECT_FALSE(player().update());
    player().set_deck(make_deck({}));
    EXPECT_FALSE(player().update());
    const PlayerFrame f = player().frame();
    EXPECT_FALSE(f.current);
    EXPECT_FALSE(f.incoming);
    EXPECT_EQ(f.count, 0);
    player().next();
    player().previous();
    EXPECT_FALSE(player().frame().current) << "next/previous on an empty deck do nothing";

    player().set_deck(make_deck({make_slide("010-a.md", 10s)}));
    ASSERT_TRUE(player().frame().current);
    player().set_deck(make_deck({}));
    EXPECT_FALSE(player().frame().current) << "emptying the folder takes the last slide off";
    EXPECT_FALSE(player().frame().incoming);
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 10s)}));
    player().next();
    ASSERT_TRUE(player().in_transition());
    player().set_deck(nullptr);
    EXPECT_FALSE(player().frame().incoming) << "a null deck is treated as an empty one";
    clock.advance(1s);
    player().update();
    EXPECT_FALSE(player().frame().current);
}

// ---- Deck swaps with real files, as the folder watcher delivers them ----

class PlayerDeckSwap : public PlayerTest {
protected:
    test::TempDir dir{"kiosk-player"};
    KioskConfig kiosk_config;
    std::shared_ptr<const Deck> reload() {
        DeckLoadOptions o;
        o.config = &kiosk_config;
        o.previous = player().deck();
        return std::make_shared<const Deck>(load_deck(dir.path(), o));
    }
    void write(const std::string& name, const std::string& title) {
        dir.write(name, "+++\nduration = 10\n+++\n# " + title + "\n\nSome text.\n");
    }
};

TEST_F(PlayerDeckSwap, CurrentSlideDeletedMovesToTheNext) {
    write("010-a.md", "A");
    write("020-b.md", "B");
    write("030-c.md", "C");
    player().set_deck(reload());
    ASSERT_EQ(run_to_next_slide(), "020-b.md");
    std::filesystem::remove(dir.path() / "020-b.md");
    player().set_deck(reload());
    ASSERT_TRUE(player().in_transition()) << "the deleted slide fades out rather than vanishing";
    EXPECT_EQ(name_of(player().frame().current), "020-b.md") << "the deleted slide is held while it fades out";
    EXPECT_EQ(name_of(player().frame().incoming), "030-c.md") << "the loop fades to the slide after the deleted one";
    clock.advance(1s);
    player().update();
    EXPECT_EQ(name_of(player().frame().current), "030-c.md") << "the slide after the deleted one takes over";
    EXPECT_EQ(player().frame().count, 2);
    EXPECT_EQ(player().next_deadline(), clock.steady() + 10s) << "and gets its full time";
    EXPECT_EQ(run_to_next_slide(), "010-a.md") << "the loop carries on without the deleted slide";
}

TEST_F(PlayerDeckSwap, DeletingTheLastSlideWrapsToTheFirst) {
    write("010-a.md", "A");
    write("020-b.md", "B");
    player().set_deck(reload());
    ASSERT_EQ(run_to_next_slide(), "020-b.md");
    std::filesystem::remove(dir.path() / "020-b.md");
    player().set_deck(reload());
    clock.advance(1s);
    player().update();
    EXPECT_EQ(name_of(player().frame().current), "010-a.md");
}

TEST_F(PlayerDeckSwap, CurrentSlideEditedShowsTheNewVersionAndKeepsItsPlace) {
    write("010-a.md", "A");
    write("020-b.md", "B version 1");
    write("030-c.md", "C");
    player().set_deck(reload());
    ASSERT_EQ(run_to_next_slide(), "020-b.md");
    clock.advance(3s);
    player().update();
    write("020-b.md", "B version 2");
    player().set_deck(reload());
    const PlayerFrame f = player().frame();
    EXPECT_FALSE(f.incoming) << "an edit is not a slide change: no fade";
    ASSERT_TRUE(f.current);
    EXPECT_EQ(f.current->file_name, "020-b.md") << "the edited slide stays on screen";
    EXPECT_EQ(f.current->title, "B version 2") << "in its new version, at once";
    EXPECT_EQ(run_to_next_slide(), "030-c.md");
}

TEST_F(PlayerDeckSwap, BrokenEditKeepsShowingTheOldVersion) {
    write("010-a.md", "A");
    write("020-b.md", "B version 1");
    player().set_deck(reload());
    ASSERT_EQ(run_to_next_slide(), "020-b.md");
    dir.write("020-b.md", "+++\nimage = \"nope.png\"\n+++\n# B version 2\n");
    player().set_deck(reload());
    ASSERT_TRUE(player().frame().current);
    EXPECT_EQ(player().frame().current->title, "B version 1") << "a rejected edit leaves the good version playing";
    EXPECT_FALSE(player().in_transition());
}

TEST_F(PlayerDeckSwap, NewSlideJoinsTheLoopInOrder) {
    write("010-a.md", "A");
    write("030-c.md", "C");
    player().set_deck(reload());
    write("020-b.md", "B");
    player().set_deck(reload());
    EXPECT_EQ(name_of(player().frame().current), "010-a.md") << "adding a slide does not interrupt the current one";
    EXPECT_EQ(run_to_next_slide(), "020-b.md") << "the new slide plays in its file-name place";
}

// ---- Speed: the injected clock lets a week run in moments ----

// About 40 ms in an optimised build. The sanitizer build (Debug, ASan+UBSan) runs the same loop
// roughly 15x slower, which says nothing about the player, so it gets a proportionally larger budget.
#if defined(__SANITIZE_ADDRESS__)
constexpr auto kWeekBudget = 3s;
#else
constexpr auto kWeekBudget = 500ms;
#endif

TEST_F(PlayerTest, AWeekOfLoopingRunsInWellUnderASecond) {
    config.transition_seconds = 1.2;
    ShowWindow weekday_mornings = hours(8, 12);
    weekday_mornings.days = 0x3E;  // Mon-Fri
    player().set_deck(make_deck({make_slide("010-a.md", 12s), make_slide("020-b.md", 15s),
                                 make_slide("030-c.md", 9s), make_slide("040-d.md", 20s, weekday_mornings),
                                 make_slide("050-e.md", 11s), make_slide("060-f.md", 14s),
                                 make_slide("070-call.md", 18s)}));
    const WallTime start = clock.wall();
    const auto real_start = std::chrono::steady_clock::now();
    std::map<std::string, int> shown;
    std::uint64_t started = player().slides_started();
    while (clock.wall() - start < std::chrono::hours(24 * 7)) {
        // The app's loop: sleep to the deadline, or render fade frames (here 5 per fade).
        const auto deadline = player().next_deadline();
        if (player().in_transition() || !deadline || *deadline <= clock.steady()) {
            clock.advance(240ms);
        } else {
            clock.advance(*deadline - clock.steady());
        }
        player().update();
        if (player().slides_started() != started) {
            started = player().slides_started();
            ++shown[name_of(player().frame().current)];
        }
    }
    const auto real = std::chrono::steady_clock::now() - real_start;
    EXPECT_LT(real, kWeekBudget) << "a week of looping over FakeClock takes well under a second";
    EXPECT_EQ(shown.size(), 7u) << "every slide was shown during the week";
    EXPECT_GT(player().slides_started(), 30000u) << "a week is tens of thousands of slides";
    // The weekday-morning slide appears only in 5 × 4 of the week's 168 hours.
    EXPECT_LT(shown["040-d.md"] * 5, shown["010-a.md"]);
    EXPECT_GT(shown["040-d.md"], 0);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// The app paints upcoming() while the current slide is static: it must be exactly the slide the
// next crossfade brings in, and nothing while a fade runs or when no other slide may show.
TEST_F(PlayerTest, UpcomingIsTheSlideTheNextFadeBringsIn) {
    player().set_deck(make_deck({make_slide("010-a.md", 10s), make_slide("020-b.md", 10s), make_slide("030-c.md", 10s)}));
    EXPECT_EQ(name_of(player().upcoming()), "020-b.md");
    clock.advance(10s);
    ASSERT_TRUE(player().update());
    EXPECT_EQ(name_of(player().frame().incoming), "020-b.md") << "the fade brings in what upcoming() said";
    EXPECT_EQ(player().upcoming(), nullptr) << "nothing to prepare while fading";
    clock.advance(1s);
    player().update();
    EXPECT_EQ(name_of(player().upcoming()), "030-c.md");
    player().set_deck(make_deck({make_slide("020-b.md", 10s)}));
    EXPECT_EQ(player().upcoming(), nullptr) << "a single slide never fades to itself";
}

}  // namespace
}  // namespace kiosk
