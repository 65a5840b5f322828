#include "display_schedule.h"

#include <algorithm>
#include <cctype>

namespace kiosk {

namespace {

constexpr int kDay = 24 * 60;

// "7:30" or "07:30" or "24:00" → minutes; -1 when it is not a time.
int parse_hhmm(const std::string& s) {
    const auto colon = s.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return -1;
    int h = 0, m = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == colon) continue;
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    }
    h = std::stoi(s.substr(0, colon));
    m = std::stoi(s.substr(colon + 1));
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
    return h * 60 + m;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

}  // namespace

std::optional<OnWindow> parse_on_window(const std::string& text, std::string* error) {
    const std::string t = trim(text);
    const auto dash = t.find('-');
    auto fail = [&](std::string why) -> std::optional<OnWindow> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (dash == std::string::npos) return fail("\"" + t + "\" is not a time range");
    const int start = parse_hhmm(trim(t.substr(0, dash)));
    const int end = parse_hhmm(trim(t.substr(dash + 1)));
    if (start < 0 || end < 0) return fail("\"" + t + "\" is not a time range");
    if (start == kDay) return fail("\"" + t + "\" starts at 24:00; write 00:00 on the next day instead");
    if (start == end) return fail("\"" + t + "\" starts and ends at the same time");
    // An end before the start runs past midnight into the next day.
    return OnWindow{start, end < start ? end + kDay : end};
}

bool DisplaySchedule::on_at(const LocalTime& t) const {
    if (always_on) return true;
    const int minute = t.hour * 60 + t.minute;
    for (const OnWindow& w : days[static_cast<std::size_t>(t.weekday)]) {
        if (minute >= w.start && minute < w.end) return true;
    }
    // Yesterday's windows that run past midnight.
    for (const OnWindow& w : days[static_cast<std::size_t>((t.weekday + 6) % 7)]) {
        if (w.end > kDay && minute < w.end - kDay) return true;
    }
    return false;
}

std::optional<WallTime> DisplaySchedule::next_change(WallTime now) const {
    if (always_on) return std::nullopt;
    const LocalTime today = to_local(now);
    const bool on_now = on_at(today);
    // Every window edge of the coming days is a candidate; from_local (mktime) turns "day + d,
    // minute m" into a real moment, handling month ends, minutes past 24:00 and DST.
    std::vector<WallTime> edges;
    for (int d = -1; d <= 8; ++d) {
        const auto& windows = days[static_cast<std::size_t>(((today.weekday + d) % 7 + 7) % 7)];
        for (const OnWindow& w : windows) {
            for (const int m : {w.start, w.end}) {
                const WallTime at = from_local(today.year, today.month, today.day + d, m / 60, m % 60);
                if (at > now) edges.push_back(at);
            }
        }
    }
    std::sort(edges.begin(), edges.end());
    for (const WallTime at : edges) {
        if (on_at(to_local(at)) != on_now) return at;
    }
    return std::nullopt;
}

const char* to_string(DisplayReason r) {
    switch (r) {
        case DisplayReason::Schedule:
            return "schedule";
        case DisplayReason::Touch:
            return "woken by a touch";
        case DisplayReason::Off:
            return "outside the schedule";
    }
    return "?";
}

DisplayReason DisplayGate::reason() const {
    if (config_.schedule.on_at(to_local(clock_.wall()))) return DisplayReason::Schedule;
    if (woken_until_ && clock_.steady() < *woken_until_) return DisplayReason::Touch;
    return DisplayReason::Off;
}

bool DisplayGate::touch() {
    const DisplayReason r = reason();
    if (r == DisplayReason::Schedule || config_.wake_minutes <= 0) return r == DisplayReason::Off;
    woken_until_ = clock_.steady() + std::chrono::duration_cast<SteadyTime::duration>(
                                         std::chrono::duration<double, std::ratio<60>>(config_.wake_minutes));
    return r == DisplayReason::Off;
}

std::optional<WallTime> DisplayGate::next_scheduled_change() const {
    return config_.schedule.next_change(clock_.wall());
}

std::optional<SteadyTime> DisplayGate::next_deadline() const {
    const SteadyTime now = clock_.steady();
    std::optional<SteadyTime> best;
    if (woken_until_ && *woken_until_ > now) best = woken_until_;
    if (const auto change = next_scheduled_change()) {
        const SteadyTime at = now + std::chrono::duration_cast<SteadyTime::duration>(*change - clock_.wall());
        if (!best || at < *best) best = at;
    }
    return best;
}

}  // namespace kiosk
