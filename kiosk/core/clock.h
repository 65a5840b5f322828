// The kiosk's only source of time. Everything that decides "when" takes a Clock so that tests
// can run a week of looping in a second with FakeClock.
#pragma once

#include <chrono>
#include <ctime>

namespace kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    // Monotonic time for durations, deadlines and timeouts.
    [[nodiscard]] virtual SteadyTime steady() const = 0;
    // Wall-clock time for the footer clock, show windows, slips and daily counters.
    [[nodiscard]] virtual WallTime wall() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] SteadyTime steady() const override { return std::chrono::steady_clock::now(); }
    [[nodiscard]] WallTime wall() const override { return std::chrono::system_clock::now(); }
};

// A clock that moves only when told to. Both time lines advance together.
class FakeClock final : public Clock {
public:
    explicit FakeClock(WallTime start_wall = WallTime{}) : wall_(start_wall) {}
    [[nodiscard]] SteadyTime steady() const override { return steady_; }
    [[nodiscard]] WallTime wall() const override { return wall_; }
    void advance(std::chrono::nanoseconds d) { steady_ += std::chrono::duration_cast<SteadyTime::duration>(d);
                                               wall_ += std::chrono::duration_cast<WallTime::duration>(d); }
    void set_wall(WallTime w) { wall_ = w; }
private:
    SteadyTime steady_{std::chrono::hours(1000)};
    WallTime wall_;
};

// Broken-down local time (the clinic's time zone is the box's TZ).
struct LocalTime {
    int year = 1970, month = 1, day = 1;   // month 1..12
    int weekday = 4;                        // 0 = Sunday .. 6 = Saturday
    int hour = 0, minute = 0, second = 0;
};

[[nodiscard]] LocalTime to_local(WallTime t);
// Inverse of to_local for building test times and show-window boundaries (uses mktime, so DST-aware).
[[nodiscard]] WallTime from_local(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);

}  // namespace kiosk
