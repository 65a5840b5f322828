#include "usage_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace kiosk {
namespace {

constexpr std::array<std::string_view, kUsageEventCount> kEventWords = {
    "slide_shown", "button_opened", "slip_printed", "callback_printed", "number_shown",
};
constexpr std::size_t kMaxSlideName = 200;

bool parse_int(std::string_view s, int& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

// "YYYY-MM-DDTHH:MM:SS" → its date; nullopt for anything else.
std::optional<LocalDate> parse_timestamp(std::string_view ts) {
    if (ts.size() != 19 || ts[4] != '-' || ts[7] != '-' || ts[10] != 'T' || ts[13] != ':' || ts[16] != ':') {
        return std::nullopt;
    }
    LocalDate d;
    int h = 0, mi = 0, s = 0;
    if (!parse_int(ts.substr(0, 4), d.year) || !parse_int(ts.substr(5, 2), d.month) ||
        !parse_int(ts.substr(8, 2), d.day) || !parse_int(ts.substr(11, 2), h) || !parse_int(ts.substr(14, 2), mi) ||
        !parse_int(ts.substr(17, 2), s)) {
        return std::nullopt;
    }
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return d;
}

struct ParsedLine {
    LocalDate date;
    UsageEvent event;
    std::string_view slide;
};

std::optional<ParsedLine> parse_line(std::string_view line) {
    if (line.size() < 21 || line[19] != ' ') return std::nullopt;
    const auto date = parse_timestamp(line.substr(0, 19));
    if (!date) return std::nullopt;
    std::string_view rest = line.substr(20);
    std::string_view slide;
    if (const auto sp = rest.find(' '); sp != std::string_view::npos) {
        slide = rest.substr(sp + 1);
        rest = rest.substr(0, sp);
    }
    const auto event = usage_event_from_string(rest);
    if (!event) return std::nullopt;
    return ParsedLine{*date, *event, slide};
}

std::string describe_errno(int err) { return std::strerror(err); }

// Only the file name (a path could name a person's home folder), bounded, one line.
std::string clean_slide_name(std::string_view slide) {
    if (const auto slash = slide.find_last_of('/'); slash != std::string_view::npos) slide = slide.substr(slash + 1);
    if (slide.size() > kMaxSlideName) slide = slide.substr(0, kMaxSlideName);
    std::string name;
    name.reserve(slide.size());
    for (const char c : slide) {
        const auto u = static_cast<unsigned char>(c);
        name += (u < 0x20 || u == 0x7F) ? '?' : c;
    }
    return name;
}

}  // namespace

std::string_view to_string(UsageEvent e) { return kEventWords[static_cast<std::size_t>(e)]; }

std::optional<UsageEvent> usage_event_from_string(std::string_view word) {
    for (std::size_t i = 0; i < kEventWords.size(); ++i) {
        if (kEventWords[i] == word) return static_cast<UsageEvent>(i);
    }
    return std::nullopt;
}

LocalDate LocalDate::of(WallTime t) {
    const LocalTime lt = to_local(t);
    return LocalDate{lt.year, lt.month, lt.day};
}

LocalDate LocalDate::plus_days(int days) const {
    // Noon, so a DST change never moves the result onto a neighbouring day; mktime normalises.
    return of(from_local(year, month, day + days, 12));
}

std::string LocalDate::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

void DailyTotals::add(UsageEvent e, std::string_view slide) {
    ++counts[static_cast<std::size_t>(e)];
    if (e == UsageEvent::SlideShown && !slide.empty()) ++slides_shown[std::string(slide)];
}

std::string format_usage_line(WallTime when, UsageEvent e, std::string_view slide) {
    const LocalTime t = to_local(when);
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute,
                  t.second);
    std::string line = stamp;
    line += ' ';
    line += to_string(e);
    if (const std::string name = clean_slide_name(slide); !name.empty()) {
        line += ' ';
        line += name;
    }
    line += '\n';
    return line;
}

UsageReport parse_usage_log(std::string_view text, std::optional<LocalDate> since) {
    UsageReport report;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        // Each event is one write() ending in '\n', so a last line without one was cut short.
        if (nl == std::string_view::npos) {
            ++report.skipped_lines;
            break;
        }
        const std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty()) continue;
        const auto parsed = parse_line(line);
        if (!parsed) {
            ++report.skipped_lines;
            continue;
        }
        if (since && parsed->date < *since) continue;
        auto [it, inserted] = report.days.try_emplace(parsed->date);
        if (inserted) it->second.date = parsed->date;
        it->second.add(parsed->event, parsed->slide);
    }
    return report;
}

