// `kiosk stats`: daily totals from the usage log as a small table, for the clinic's manager.
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/settings.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/usage_log.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iomanip>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::cli {
namespace {

constexpr int kDefaultDays = 7;
constexpr int kMaxDays = 3660;

struct Column {
    const char* title;
    UsageEvent event;
};
constexpr std::array<Column, kUsageEventCount> kColumns = {{
    {"Slides shown", UsageEvent::SlideShown},
    {"Button", UsageEvent::ButtonOpened},
    {"Slips", UsageEvent::SlipPrinted},
    {"Callbacks", UsageEvent::CallbackPrinted},
    {"Number shown", UsageEvent::NumberShown},
}};

void print_table(const std::vector<DailyTotals>& days, std::ostream& out) {
    DailyTotals total;
    for (const auto& d : days) {
        for (std::size_t i = 0; i < kUsageEventCount; ++i) total.counts[i] += d.counts[i];
    }
    std::array<std::size_t, kUsageEventCount> widths{};
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
        const std::size_t title = std::string(kColumns[c].title).size();
        widths[c] = std::max(title, std::to_string(total.count(kColumns[c].event)).size());
    }
    constexpr int kDateWidth = 10;
    out << std::left << std::setw(kDateWidth) << "Date";
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
        out << "  " << std::right << std::setw(static_cast<int>(widths[c])) << kColumns[c].title;
    }
    out << '\n';
    const auto row = [&](const std::string& label, const DailyTotals& t) {
        out << std::left << std::setw(kDateWidth) << label;
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            out << "  " << std::right << std::setw(static_cast<int>(widths[c])) << t.count(kColumns[c].event);
        }
        out << '\n';
    };
    for (const auto& d : days) row(d.date.to_string(), d);
    row("Total", total);
}

}  // namespace

int stats_command(const Args& args, Io io) {
    ArgParser parser({"config", "file", "days"}, {});
    if (!parser.parse(args) || !parser.positional().empty()) {
        io.err << "kiosk stats: " << (parser.error().empty() ? "unexpected argument" : parser.error())
               << "\nUsage: kiosk stats [--config FILE] [--file LOG] [--days N]\n";
        return kExitUsage;
    }
    int days = kDefaultDays;
    if (const auto text = parser.value("days")) {
        const auto r = std::from_chars(text->data(), text->data() + text->size(), days);
        if (r.ec != std::errc{} || r.ptr != text->data() + text->size() || days < 1 || days > kMaxDays) {
            io.err << "kiosk stats: --days needs a whole number from 1 to " << kMaxDays << ", not '" << *text << "'\n";
            return kExitUsage;
        }
    }

    std::filesystem::path log_file;
    if (const auto file = parser.value("file")) {
        log_file = *file;
    } else {
        // The log's place comes from [staff] stats_file; an explicit --config must load.
        const auto config_arg = parser.value("config");
        std::filesystem::path config_file;
        std::error_code ec;
        if (config_arg) {
            config_file = *config_arg;
        } else if (std::filesystem::exists(kSystemConfig, ec)) {
            config_file = kSystemConfig;
        }
        KioskConfig config;
        if (!config_file.empty()) {
            ConfigResult loaded = load_config(config_file);
            for (const auto& d : loaded.diagnostics) io.err << d.to_string() << '\n';
            if (config_arg && has_errors(loaded.diagnostics)) return kExitFailure;
            config = std::move(loaded.config);
        }
        log_file = config.staff.stats_file;
    }

    const SystemClock clock;
    const LocalDate today = LocalDate::of(clock.wall());
    const LocalDate first = today.plus_days(-(days - 1));
    const UsageReadResult read = read_usage_log(log_file, first);
    if (!read.error.empty()) {
        io.err << "kiosk stats: " << read.error << '\n';
        return kExitFailure;
    }
    std::vector<DailyTotals> rows;
    // Every day of the period, so a day with no use shows as zeros rather than vanishing.
    for (LocalDate d = first; d <= today; d = d.plus_days(1)) {
        const auto it = read.report.days.find(d);
        DailyTotals t = it != read.report.days.end() ? it->second : DailyTotals{};
        t.date = d;
        rows.push_back(std::move(t));
    }
    io.out << "Usage from " << log_file.string() << ", " << first.to_string() << " to " << today.to_string() << "\n\n";
    print_table(rows, io.out);
    if (read.report.skipped_lines > 0) {
        io.err << "note: " << read.report.skipped_lines << " unreadable line(s) in " << log_file.string()
               << " were skipped\n";
    }
    return kExitOk;
}

}  // namespace kiosk::cli
