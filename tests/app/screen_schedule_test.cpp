// The touch that wakes a dark screen: SDL's events for one real finger (finger events plus mouse
// copies) are all swallowed, so the button under the finger is not pressed; the next touch is
// an ordinary one. Moves over a dark screen reach nobody. No window needed.
#include "app/screen_schedule.h"
#include "core/config.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

SDL_Event ev(Uint32 type) {
    SDL_Event e{};
    e.type = type;
    return e;
}

DisplayScheduleConfig dark_all_week(double wake_minutes) {
    DisplayScheduleConfig c = parse_config("[display]\nevery_day = \"off\"\n", "k.toml").config.display_schedule;
    c.wake_minutes = wake_minutes;
    return c;
}

TEST(ScreenSchedule, TheWakingTouchPressesNothingTheNextOneDoes) {
    FakeClock clock(from_local(2026, 3, 3, 23, 0));
    std::ostringstream log;
    ScreenSchedule screen(clock, dark_all_week(1), log);
    EXPECT_FALSE(screen.on());
    EXPECT_TRUE(screen.swallow(ev(SDL_MOUSEMOTION))) << "a move over a dark screen reaches nobody";
    EXPECT_TRUE(screen.swallow(ev(SDL_FINGERDOWN))) << "the waking finger";
    EXPECT_TRUE(screen.update()) << "the loop sees the screen light up";
    EXPECT_TRUE(screen.on());
    EXPECT_TRUE(screen.swallow(ev(SDL_MOUSEBUTTONDOWN))) << "SDL's mouse copy of the same finger";
    clock.advance(100ms);
    EXPECT_TRUE(screen.swallow(ev(SDL_FINGERUP)));
    EXPECT_TRUE(screen.swallow(ev(SDL_MOUSEBUTTONUP)));
    clock.advance(600ms);
    EXPECT_FALSE(screen.swallow(ev(SDL_MOUSEMOTION))) << "the waking touch is over";
    EXPECT_FALSE(screen.swallow(ev(SDL_MOUSEBUTTONDOWN))) << "a second touch is an ordinary touch";
    EXPECT_FALSE(screen.swallow(ev(SDL_KEYDOWN))) << "only pointer events are the schedule's business";
}

TEST(ScreenSchedule, WithoutTouchWakeTheDarkScreenSwallowsEveryTouch) {
    FakeClock clock(from_local(2026, 3, 3, 23, 0));
    std::ostringstream log;
    ScreenSchedule screen(clock, dark_all_week(0), log);
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(screen.swallow(ev(SDL_MOUSEBUTTONDOWN)));
        clock.advance(1s);
        EXPECT_TRUE(screen.swallow(ev(SDL_MOUSEBUTTONUP)));
        clock.advance(1s);
    }
    EXPECT_FALSE(screen.gate().screen_on());
}

TEST(ScreenSchedule, DuringOpeningHoursEveryEventPasses) {
    FakeClock clock(from_local(2026, 3, 3, 12, 0));
    std::ostringstream log;
    ScreenSchedule screen(clock, DisplayScheduleConfig{}, log);
    EXPECT_TRUE(screen.on());
    EXPECT_FALSE(screen.swallow(ev(SDL_MOUSEBUTTONDOWN)));
    EXPECT_FALSE(screen.swallow(ev(SDL_MOUSEMOTION)));
    EXPECT_FALSE(screen.update()) << "always on: nothing changes";
}

}  // namespace
}  // namespace kiosk
