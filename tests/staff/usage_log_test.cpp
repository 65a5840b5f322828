// The usage counters with a real file on disk and a fake clock.
#include "core/usage_log.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class UsageLogTest : public ::testing::Test {
protected:
    test::TempDir tmp{"kiosk-usage"};
    fs::path file = tmp.path() / "usage.log";
    FakeClock clock{from_local(2026, 11, 25, 9, 14, 3)};
    const LocalDate nov25{2026, 11, 25};
    const LocalDate nov26{2026, 11, 26};
};

TEST_F(UsageLogTest, AppendsOneLinePerEventWithNoPersonalData) {
    {
        UsageLog log(clock, file);
        EXPECT_TRUE(log.persistent());
        EXPECT_EQ(log.warning(), "");
        log.record(UsageEvent::SlideShown, "/home/anna/slides/020-massage.md");
        clock.advance(5s);
        log.record(UsageEvent::ButtonOpened);
        log.record(UsageEvent::SlipPrinted);
        log.record(UsageEvent::CallbackPrinted);
        log.record(UsageEvent::NumberShown);
    }
    EXPECT_EQ(test::read_file(file),
              "2026-11-25T09:14:03 slide_shown 020-massage.md\n"
              "2026-11-25T09:14:08 button_opened\n"
              "2026-11-25T09:14:08 slip_printed\n"
              "2026-11-25T09:14:08 callback_printed\n"
              "2026-11-25T09:14:08 number_shown\n")
        << "only the slide's file name is kept, never its folder (which may name a person)";
}

TEST_F(UsageLogTest, AppendsToAnExistingLogAndCountsTodaysEarlierRuns) {
    {
        UsageLog log(clock, file);
        log.record(UsageEvent::SlideShown, "010-welcome.md");
        log.record(UsageEvent::SlipPrinted);
    }
    clock.advance(1h);
    UsageLog again(clock, file);
    EXPECT_EQ(again.today().count(UsageEvent::SlideShown), 1) << "a restart keeps today's counters";
    again.record(UsageEvent::SlideShown, "010-welcome.md");
    EXPECT_EQ(again.today().count(UsageEvent::SlideShown), 2);
    EXPECT_EQ(again.today().count(UsageEvent::SlipPrinted), 1);
    EXPECT_EQ(again.today().slides_shown.at("010-welcome.md"), 2);
}

TEST_F(UsageLogTest, TotalsPerDay) {
    UsageLog log(clock, file);
    log.record(UsageEvent::SlideShown, "010-welcome.md");
    log.record(UsageEvent::SlideShown, "020-massage.md");
    log.record(UsageEvent::ButtonOpened);
    clock.advance(24h);
    log.record(UsageEvent::SlideShown, "020-massage.md");
    log.record(UsageEvent::NumberShown);
    EXPECT_EQ(log.today().date, nov26) << "today's running total rolls over at midnight";
    EXPECT_EQ(log.today().count(UsageEvent::SlideShown), 1);

    const DailyTotals day1 = log.totals_for(nov25);
    EXPECT_EQ(day1.count(UsageEvent::SlideShown), 2);
    EXPECT_EQ(day1.count(UsageEvent::ButtonOpened), 1);
    EXPECT_EQ(day1.count(UsageEvent::NumberShown), 0);
    EXPECT_EQ(day1.slides_shown.at("020-massage.md"), 1);
    const DailyTotals day2 = log.totals_for(nov26);
    EXPECT_EQ(day2.count(UsageEvent::SlideShown), 1);
    EXPECT_EQ(day2.count(UsageEvent::NumberShown), 1);
    EXPECT_EQ(log.totals_for(LocalDate{2026, 11, 24}).count(UsageEvent::SlideShown), 0);

    const auto read = read_usage_log(file);
    EXPECT_EQ(read.error, "");
    EXPECT_EQ(read.report.days.size(), 2U);
    EXPECT_EQ(read.report.skipped_lines, 0);
}