UsageReadResult read_usage_log(const std::filesystem::path& file, std::optional<LocalDate> since) {
    UsageReadResult result;
    const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0) {
        result.error = "cannot read " + file.string() + ": " + describe_errno(errno);
        return result;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    // Lines are in time order: read ever larger tails until the first whole line is older than `since`.
    std::size_t window = since ? std::size_t{64} * 1024 : size;
    std::string text;
    while (true) {
        const std::size_t start = size > window ? size - window : 0;
        text.assign(size - start, '\0');
        std::size_t got = 0;
        while (got < text.size()) {
            const ssize_t n = ::pread(fd.get(), text.data() + got, text.size() - got, static_cast<off_t>(start + got));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                result.error = "cannot read " + file.string() + ": " + describe_errno(errno);
                return result;
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        text.resize(got);
        if (start == 0) break;
        // Drop the partial first line the window cut through.
        const std::size_t nl = text.find('\n');
        if (nl != std::string::npos) {
            const std::string_view first_line = std::string_view(text).substr(nl + 1, 19);
            const auto first_date = parse_timestamp(first_line);
            if (first_date && since && *first_date < *since) {
                text.erase(0, nl + 1);
                break;
            }
        }
        window *= 4;
    }
    result.report = parse_usage_log(text, since);
    return result;
}

UsageLog::UsageLog(const Clock& clock, std::filesystem::path file) : clock_(clock), file_(std::move(file)) {
    const LocalDate today = LocalDate::of(clock_.wall());
    today_.date = today;
    // Pick up today's earlier runs so a restart at lunchtime does not zero the panel's counters.
    if (std::error_code ec; std::filesystem::exists(file_, ec)) {
        auto read = read_usage_log(file_, today);
        if (const auto it = read.report.days.find(today); it != read.report.days.end()) today_ = it->second;
    }
    open_file();
}

void UsageLog::open_file() {
    if (file_.empty()) {
        fall_back_to_memory("no usage log file configured");
        return;
    }
    std::error_code ec;
    if (file_.has_parent_path()) std::filesystem::create_directories(file_.parent_path(), ec);
    // Read-write only to look at the last byte; O_APPEND keeps every write at the end regardless.
    UniqueFd fd(::open(file_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (!fd) {
        fall_back_to_memory("cannot open " + file_.string() + " for writing: " + describe_errno(errno));
        return;
    }
    // A power cut can leave the last line without its '\n'; start on a fresh line so the next event
    // is not glued onto the torn one.
    struct stat st {};
    char last = '\n';
    if (::fstat(fd.get(), &st) == 0 && st.st_size > 0 && ::pread(fd.get(), &last, 1, st.st_size - 1) == 1 &&
        last != '\n' && ::write(fd.get(), "\n", 1) != 1) {
        fall_back_to_memory("cannot write to " + file_.string() + ": " + describe_errno(errno));
        return;
    }
    fd_ = std::move(fd);
}

void UsageLog::fall_back_to_memory(const std::string& why) {
    fd_.reset();
    warning_ = why + "; usage counters are kept in memory only until the kiosk restarts";
}

void UsageLog::roll_over_if_new_day() {
    const LocalDate now = LocalDate::of(clock_.wall());
    if (now != today_.date) {
        today_ = DailyTotals{};
        today_.date = now;
    }
}

void UsageLog::record(UsageEvent e, std::string_view slide) {
    roll_over_if_new_day();
    const std::string name = clean_slide_name(slide);
    const std::string line = format_usage_line(clock_.wall(), e, name);
    today_.add(e, name);
    if (fd_) {
        const ssize_t n = ::write(fd_.get(), line.data(), line.size());
        if (n == static_cast<ssize_t>(line.size())) return;
        fall_back_to_memory(n < 0 ? "cannot write to " + file_.string() + ": " + describe_errno(errno)
                                  : "short write to " + file_.string() + " (disk full?)");
    }
    auto [it, inserted] = unwritten_.try_emplace(today_.date);
    if (inserted) it->second.date = today_.date;
    it->second.add(e, name);
}

const DailyTotals& UsageLog::today() {
    roll_over_if_new_day();
    return today_;
}

DailyTotals UsageLog::totals_for(LocalDate date) const {
    DailyTotals totals;
    totals.date = date;
    if (std::error_code ec; std::filesystem::exists(file_, ec)) {
        const auto read = read_usage_log(file_, date);
        if (const auto it = read.report.days.find(date); it != read.report.days.end()) totals = it->second;
    }
    if (const auto it = unwritten_.find(date); it != unwritten_.end()) {
        for (std::size_t i = 0; i < kUsageEventCount; ++i) totals.counts[i] += it->second.counts[i];
        for (const auto& [slide, n] : it->second.slides_shown) totals.slides_shown[slide] += n;
    }
    return totals;
}

}  // namespace kiosk
