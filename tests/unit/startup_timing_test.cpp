// The start-up log line: each step's time from where the previous one ended, and the total.
#include "core/startup_timing.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

TEST(StartupTiming, EachStepIsTimedFromTheEndOfThePreviousOne) {
    FakeClock clock;
    StartupTiming t(clock.steady());
    clock.advance(3ms);
    t.step("config", clock.steady());
    clock.advance(40ms);
    t.step("window", clock.steady());
    clock.advance(20ms);
    t.step("fonts", clock.steady());
    clock.advance(90ms);
    t.step("deck", clock.steady());
    clock.advance(30ms);
    t.step("first frame", clock.steady());
    EXPECT_EQ(t.line(),
              "start-up: config 3 ms, window 40 ms, fonts 20 ms, deck 90 ms, first frame 30 ms; total 183 ms");
    EXPECT_EQ(t.total_ms(), 183);
}

TEST(StartupTiming, PartsOfAMillisecondAddUpInTheTotalNotInEachStep) {
    FakeClock clock;
    StartupTiming t(clock.steady());
    for (int i = 0; i < 4; ++i) {
        clock.advance(1500us);
        t.step("s" + std::to_string(i), clock.steady());
    }
    EXPECT_EQ(t.line(), "start-up: s0 1 ms, s1 1 ms, s2 1 ms, s3 1 ms; total 6 ms")
        << "a step is rounded down on its own; the total is the real time from the start";
}

TEST(StartupTiming, AClockGoingBackCountsAsNoTimeAndNoStepsSaysOnlyTheTotal) {
    FakeClock clock;
    const SteadyTime start = clock.steady();
    StartupTiming none(start);
    EXPECT_EQ(none.line(), "start-up: total 0 ms");
    StartupTiming t(start);
    clock.advance(10ms);
    t.step("window", clock.steady());
    t.step("fonts", start);  // earlier than the last step's end
    EXPECT_EQ(t.line(), "start-up: window 10 ms, fonts 0 ms; total 10 ms") << "never a negative time";
}

}  // namespace
}  // namespace kiosk
