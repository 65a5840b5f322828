#include "config.h"

#include "pin_hash_setting.h"
#include "display_schedule_config.h"
#include "toml_helpers.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace kiosk {

namespace {

using toml_util::Context;

bool parse_colour(std::string_view s, Rgb& out) {
    if (s.size() != 7 || s[0] != '#') return false;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    int v[6];
    for (int i = 0; i < 6; ++i) {
        v[i] = hex(s[static_cast<size_t>(i) + 1]);
        if (v[i] < 0) return false;
    }
    out = Rgb{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
              static_cast<std::uint8_t>(v[4] * 16 + v[5])};
    return true;
}

void get_colour(const Context& ctx, const toml::table& t, std::string_view key, Rgb& out) {
    std::string text;
    const toml::node* n = t.get(key);
    if (!n || !toml_util::get_string(ctx, t, key, text)) return;
    if (!parse_colour(text, out)) {
        ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' is not a colour: \"" + text + "\"",
                  "Write colours as \"#RRGGBB\", for example \"#1B2633\"");
    }
}

const toml::table* sub_table(const Context& ctx, const toml::table& root, std::string_view name) {
    const toml::node* n = root.get(name);
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    ctx.error(ctx.line_of(*n), "'" + std::string(name) + "' must be a section like [" + std::string(name) + "]", "");
    return nullptr;
}

void read_system(const Context& ctx, const toml::table& t, SystemConfig& s) {
    toml_util::check_keys(ctx, t, "kiosk", {"state_dir"});
    toml_util::get_string(ctx, t, "state_dir", s.state_dir);
}

void read_clinic(const Context& ctx, const toml::table& t, ClinicConfig& c) {
    toml_util::check_keys(ctx, t, "clinic", {"name", "phone", "hours"});
    toml_util::get_string(ctx, t, "name", c.name);
    toml_util::get_string(ctx, t, "phone", c.phone);
    toml_util::get_string(ctx, t, "hours", c.hours);
    int digits = 0;
    for (const char ch : c.phone) digits += (ch >= '0' && ch <= '9') ? 1 : 0;
    if (const toml::node* n = t.get("phone"); n && (digits < 3 || digits > 15)) {
        ctx.error(ctx.line_of(*n), "the clinic's phone number \"" + c.phone + "\" does not look like a phone number",
                  "Write it as patients should dial it, for example \"+1 555 010 0199\"");
    }
}

void read_theme(const Context& ctx, const toml::table& t, ThemeConfig& th) {
    toml_util::check_keys(ctx, t, "theme",
                          {"background", "text", "accent", "footer_background", "footer_text", "button_background",
                           "button_text", "font_family"});
    get_colour(ctx, t, "background", th.background);
    get_colour(ctx, t, "text", th.text);
    get_colour(ctx, t, "accent", th.accent);
    get_colour(ctx, t, "footer_background", th.footer_background);
    get_colour(ctx, t, "footer_text", th.footer_text);
    get_colour(ctx, t, "button_background", th.button_background);
    get_colour(ctx, t, "button_text", th.button_text);
    toml_util::get_string(ctx, t, "font_family", th.font_family);
}

void read_player(const Context& ctx, const toml::table& t, PlayerConfig& p) {
    toml_util::check_keys(ctx, t, "player",
                          {"transition_seconds", "idle_timeout_seconds", "min_slide_seconds", "max_slide_seconds"});
    toml_util::get_number(ctx, t, "transition_seconds", p.transition_seconds, 0, 5);
    toml_util::get_number(ctx, t, "idle_timeout_seconds", p.idle_timeout_seconds, 5, 600);
    toml_util::get_number(ctx, t, "min_slide_seconds", p.min_slide_seconds, 2, 600);
    toml_util::get_number(ctx, t, "max_slide_seconds", p.max_slide_seconds, 2, 3600);
    if (p.max_slide_seconds < p.min_slide_seconds) {
        ctx.error(t.source().begin.line + ctx.line_offset, "max_slide_seconds is smaller than min_slide_seconds",
                  "Make max_slide_seconds the larger of the two");
    }
}

void read_printer(const Context& ctx, const toml::table& t, PrinterConfig& p) {
    toml_util::check_keys(ctx, t, "printer",
                          {"uri", "paper_width_mm", "codepage", "raster_qr", "job_deadline_seconds",
                           "min_seconds_between_slips", "max_slips_per_hour"});
    toml_util::get_string(ctx, t, "uri", p.uri);
    toml_util::get_int(ctx, t, "paper_width_mm", p.paper_width_mm, 58, 80);
    if (p.paper_width_mm != 58 && p.paper_width_mm != 80) {
        ctx.error(ctx.line_of(*t.get("paper_width_mm")), "paper_width_mm must be 58 or 80", "");
        p.paper_width_mm = 80;
    }
    toml_util::get_string(ctx, t, "codepage", p.codepage);
    toml_util::get_bool(ctx, t, "raster_qr", p.raster_qr);
    toml_util::get_number(ctx, t, "job_deadline_seconds", p.job_deadline_seconds, 5, 600);
    toml_util::get_number(ctx, t, "min_seconds_between_slips", p.min_seconds_between_slips, 0, 3600);
    toml_util::get_int(ctx, t, "max_slips_per_hour", p.max_slips_per_hour, 1, 1000);
}

