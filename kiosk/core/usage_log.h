// Counters of what the kiosk showed and what patients touched, for the clinic's statistics.
// Never personal data: each line is a local timestamp, an event kind and at most a slide's file name.
#pragma once

#include "clock.h"
#include "unique_fd.h"

#include <array>
#include <compare>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class UsageEvent { SlideShown, ButtonOpened, SlipPrinted, CallbackPrinted, NumberShown };
inline constexpr std::size_t kUsageEventCount = 5;

// The words used in the log file: slide_shown, button_opened, slip_printed, callback_printed, number_shown.
[[nodiscard]] std::string_view to_string(UsageEvent e);
[[nodiscard]] std::optional<UsageEvent> usage_event_from_string(std::string_view word);

struct LocalDate {
    int year = 1970, month = 1, day = 1;
    auto operator<=>(const LocalDate&) const = default;
    [[nodiscard]] static LocalDate of(WallTime t);
    [[nodiscard]] LocalDate plus_days(int days) const;   // calendar arithmetic in local time
    [[nodiscard]] std::string to_string() const;         // "2026-11-25"
};

struct DailyTotals {
    LocalDate date;
    std::array<int, kUsageEventCount> counts{};
    std::map<std::string, int> slides_shown;   // per slide file name

    [[nodiscard]] int count(UsageEvent e) const { return counts[static_cast<std::size_t>(e)]; }
    void add(UsageEvent e, std::string_view slide);
};

// One log line, with its '\n': "2026-11-25T09:14:03 slide_shown 020-massage.md". Only the slide's
// file name is kept (a path could name a person's home folder), and control characters are replaced.
[[nodiscard]] std::string format_usage_line(WallTime when, UsageEvent e, std::string_view slide = {});

struct UsageReport {
    std::map<LocalDate, DailyTotals> days;
    int skipped_lines = 0;   // unreadable lines, including a last line cut short by a power cut
};

// Parses log text. Days before `since` are left out.
[[nodiscard]] UsageReport parse_usage_log(std::string_view text, std::optional<LocalDate> since = std::nullopt);

struct UsageReadResult {
    UsageReport report;
    std::string error;   // empty on success; a missing file is an error here
};
// Reads a log file. With `since`, only the file's tail back to that day is read, so the start-up
// cost does not grow with a year of history.
[[nodiscard]] UsageReadResult read_usage_log(const std::filesystem::path& file,
                                             std::optional<LocalDate> since = std::nullopt);

// The kiosk's writer. Appends one line per event with a single write() to an O_APPEND file, and
// keeps today's totals in memory so the staff panel can show them every frame for free.
// If the file cannot be opened or written, counting goes on in memory and warning() says why.
// Not thread-safe: record from the UI thread (the print worker's results arrive there anyway).
class UsageLog {
public:
    UsageLog(const Clock& clock, std::filesystem::path file);

    void record(UsageEvent e, std::string_view slide = {});
    // Today's totals (local date), including events from earlier runs today. Rolls over at midnight.
    [[nodiscard]] const DailyTotals& today();
    // Totals for any day: the file's lines plus events that could not be written.
    [[nodiscard]] DailyTotals totals_for(LocalDate date) const;

    [[nodiscard]] bool persistent() const { return fd_.valid(); }
    [[nodiscard]] const std::string& warning() const { return warning_; }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

private:
    void open_file();
    void roll_over_if_new_day();
    void fall_back_to_memory(const std::string& why);

    const Clock& clock_;
    std::filesystem::path file_;
    UniqueFd fd_;
    std::string warning_;
    DailyTotals today_;
    std::map<LocalDate, DailyTotals> unwritten_;   // events kept in memory only
};

}  // namespace kiosk
