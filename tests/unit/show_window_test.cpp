// When a slide may appear: dates inclusive at both ends, a days-of-week mask, and a daily time
// range whose end is exclusive and which may cross midnight.
#include "core/show_window.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

// 2026-03-02 is a Monday.
LocalTime at(int year, int month, int day, int hour = 12, int minute = 0) {
    return to_local(from_local(year, month, day, hour, minute));
}

constexpr std::uint8_t bit(int weekday) { return static_cast<std::uint8_t>(1u << weekday); }

TEST(ShowWindow, DefaultAlwaysAllows) {
    const ShowWindow w;
    EXPECT_TRUE(w.always());
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 0, 0)));
    EXPECT_TRUE(w.allows(at(2026, 3, 8, 23, 59)));
}

TEST(ShowWindow, LocalTimeHelpersRoundTrip) {
    const LocalTime t = at(2026, 3, 2, 9, 30);
    EXPECT_EQ(t.year, 2026);
    EXPECT_EQ(t.month, 3);
    EXPECT_EQ(t.day, 2);
    EXPECT_EQ(t.hour, 9);
    EXPECT_EQ(t.minute, 30);
    EXPECT_EQ(t.weekday, 1) << "2026-03-02 is a Monday";
}

TEST(ShowWindow, FromAndUntilAreInclusive) {
    ShowWindow w;
    w.from = CivilDate{2026, 3, 2};
    w.until = CivilDate{2026, 3, 4};
    EXPECT_FALSE(w.always());
    EXPECT_FALSE(w.allows(at(2026, 3, 1, 23, 59))) << "the day before 'from' is out";
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 0, 0))) << "'from' day itself is in, from midnight";
    EXPECT_TRUE(w.allows(at(2026, 3, 4, 23, 59))) << "'until' day itself is in, to its last minute";
    EXPECT_FALSE(w.allows(at(2026, 3, 5, 0, 0))) << "the day after 'until' is out";
    EXPECT_FALSE(w.allows(at(2025, 3, 3))) << "the year counts";
    EXPECT_FALSE(w.allows(at(2026, 2, 3))) << "the month counts";
}

TEST(ShowWindow, OpenEndedDates) {
    ShowWindow from_only;
    from_only.from = CivilDate{2026, 3, 2};
    EXPECT_FALSE(from_only.allows(at(2026, 3, 1)));
    EXPECT_TRUE(from_only.allows(at(2030, 1, 1)));
    ShowWindow until_only;
    until_only.until = CivilDate{2026, 3, 2};
    EXPECT_TRUE(until_only.allows(at(2020, 1, 1)));
    EXPECT_FALSE(until_only.allows(at(2026, 3, 3)));
}

TEST(ShowWindow, DaysMask) {
    ShowWindow w;
    w.days = bit(1) | bit(3) | bit(5);  // Mon, Wed, Fri
    EXPECT_TRUE(w.allows(at(2026, 3, 2))) << "Monday is in the mask";
    EXPECT_FALSE(w.allows(at(2026, 3, 3))) << "Tuesday is not";
    EXPECT_TRUE(w.allows(at(2026, 3, 4))) << "Wednesday is";
    EXPECT_TRUE(w.allows(at(2026, 3, 6))) << "Friday is";
    EXPECT_FALSE(w.allows(at(2026, 3, 7))) << "Saturday is not";
    EXPECT_FALSE(w.allows(at(2026, 3, 8))) << "Sunday (bit 0) is not";
    ShowWindow sunday;
    sunday.days = bit(0);
    EXPECT_TRUE(sunday.allows(at(2026, 3, 8))) << "bit 0 is Sunday";
}

TEST(ShowWindow, HoursRangeStartInclusiveEndExclusive) {
    ShowWindow w;
    w.start_minute = 9 * 60;
    w.end_minute = 10 * 60;
    EXPECT_FALSE(w.allows(at(2026, 3, 2, 8, 59)));
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 9, 0))) << "the start minute is in";
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 9, 59)));
    EXPECT_FALSE(w.allows(at(2026, 3, 2, 10, 0))) << "the end minute is out: 09:00-10:00 is one hour";
}

TEST(ShowWindow, RangeToMidnight) {
    ShowWindow w;
    w.start_minute = 18 * 60;
    w.end_minute = 24 * 60;
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 23, 59)));
    EXPECT_FALSE(w.allows(at(2026, 3, 2, 0, 0)));
    EXPECT_FALSE(w.allows(at(2026, 3, 2, 17, 59)));
}

TEST(ShowWindow, OvernightRange) {
    ShowWindow w;
    w.start_minute = 22 * 60;
    w.end_minute = 6 * 60;
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 22, 0))) << "an overnight range starts in the evening";
    EXPECT_TRUE(w.allows(at(2026, 3, 2, 23, 59)));
    EXPECT_TRUE(w.allows(at(2026, 3, 3, 0, 0))) << "and runs past midnight";
    EXPECT_TRUE(w.allows(at(2026, 3, 3, 5, 59)));
    EXPECT_FALSE(w.allows(at(2026, 3, 3, 6, 0))) << "its end is exclusive";
    EXPECT_FALSE(w.allows(at(2026, 3, 3, 12, 0))) << "the middle of the day is out";
    EXPECT_FALSE(w.allows(at(2026, 3, 3, 21, 59)));
}

TEST(ShowWindow, AllConditionsMustHold) {
    ShowWindow w;
    w.from = CivilDate{2026, 3, 1};
    w.until = CivilDate{2026, 3, 31};
    w.days = bit(2);  // Tuesday
    w.start_minute = 9 * 60;
    w.end_minute = 10 * 60;
    EXPECT_TRUE(w.allows(at(2026, 3, 3, 9, 30)));
    EXPECT_FALSE(w.allows(at(2026, 3, 3, 10, 30))) << "right day, wrong hour";
    EXPECT_FALSE(w.allows(at(2026, 3, 4, 9, 30))) << "right hour, wrong day";
    EXPECT_FALSE(w.allows(at(2026, 4, 7, 9, 30))) << "right day and hour, past 'until'";
}

}  // namespace
}  // namespace kiosk