void read_staff(const Context& ctx, const toml::table& t, StaffConfig& s) {
    toml_util::check_keys(ctx, t, "staff", {"pin_hash", "max_pin_attempts", "lockout_seconds", "stats_file"});
    toml_util::get_string(ctx, t, "pin_hash", s.pin_hash);
    check_pin_hash_setting(ctx, t);
    toml_util::get_int(ctx, t, "max_pin_attempts", s.max_pin_attempts, 1, 20);
    toml_util::get_number(ctx, t, "lockout_seconds", s.lockout_seconds, 10, 86400);
    toml_util::get_string(ctx, t, "stats_file", s.stats_file);
}

// [text] holds every patient-facing sentence; listing them once keeps the key check and the
// reader in step.
struct TextKey {
    std::string_view key;
    std::string UiStrings::*field;
};
constexpr TextKey kTextKeys[] = {
    {"button_label", &UiStrings::button_label},
    {"panel_title", &UiStrings::panel_title},
    {"choice_print", &UiStrings::choice_print},
    {"choice_callback", &UiStrings::choice_callback},
    {"choice_show", &UiStrings::choice_show},
    {"close", &UiStrings::close},
    {"back", &UiStrings::back},
    {"call_us", &UiStrings::call_us},
    {"hours_label", &UiStrings::hours_label},
    {"scan_to_call", &UiStrings::scan_to_call},
    {"printing", &UiStrings::printing},
    {"callback_printing", &UiStrings::callback_printing},
    {"printer_out_of_paper", &UiStrings::printer_out_of_paper},
    {"printer_offline", &UiStrings::printer_offline},
    {"checking_printer", &UiStrings::checking_printer},
    {"printer_error", &UiStrings::printer_error},
    {"rate_limited", &UiStrings::rate_limited},
    {"here_is_number", &UiStrings::here_is_number},
    {"keypad_name", &UiStrings::keypad_name},
    {"keypad_phone", &UiStrings::keypad_phone},
    {"keypad_submit", &UiStrings::keypad_submit},
    {"invalid_phone", &UiStrings::invalid_phone},
    {"invalid_name", &UiStrings::invalid_name},
    {"name_too_long", &UiStrings::name_too_long},
    {"disclaimer", &UiStrings::disclaimer},
    {"no_slides", &UiStrings::no_slides},
    {"you_were_reading", &UiStrings::you_were_reading},
    {"callback_slip_title", &UiStrings::callback_slip_title},
    {"interested_in", &UiStrings::interested_in},
};

void read_text(const Context& ctx, const toml::table& t, UiStrings& s) {
    std::vector<std::string_view> names;
    for (const auto& tk : kTextKeys) names.push_back(tk.key);
    for (const auto& [k, v] : t) {
        if (std::find(names.begin(), names.end(), k.str()) != names.end()) continue;
        // Most unknown keys are typos, here as in the other sections.
        const std::string guess = toml_util::closest_key(k.str(), names);
        ctx.error(static_cast<int>(k.source().begin.line) + ctx.line_offset,
                  "unknown key '" + std::string(k.str()) + "' in [text]",
                  guess.empty() ? "See deploy/kiosk.toml for the sentences that can be changed"
                                : "Did you mean '" + guess + "'?");
    }
    for (const auto& tk : kTextKeys) {
        std::string value = s.*tk.field;
        if (toml_util::get_string(ctx, t, tk.key, value)) {
            if (value.empty()) {
                ctx.error(ctx.line_of(*t.get(tk.key)), "'" + std::string(tk.key) + "' is empty",
                          "Patients would see nothing here; write a sentence or remove the line");
            } else {
                s.*tk.field = value;
            }
        }
    }
}

}  // namespace

ConfigResult parse_config(std::string_view toml_text, const std::string& source_name) {
    ConfigResult result;
    Diagnostics diags;
    const Context ctx{source_name, 0, &diags};
    auto root = toml_util::parse(ctx, toml_text);
    if (root) {
        KioskConfig cfg;
        toml_util::check_keys(ctx, *root, "", {"kiosk", "clinic", "theme", "player", "printer", "staff", "text", "display", "status"});
        if (const auto* t = sub_table(ctx, *root, "kiosk")) read_system(ctx, *t, cfg.system);
        if (const auto* t = sub_table(ctx, *root, "clinic")) read_clinic(ctx, *t, cfg.clinic);
        if (const auto* t = sub_table(ctx, *root, "theme")) read_theme(ctx, *t, cfg.theme);
        if (const auto* t = sub_table(ctx, *root, "player")) read_player(ctx, *t, cfg.player);
        if (const auto* t = sub_table(ctx, *root, "printer")) read_printer(ctx, *t, cfg.printer);
        if (const auto* t = sub_table(ctx, *root, "staff")) read_staff(ctx, *t, cfg.staff);
        if (const auto* t = sub_table(ctx, *root, "text")) read_text(ctx, *t, cfg.text);
        if (const auto* t = sub_table(ctx, *root, "display")) parse_display_schedule(ctx, *t, cfg.display_schedule);
        if (const auto* t = sub_table(ctx, *root, "status")) parse_status_config(ctx, *t, cfg.status);
        // A half-applied config is harder to reason about than the defaults: any error rejects the file.
        if (!has_errors(diags)) result.config = std::move(cfg);
    }
    if (has_errors(diags)) {
        diags.push_back({source_name, 0, Severity::Warning, "the kiosk is using its built-in settings",
                         "Fix the errors above; the kiosk reads the file again when it restarts"});
    }
    result.diagnostics = std::move(diags);
    return result;
}

ConfigResult load_config(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ConfigResult r;
        r.diagnostics.push_back({file.string(), 0, Severity::Error, "cannot read the settings file",
                                 "Check that it exists and is readable; the kiosk is using its built-in settings"});
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_config(ss.str(), file.string());
}

}  // namespace kiosk