TEST_F(UsageLogTest, TruncatedLastLineIsSkippedAndTheNextEventStartsAFreshLine) {
    {
        std::ofstream out(file, std::ios::binary);
        out << "2026-11-25T08:00:00 slide_shown 010-welcome.md\n"
               "2026-11-25T08:00:10 slide_sh";   // power cut mid-write
    }
    const auto before = read_usage_log(file);
    EXPECT_EQ(before.report.days.at(nov25).count(UsageEvent::SlideShown), 1);
    EXPECT_EQ(before.report.skipped_lines, 1);

    UsageLog log(clock, file);
    EXPECT_EQ(log.today().count(UsageEvent::SlideShown), 1);
    log.record(UsageEvent::ButtonOpened);
    const auto after = read_usage_log(file);
    EXPECT_EQ(after.report.days.at(nov25).count(UsageEvent::ButtonOpened), 1)
        << "the new event must not be glued onto the torn line";
    EXPECT_EQ(after.report.skipped_lines, 1);
}

TEST_F(UsageLogTest, GarbageLinesAreSkippedNotFatal) {
    {
        std::ofstream out(file, std::ios::binary);
        out << "hello\n"
               "\n"
               "2026-13-25T08:00:00 slide_shown x.md\n"
               "2026-11-25T08:00:00 unknown_event\n"
               "2026-11-25 08:00:00 slide_shown x.md\n"
               << std::string("\0\0\0\0", 4) << "\n"
               "2026-11-25T08:00:01 number_shown\n";
    }
    const auto read = read_usage_log(file);
    EXPECT_EQ(read.report.skipped_lines, 5);
    EXPECT_EQ(read.report.days.at(nov25).count(UsageEvent::NumberShown), 1);
}

TEST_F(UsageLogTest, UnwritablePathKeepsCountingInMemoryWithAWarning) {
    // A path under a regular file can never be created, even by root.
    const fs::path blocker = tmp.write("not-a-folder", "x");
    UsageLog log(clock, blocker / "usage.log");
    EXPECT_FALSE(log.persistent());
    EXPECT_NE(log.warning(), "");
    EXPECT_NE(log.warning().find("memory"), std::string::npos) << log.warning();
    log.record(UsageEvent::SlideShown, "010-welcome.md");
    log.record(UsageEvent::SlipPrinted);
    EXPECT_EQ(log.today().count(UsageEvent::SlideShown), 1);
    EXPECT_EQ(log.totals_for(nov25).count(UsageEvent::SlipPrinted), 1) << "unwritten events still count";
}

TEST_F(UsageLogTest, WriteFailureLaterFallsBackToMemory) {
    // /dev/full accepts open() but every write fails with ENOSPC: a disk that filled up.
    UsageLog log(clock, "/dev/full");
    ASSERT_TRUE(log.persistent());
    log.record(UsageEvent::ButtonOpened);
    EXPECT_FALSE(log.persistent());
    EXPECT_NE(log.warning(), "");
    log.record(UsageEvent::ButtonOpened);
    EXPECT_EQ(log.today().count(UsageEvent::ButtonOpened), 2);
}

TEST_F(UsageLogTest, MissingFileIsAnErrorForTheReader) {
    const auto read = read_usage_log(tmp.path() / "nope.log");
    EXPECT_NE(read.error, "");
    EXPECT_TRUE(read.report.days.empty());
}

TEST_F(UsageLogTest, ReadingSinceADayOnlyReadsTheTailButCountsCorrectly) {
    // Enough history that the tail reader has to widen its window several times.
    {
        std::ofstream out(file, std::ios::binary);
        for (int day = 1; day <= 25; ++day) {
            for (int i = 0; i < 3000; ++i) {
                char line[80];
                std::snprintf(line, sizeof line, "2026-11-%02dT10:%02d:%02d slide_shown %03d-slide.md\n", day,
                              (i / 60) % 60, i % 60, i % 7);
                out << line;
            }
        }
    }
    const auto since24 = read_usage_log(file, LocalDate{2026, 11, 24});
    EXPECT_EQ(since24.report.days.size(), 2U);
    EXPECT_EQ(since24.report.days.at(LocalDate{2026, 11, 24}).count(UsageEvent::SlideShown), 3000);
    EXPECT_EQ(since24.report.days.at(nov25).count(UsageEvent::SlideShown), 3000);
    const auto all = read_usage_log(file);
    EXPECT_EQ(all.report.days.size(), 25U);
}

TEST(LocalDateTest, CalendarArithmetic) {
    EXPECT_EQ((LocalDate{2026, 12, 31}.plus_days(1)), (LocalDate{2027, 1, 1}));
    EXPECT_EQ((LocalDate{2028, 3, 1}.plus_days(-1)), (LocalDate{2028, 2, 29}));
    EXPECT_EQ((LocalDate{2026, 3, 5}.to_string()), "2026-03-05");
}

}  // namespace
}  // namespace kiosk
