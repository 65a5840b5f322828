// When the waiting-room screen is on: a weekly timetable from kiosk.toml's [display] section
// (windows per weekday, a window may run past midnight into the next day) plus a touch that
// wakes a dark screen for a few minutes. Pure logic over a Clock, so a test can run a week.
#pragma once

#include "clock.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Minutes after the day's midnight. end may exceed 24*60: "22:00-02:00" is {1320, 1560}, on
// until 02:00 of the next day.
struct OnWindow {
    int start = 0;
    int end = 24 * 60;
    friend bool operator==(const OnWindow&, const OnWindow&) = default;
};

struct DisplaySchedule {
    // Index 0 = Sunday .. 6 = Saturday (LocalTime::weekday). A day with no windows starts no window;
    // it can still be lit early in the morning by the previous day's window running past midnight.
    std::array<std::vector<OnWindow>, 7> days{};
    bool always_on = true;  // no [display] timetable: the screen never goes dark

    [[nodiscard]] static DisplaySchedule always() { return {}; }
    [[nodiscard]] bool on_at(const LocalTime& t) const;
    // The first moment after `now` when on_at changes, within the coming 8 days; none if it never does.
    [[nodiscard]] std::optional<WallTime> next_change(WallTime now) const;
    friend bool operator==(const DisplaySchedule&, const DisplaySchedule&) = default;
};

// "07:30-19:00" → the window, or an error sentence for staff. "22:00-02:00" crosses midnight.
[[nodiscard]] std::optional<OnWindow> parse_on_window(const std::string& text, std::string* error);

struct DisplayScheduleConfig {
    DisplaySchedule schedule;
    double wake_minutes = 5;       // a touch on the dark screen lights it this long; 0 = touches stay dark
    bool power_off_screen = true;  // also put the screen itself in standby (HDMI-CEC, DPMS) when dark
    friend bool operator==(const DisplayScheduleConfig&, const DisplayScheduleConfig&) = default;
};

// Why the screen is lit or dark, for the log, the status file and the loop.
enum class DisplayReason { Schedule, Touch, Off };
[[nodiscard]] const char* to_string(DisplayReason r);

// The schedule plus touch-wake, against a clock. Not thread-safe: the frame loop owns it.
class DisplayGate {
public:
    DisplayGate(const Clock& clock, DisplayScheduleConfig config) : clock_(clock), config_(std::move(config)) {}
    [[nodiscard]] bool screen_on() const { return reason() != DisplayReason::Off; }
    [[nodiscard]] DisplayReason reason() const;
    // A finger on the screen. On a dark screen it wakes it (returns true: the touch only woke the
    // screen and must not press anything); on a woken screen it keeps it lit a while longer.
    bool touch();
    // When screen_on() may next change, so the loop can sleep until then.
    [[nodiscard]] std::optional<SteadyTime> next_deadline() const;
    // The wall-clock time of the next scheduled change, for the status file.
    [[nodiscard]] std::optional<WallTime> next_scheduled_change() const;
    void set_config(DisplayScheduleConfig config) { config_ = std::move(config); }
    [[nodiscard]] const DisplayScheduleConfig& config() const { return config_; }

private:
    const Clock& clock_;
    DisplayScheduleConfig config_;
    std::optional<SteadyTime> woken_until_;
};

}  // namespace kiosk
