#include "core/rate_limiter.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, MinimumIntervalBetweenSlips) {
    FakeClock clock;
    RateLimiter limiter(10s, 20);
    EXPECT_TRUE(limiter.allow(clock.steady()));
    limiter.record(clock.steady());
    EXPECT_FALSE(limiter.allow(clock.steady()));
    clock.advance(9s);
    EXPECT_FALSE(limiter.allow(clock.steady())) << "9 s after a slip is too soon";
    EXPECT_EQ(limiter.wait_time(clock.steady()), std::chrono::steady_clock::duration(1s));
    clock.advance(1s);
    EXPECT_TRUE(limiter.allow(clock.steady()));
}

TEST(RateLimiter, HourlyCapSlidesWithTime) {
    FakeClock clock;
    RateLimiter limiter(0s, 3);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(limiter.allow(clock.steady()));
        limiter.record(clock.steady());
        clock.advance(10min);
    }
    // t = 30 min: three slips in the last hour.
    EXPECT_FALSE(limiter.allow(clock.steady()));
    EXPECT_EQ(limiter.wait_time(clock.steady()), std::chrono::steady_clock::duration(30min));
    clock.advance(29min);
    EXPECT_FALSE(limiter.allow(clock.steady()));
    clock.advance(1min);  // the first slip is now an hour old
    EXPECT_TRUE(limiter.allow(clock.steady()));
    limiter.record(clock.steady());
    EXPECT_FALSE(limiter.allow(clock.steady()));
}

TEST(RateLimiter, AWeekOfSteadyUseNeverExceedsTheCap) {
    FakeClock clock;
    RateLimiter limiter(10s, 20);
    std::deque<SteadyTime> printed;
    for (int step = 0; step < 7 * 24 * 360; ++step) {  // a touch every 10 s for a week
        if (limiter.allow(clock.steady())) {
            limiter.record(clock.steady());
            printed.push_back(clock.steady());
        }
        while (!printed.empty() && clock.steady() - printed.front() >= 1h) printed.pop_front();
        ASSERT_LE(printed.size(), 20u);
        clock.advance(10s);
    }
}

TEST(RateLimiter, FromConfigAndNoHourlyCap) {
    PrinterConfig p;
    p.min_seconds_between_slips = 2.5;
    p.max_slips_per_hour = 0;
    RateLimiter limiter = RateLimiter::from_config(p);
    FakeClock clock;
    for (int i = 0; i < 100; ++i) {
        ASSERT_TRUE(limiter.allow(clock.steady())) << "max_slips_per_hour = 0 means no hourly cap";
        limiter.record(clock.steady());
        clock.advance(2s);
        EXPECT_FALSE(limiter.allow(clock.steady()));
        clock.advance(500ms);
    }
}

}  // namespace
}  // namespace kiosk
