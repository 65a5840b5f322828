#include "display_schedule_config.h"

#include <algorithm>
#include <array>
#include <optional>
#include <sstream>
#include <string_view>

namespace kiosk {

namespace {

constexpr std::array<std::string_view, 7> kShort = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kLong = {"sunday",   "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};
constexpr const char* kDayHint =
    "Day keys are mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or every_day";
constexpr const char* kValueHint =
    "Write \"07:30-19:00\", several ranges as \"08:00-12:00, 13:00-18:00\", \"off\" or \"all day\"";

std::optional<int> day_index(std::string_view name) {
    for (int i = 0; i < 7; ++i) {
        if (name == kShort[static_cast<std::size_t>(i)] || name == kLong[static_cast<std::size_t>(i)]) return i;
    }
    return std::nullopt;
}

// The weekdays a key names (bit 0 = Sunday), or 0 when it is not a day key.
unsigned days_of_key(std::string_view key) {
    if (key == "every_day" || key == "daily") return 0x7F;
    if (const auto d = day_index(key)) return 1u << *d;
    const auto dash = key.find('-');
    if (dash == std::string_view::npos) return 0;
    const auto a = day_index(key.substr(0, dash));
    const auto b = day_index(key.substr(dash + 1));
    if (!a || !b) return 0;
    unsigned mask = 0;
    for (int d = *a;; d = (d + 1) % 7) {  // fri-mon wraps over the weekend
        mask |= 1u << d;
        if (d == *b) break;
    }
    return mask;
}

std::string lower_trimmed(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// One day key's value → its windows. "off" gives none; "all day" one 00:00-24:00.
std::optional<std::vector<OnWindow>> parse_day_value(const std::string& text, std::string* error) {
    const std::string v = lower_trimmed(text);
    if (v == "off" || v == "closed") return std::vector<OnWindow>{};
    if (v == "all day" || v == "on" || v == "always") return std::vector<OnWindow>{OnWindow{0, 24 * 60}};
    std::vector<OnWindow> windows;
    std::stringstream in(v);
    std::string part;
    while (std::getline(in, part, ',')) {
        const auto w = parse_on_window(part, error);
        if (!w) return std::nullopt;
        windows.push_back(*w);
    }
    if (windows.empty()) {
        if (error) *error = "it is empty";
        return std::nullopt;
    }
    return windows;
}

std::string day_list(unsigned mask) {
    std::string out;
    for (int d = 1; d <= 7; ++d) {  // Monday first, as staff read a week
        if (mask & (1u << (d % 7)))
            out += (out.empty() ? "" : ", ") + std::string(kShort[static_cast<std::size_t>(d % 7)]);
    }
    return out;
}

}  // namespace

void parse_display_schedule(const toml_util::Context& ctx, const toml::table& table, DisplayScheduleConfig& out) {
    DisplayScheduleConfig cfg = out;
    DisplaySchedule schedule;
    unsigned given = 0;  // days some key named
    unsigned bad = 0;    // days whose entry was wrong: lit all day
    // toml++ keeps keys sorted by name; staff read the file top to bottom, so "given twice" must
    // name the later line.
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (const auto& [k, v] : table) entries.emplace_back(&k, &v);
    std::sort(entries.begin(), entries.end(),
              [](const auto& x, const auto& y) { return x.first->source().begin.line < y.first->source().begin.line; });
    for (const auto& [kp, vp] : entries) {
        const toml::node& v = *vp;
        const std::string_view key = kp->str();
        const int line = static_cast<int>(kp->source().begin.line) + ctx.line_offset;
        // rotate belongs to the same section and is read with the rest of kiosk.toml.
        if (key == "wake_minutes" || key == "power_off_screen" || key == "rotate") continue;
        const unsigned mask = days_of_key(key);
        if (mask == 0) {
            const std::string guess =
                toml_util::closest_key(key, {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon-fri", "sat-sun",
                                             "every_day", "wake_minutes", "power_off_screen"});
            ctx.error(line, "unknown key '" + std::string(key) + "' in [display]",
                      guess.empty() ? std::string(kDayHint) : "Did you mean '" + guess + "'?");
            continue;
        }
        if (const unsigned twice = mask & given) {
            ctx.error(line, "'" + std::string(key) + "' sets " + day_list(twice) + " again",
                      "Give each day once: for example mon-fri = \"...\" and sat = \"...\"");
            continue;
        }
        given |= mask;
        std::string text, error;
        std::optional<std::vector<OnWindow>> windows;
        if (const auto s = v.value<std::string>()) {
            text = *s;
            windows = parse_day_value(text, &error);
        } else if (const auto* arr = v.as_array()) {
            windows.emplace();
            for (const auto& item : *arr) {
                const auto s2 = item.value<std::string>();
                std::optional<std::vector<OnWindow>> part;
                if (s2) part = parse_day_value(*s2, &error);
                if (!s2) error = "a list entry is not text";
                if (!part) {
                    windows.reset();
                    break;
                }
                windows->insert(windows->end(), part->begin(), part->end());
            }
        } else {
            error = "it is not text";
        }
        if (!windows) {
            ctx.error(
                line,
                "[display] " + std::string(key) + ": " + error + "; the screen stays on all day on " + day_list(mask),
                kValueHint);
            bad |= mask;
            continue;
        }
        for (int d = 0; d < 7; ++d) {
            if (mask & (1u << d)) schedule.days[static_cast<std::size_t>(d)] = *windows;
        }
    }
    if (given != 0) {
        schedule.always_on = false;
        for (int d = 0; d < 7; ++d) {
            if (bad & (1u << d)) schedule.days[static_cast<std::size_t>(d)] = {OnWindow{0, 24 * 60}};
        }
        if (const unsigned missing = 0x7F & ~given) {
            for (int d = 0; d < 7; ++d) {
                if (missing & (1u << d)) schedule.days[static_cast<std::size_t>(d)] = {OnWindow{0, 24 * 60}};
            }
            ctx.warning(static_cast<int>(table.source().begin.line) + ctx.line_offset,
                        "[display] says nothing about " + day_list(missing) + ": the screen stays on all day then",
                        "Write for example sat = \"off\" for a day the screen should stay dark");
        }
    }
    cfg.schedule = std::move(schedule);
    toml_util::get_number(ctx, table, "wake_minutes", cfg.wake_minutes, 0, 120);
    toml_util::get_bool(ctx, table, "power_off_screen", cfg.power_off_screen);
    out = std::move(cfg);
}

void parse_status_config(const toml_util::Context& ctx, const toml::table& table, StatusConfig& out) {
    toml_util::check_keys(ctx, table, "status", {"prometheus_dir"});
    toml_util::get_string(ctx, table, "prometheus_dir", out.prometheus_dir);
}

}  // namespace kiosk
