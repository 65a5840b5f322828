// The display timetable over a whole week with FakeClock: windows per weekday, one that runs past
// midnight, a dark Sunday, a touch at night that lights the screen for a few minutes, and the
// loop's deadlines landing exactly on the changes.
#include "core/display_schedule.h"
#include "core/config.h"

#include <gtest/gtest.h>

#include <vector>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

// 2026-03-02 is a Monday.
WallTime at(int day, int hour, int minute = 0) {
    return from_local(2026, 3, day, hour, minute);
}

// mon-thu 07:30-19:00, fri 18:00-02:00 (a late evening that runs into Saturday),
// sat 08:00-12:00 and 13:00-16:00, sun off.
DisplayScheduleConfig clinic_week(int wake_minutes = 5) {
    const ConfigResult r = parse_config(
        "[display]\n"
        "mon-thu = \"07:30-19:00\"\n"
        "fri = \"18:00-02:00\"\n"
        "sat = \"08:00-12:00, 13:00-16:00\"\n"
        "sun = \"off\"\n"
        "wake_minutes = " +
            std::to_string(wake_minutes) + "\n",
        "kiosk.toml");
    EXPECT_TRUE(r.diagnostics.empty()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
    return r.config.display_schedule;
}

TEST(DisplaySchedule, DefaultIsAlwaysOnAndNeverChanges) {
    const DisplaySchedule s = DisplaySchedule::always();
    for (int day = 2; day <= 8; ++day) {
        EXPECT_TRUE(s.on_at(to_local(at(day, 3))));
        EXPECT_TRUE(s.on_at(to_local(at(day, 23, 59))));
    }
    EXPECT_FALSE(s.next_change(at(2, 12)).has_value());
    EXPECT_TRUE(parse_config("", "k.toml").config.display_schedule.schedule.always_on);
}

TEST(DisplaySchedule, AWeekMinuteByMinuteMatchesTheTimetable) {
    const DisplaySchedule s = clinic_week().schedule;
    // What a person reading the timetable expects, for every minute of Mon 2 .. Sun 8 March.
    auto expected = [](int day, int minute) {
        const int weekday = (day - 1) % 7;  // 1 March 2026 is a Sunday
        if (weekday >= 1 && weekday <= 4) return minute >= 450 && minute < 1140;
        if (weekday == 5) return minute >= 1080;  // Friday from 18:00
        if (weekday == 6) return minute < 120 || (minute >= 480 && minute < 720) || (minute >= 780 && minute < 960);
        return false;  // Sunday dark
    };
    int mismatches = 0;
    for (int day = 2; day <= 8; ++day) {
        for (int minute = 0; minute < 24 * 60; ++minute) {
            const bool on = s.on_at(to_local(at(day, minute / 60, minute % 60)));
            if (on != expected(day, minute) && ++mismatches < 5) {
                ADD_FAILURE() << "March " << day << " " << minute / 60 << ":" << minute % 60 << " on=" << on;
            }
        }
    }
    EXPECT_EQ(mismatches, 0);
}

TEST(DisplaySchedule, NextChangeWalksTheWeekEdgeByEdge) {
    const DisplaySchedule s = clinic_week().schedule;
    std::vector<WallTime> edges;
    WallTime t = at(2, 0, 0);
    while (edges.size() < 14) {
        const auto next = s.next_change(t);
        ASSERT_TRUE(next.has_value());
        edges.push_back(*next);
        t = *next;
    }
    const std::vector<WallTime> want = {at(2, 7, 30), at(2, 19),    at(3, 7, 30), at(3, 19), at(4, 7, 30),
                                        at(4, 19),    at(5, 7, 30), at(5, 19),    at(6, 18), at(7, 2),
                                        at(7, 8),     at(7, 12),    at(7, 13),    at(7, 16)};
    EXPECT_EQ(edges, want) << "Friday's window must run to 02:00 on Saturday, past midnight";
    // After Saturday 16:00, Sunday is dark: the next change is Monday morning.
    EXPECT_EQ(s.next_change(at(7, 16)), at(9, 7, 30));
}

TEST(DisplaySchedule, MidnightWindowEndsOnTheNextDayEvenWhenThatDayIsOff) {
    const ConfigResult r = parse_config("[display]\nevery_day = \"off\"\n", "k.toml");
    DisplaySchedule s = r.config.display_schedule.schedule;
    s.days[6] = {OnWindow{22 * 60, 26 * 60}};  // Saturday 22:00-02:00, Sunday "off"
    EXPECT_TRUE(s.on_at(to_local(at(8, 1, 59)))) << "Sunday 01:59 is still Saturday night's window";
    EXPECT_FALSE(s.on_at(to_local(at(8, 2, 0))));
    EXPECT_FALSE(s.on_at(to_local(at(7, 21, 59))));
}

TEST(DisplayGate, ATouchAtNightLightsTheScreenForWakeMinutes) {
    FakeClock clock(at(3, 23, 0));  // Tuesday night, dark
    DisplayGate gate(clock, clinic_week(5));
    EXPECT_FALSE(gate.screen_on());
    EXPECT_EQ(gate.reason(), DisplayReason::Off);
    // The loop may sleep until 07:30 tomorrow.
    ASSERT_TRUE(gate.next_deadline().has_value());
    EXPECT_EQ(*gate.next_deadline() - clock.steady(), std::chrono::duration_cast<SteadyTime::duration>(8h + 30min));

    EXPECT_TRUE(gate.touch()) << "the touch only woke the screen: it must not press anything";
    EXPECT_TRUE(gate.screen_on());
    EXPECT_EQ(gate.reason(), DisplayReason::Touch);
    EXPECT_EQ(*gate.next_deadline() - clock.steady(), std::chrono::duration_cast<SteadyTime::duration>(5min));

    clock.advance(4min);
    EXPECT_FALSE(gate.touch()) << "on a woken screen a touch is a normal touch";
    clock.advance(4min);
    EXPECT_TRUE(gate.screen_on()) << "the second touch gave five more minutes";
    clock.advance(1min + 1s);
    EXPECT_FALSE(gate.screen_on()) << "dark again five minutes after the last touch";
    EXPECT_EQ(gate.reason(), DisplayReason::Off);
}

TEST(DisplayGate, WakeMinutesZeroKeepsTheNightDark) {
    FakeClock clock(at(3, 23, 0));
    DisplayGate gate(clock, clinic_week(0));
    EXPECT_TRUE(gate.touch()) << "swallowed: nothing may be pressed on a dark screen";
    EXPECT_FALSE(gate.screen_on());
}

TEST(DisplayGate, TouchesDuringOpeningHoursChangeNothing) {
    FakeClock clock(at(2, 12, 0));
    DisplayGate gate(clock, clinic_week());
    EXPECT_FALSE(gate.touch());
    EXPECT_EQ(gate.reason(), DisplayReason::Schedule);
    clock.advance(7h);  // 19:00 Monday: closes although a touch came at noon
    EXPECT_FALSE(gate.screen_on());
}

TEST(DisplayGate, AWholeWeekOfLoopWakeupsLandsOnEveryChange) {
    FakeClock clock(at(2, 0, 0));
    DisplayGate gate(clock, clinic_week());
    int changes = 0;
    bool on = gate.screen_on();
    while (clock.wall() < at(9, 0, 0)) {
        const auto d = gate.next_deadline();
        ASSERT_TRUE(d.has_value());
        clock.advance(*d - clock.steady());
        ASSERT_NE(gate.screen_on(), on) << "woke at " << to_local(clock.wall()).hour << ":"
                                        << to_local(clock.wall()).minute << " with nothing changed";
        on = gate.screen_on();
        ++changes;
    }
    EXPECT_EQ(changes, 15) << "4 weekdays × 2, Friday on, Saturday 02:00 off, 2 Saturday windows × 2, Monday on";
}

}  // namespace
}  // namespace kiosk
