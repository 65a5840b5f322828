#include "config.h"

#include "phone_number.h"
#include "printer_config.h"

#include "display_schedule_config.h"
#include "language_config.h"
#include "pin_hash_setting.h"
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

bool get_colour(const Context& ctx, const toml::table& t, std::string_view key, Rgb& out) {
    std::string text;
    const toml::node* n = t.get(key);
    if (!n) return true;
    if (!toml_util::get_string(ctx, t, key, text)) return false;
    if (!parse_colour(text, out)) {
        ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' is not a colour: \"" + text + "\"",
                  "Write colours as \"#RRGGBB\", for example \"#1B2633\"");
        return false;
    }
    return true;
}

// One section being read: its table (empty when the section is absent) and the known keys that an
// unknown key of it probably meant. Every setter keeps the last good value when the key is bad.
class Section {
public:
    Section(const Context& ctx, const toml::table& t, std::string_view name,
            std::initializer_list<std::string_view> known)
        : ctx_(ctx), t_(t) {
        // An empty list: another reader checks this section's keys (see [display]).
        if (known.size() == 0) return;
        toml_util::check_keys(ctx, t, name, known);
        for (const auto& [k, v] : t) {
            if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
            if (auto guess = toml_util::closest_key(k.str(), known); !guess.empty()) misspelt_.push_back(guess);
        }
    }
    [[nodiscard]] const Context& ctx() const { return ctx_; }
    [[nodiscard]] const toml::table& table() const { return t_; }
    // A typo of `key` stands in the file and `key` itself does not: the staff member meant to set it.
    [[nodiscard]] bool meant(std::string_view key) const {
        return !t_.get(key) && std::find(misspelt_.begin(), misspelt_.end(), key) != misspelt_.end();
    }
    template <class T>
    void keep_if_bad(bool ok, std::string_view key, T& field, const T& last) const {
        if (!ok || meant(key)) field = last;
    }
    void string(std::string_view key, std::string& field, const std::string& last) const {
        keep_if_bad(toml_util::get_string(ctx_, t_, key, field), key, field, last);
    }
    void number(std::string_view key, double& field, double last, double min, double max) const {
        keep_if_bad(toml_util::get_number(ctx_, t_, key, field, min, max), key, field, last);
    }
    void integer(std::string_view key, int& field, int last, int min, int max) const {
        keep_if_bad(toml_util::get_int(ctx_, t_, key, field, min, max), key, field, last);
    }
    void boolean(std::string_view key, bool& field, bool last) const {
        keep_if_bad(toml_util::get_bool(ctx_, t_, key, field), key, field, last);
    }
    void colour(std::string_view key, Rgb& field, const Rgb& last) const {
        keep_if_bad(get_colour(ctx_, t_, key, field), key, field, last);
    }

private:
    const Context& ctx_;
    const toml::table& t_;
    std::vector<std::string> misspelt_;
};

const toml::table kEmptyTable;

// The section's table, or an empty one when it is absent. `fell_back` is set when the file has
// the section in a form that cannot be read (a value instead of a table): then it keeps last good.
const toml::table& sub_table(const Context& ctx, const toml::table& root, std::string_view name, bool& fell_back) {
    fell_back = false;
    const toml::node* n = root.get(name);
    if (!n) return kEmptyTable;
    if (const auto* t = n->as_table()) return *t;
    ctx.error(ctx.line_of(*n), "'" + std::string(name) + "' must be a section like [" + std::string(name) + "]",
              "This section keeps its previous settings until it is fixed");
    fell_back = true;
    return kEmptyTable;
}

void read_system(const Section& s, SystemConfig& c, const SystemConfig& last) {
    s.string("state_dir", c.state_dir, last.state_dir);
}

[[nodiscard]] bool plausible_phone(std::string_view phone) { return parse_phone(phone).number.has_value(); }

// Patients must never be shown or handed the fictional placeholder in place of a number the
// clinic meant to set: without a real last good number the phone is hidden instead.
void keep_last_phone(ClinicConfig& c, const ClinicConfig& last) {
    if (last.phone_is_real()) {
        c.phone = last.phone;
        c.phone_hidden = false;
    } else {
        c.phone.clear();
        c.phone_hidden = true;
    }
}

void read_clinic(const Section& s, ClinicConfig& c, const ClinicConfig& last) {
    const Context& ctx = s.ctx();
    s.string("name", c.name, last.name);
    s.string("hours", c.hours, last.hours);
    std::string phone = c.phone;
    bool ok = toml_util::get_string(ctx, s.table(), "phone", phone);
    if (const toml::node* n = s.table().get("phone"); ok && n) {
        if (const PhoneParse parsed = parse_phone(phone); !parsed.number) {
            ctx.error(ctx.line_of(*n), "the clinic's phone number \"" + phone + "\" cannot be turned into a tel: link: " +
                                           parsed.error,
                      "Write it as patients should dial it, for example \"+1 555 010 0199\", and an extension after "
                      "\"ext.\", for example \"+34 912 345 678 ext. 1234\"");
            ok = false;
        }
    }
    if (!ok || s.meant("phone")) {
        keep_last_phone(c, last);
    } else if (!s.table().get("phone") && last.phone_is_real()) {
        // A removed phone line would bring back the fictional default: patients keep the real one.
        ctx.warning(0, "[clinic] phone is no longer set: the kiosk keeps showing " + last.phone,
                    "Write the number patients should call as [clinic] phone");
        c.phone = last.phone;
    } else {
        c.phone = phone;
        c.phone_hidden = false;
    }
}

void read_theme(const Section& s, ThemeConfig& th, const ThemeConfig& last) {
    s.colour("background", th.background, last.background);
    s.colour("text", th.text, last.text);
    s.colour("accent", th.accent, last.accent);
    s.colour("footer_background", th.footer_background, last.footer_background);
    s.colour("footer_text", th.footer_text, last.footer_text);
    s.colour("button_background", th.button_background, last.button_background);
    s.colour("button_text", th.button_text, last.button_text);
    s.string("font_family", th.font_family, last.font_family);
}

void read_player(const Section& s, PlayerConfig& p, const PlayerConfig& last) {
    s.number("transition_seconds", p.transition_seconds, last.transition_seconds, 0, 5);
    s.number("idle_timeout_seconds", p.idle_timeout_seconds, last.idle_timeout_seconds, 5, 600);
    s.number("min_slide_seconds", p.min_slide_seconds, last.min_slide_seconds, 2, 600);
    s.number("max_slide_seconds", p.max_slide_seconds, last.max_slide_seconds, 2, 3600);
    if (p.max_slide_seconds < p.min_slide_seconds) {
        const Context& ctx = s.ctx();
        ctx.error(s.table().source().begin.line + ctx.line_offset, "max_slide_seconds is smaller than min_slide_seconds",
                  "Make max_slide_seconds the larger of the two; both keep their previous values until then");
        // The pair only makes sense together; the last good pair is ordered.
        p.min_slide_seconds = last.min_slide_seconds;
        p.max_slide_seconds = last.max_slide_seconds;
    }
}

void read_printer(const Section& s, PrinterConfig& p, const PrinterConfig& last) {
    s.string("uri", p.uri, last.uri);
    s.integer("paper_width_mm", p.paper_width_mm, last.paper_width_mm, 58, 80);
    if (p.paper_width_mm != 58 && p.paper_width_mm != 80) {
        s.ctx().error(s.ctx().line_of(*s.table().get("paper_width_mm")), "paper_width_mm must be 58 or 80", "");
        p.paper_width_mm = last.paper_width_mm;
    }
    s.string("codepage", p.codepage, last.codepage);
    s.boolean("raster_qr", p.raster_qr, last.raster_qr);
    s.number("job_deadline_seconds", p.job_deadline_seconds, last.job_deadline_seconds, 5, 600);
    s.number("min_seconds_between_slips", p.min_seconds_between_slips, last.min_seconds_between_slips, 0, 3600);
    s.integer("max_slips_per_hour", p.max_slips_per_hour, last.max_slips_per_hour, 1, 1000);
    read_printer_extras(s.ctx(), s.table(), p, last);
}

void read_desk_printer(const Section& s, DeskPrinterConfig& d, const DeskPrinterConfig& last) {
    read_printer(s, d.printer, last.printer);
    read_desk_fallback(s.ctx(), s.table(), d, last);
}

void read_staff(const Section& s, StaffConfig& c, const StaffConfig& last) {
    s.string("pin_hash", c.pin_hash, last.pin_hash);
    check_pin_hash_setting(s.ctx(), s.table());
    s.integer("max_pin_attempts", c.max_pin_attempts, last.max_pin_attempts, 1, 20);
    s.number("lockout_seconds", c.lockout_seconds, last.lockout_seconds, 10, 86400);
    s.string("stats_file", c.stats_file, last.stats_file);
}

// Only `rotate` lives here; the schedule keys of [display] are read (and checked) by
// parse_display_schedule, so this Section is made with no key list of its own.
void read_display_rotation(const Section& s, DisplayConfig& d, const DisplayConfig& last) {
    s.integer("rotate", d.rotate, last.rotate, 0, 270);
    if (d.rotate % 90 != 0) {
        s.ctx().error(s.ctx().line_of(*s.table().get("rotate")), "rotate must be 0, 90, 180 or 270",
                      "Give the degrees the screen is turned clockwise; it keeps its previous value until then");
        d.rotate = last.rotate;
    }
}

void read_status(const Section& s, StatusConfig& c, const StatusConfig& last) {
    s.string("prometheus_dir", c.prometheus_dir, last.prometheus_dir);
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
    {"callback_sending", &UiStrings::callback_sending},
    {"printed", &UiStrings::printed},
    {"sent_not_confirmed", &UiStrings::sent_not_confirmed},
    {"callback_sent_not_confirmed", &UiStrings::callback_sent_not_confirmed},
    {"callback_hand_in", &UiStrings::callback_hand_in},
    {"extension_label", &UiStrings::extension_label},
    {"keypad_submit_hand_in", &UiStrings::keypad_submit_hand_in},
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
    {"ask_at_desk", &UiStrings::ask_at_desk},
    {"read_aloud", &UiStrings::read_aloud},
    {"stop_reading", &UiStrings::stop_reading},
};

std::vector<std::string_view> text_key_names() {
    std::vector<std::string_view> names;
    for (const auto& tk : kTextKeys) names.push_back(tk.key);
    return names;
}

void read_text(const Context& ctx, const toml::table& t, UiStrings& s, const UiStrings& last) {
    const std::vector<std::string_view> names = text_key_names();
    std::vector<std::string> misspelt;
    for (const auto& [k, v] : t) {
        if (std::find(names.begin(), names.end(), k.str()) != names.end()) continue;
        if (v.is_table()) continue;  // [text.es]: another language's sentences (language_config.cpp)
        // Most unknown keys are typos, here as in the other sections.
        const std::string guess = toml_util::closest_key(k.str(), names);
        if (!guess.empty()) misspelt.push_back(guess);
        ctx.error(static_cast<int>(k.source().begin.line) + ctx.line_offset,
                  "unknown key '" + std::string(k.str()) + "' in [text]",
                  guess.empty() ? "See deploy/kiosk.toml for the sentences that can be changed"
                                : "Did you mean '" + guess + "'?");
    }
    for (const auto& tk : kTextKeys) {
        std::string value = s.*tk.field;
        const bool typo = !t.get(tk.key) && std::find(misspelt.begin(), misspelt.end(), tk.key) != misspelt.end();
        if (typo) {
            s.*tk.field = last.*tk.field;
        } else if (toml_util::get_string(ctx, t, tk.key, value)) {
            if (value.empty()) {
                ctx.error(ctx.line_of(*t.get(tk.key)), "'" + std::string(tk.key) + "' is empty",
                          "Patients would see nothing here; write a sentence or remove the line");
                s.*tk.field = last.*tk.field;
            } else {
                s.*tk.field = value;
            }
        } else {
            s.*tk.field = last.*tk.field;
        }
    }
}

const std::initializer_list<std::string_view> kSections = {"kiosk",   "clinic", "theme", "player",
                                                               "printer", "staff",  "text",  "display", "status",
                                                               "web",     "audio",  "desk_printer", "languages"};

// A syntax error leaves nothing of the file readable, except what stands above the broken line:
// when those lines parse on their own they are exactly what the clinic wrote, so a valid phone
// among them can be trusted (at first start, where there is no last good number to keep).
std::optional<std::string> phone_above(std::string_view text, int broken_line) {
    std::size_t end = 0;
    for (int line = 1; line < broken_line; ++line) {
        const std::size_t nl = text.find('\n', end);
        if (nl == std::string_view::npos) return std::nullopt;
        end = nl + 1;
    }
    try {
        const toml::table above = toml::parse(text.substr(0, end));
        const auto phone = above["clinic"]["phone"].value<std::string>();
        if (phone && plausible_phone(*phone) && *phone != kPlaceholderPhone) return phone;
    } catch (const toml::parse_error&) {
    }
    return std::nullopt;
}

}  // namespace

void read_ui_strings(const toml_util::Context& ctx, const toml::table& t, UiStrings& s, const UiStrings& last) {
    read_text(ctx, t, s, last);
}

ConfigResult parse_config(std::string_view toml_text, const std::string& source_name, const KioskConfig& last_good) {
    ConfigResult result;
    Diagnostics diags;
    const Context ctx{source_name, 0, &diags};
    auto root = toml_util::parse(ctx, toml_text);
    if (!root) {
        result.readable = false;
        result.config = last_good;
        if (!last_good.clinic.phone_is_real()) {
            const int broken = diags.empty() ? 0 : diags.front().line;
            if (auto phone = phone_above(toml_text, broken)) {
                result.config.clinic.phone = *phone;
                result.config.clinic.phone_hidden = false;
            } else {
                keep_last_phone(result.config.clinic, last_good.clinic);
            }
        }
        diags.push_back({source_name, 0, Severity::Warning,
                         "the file cannot be read, so none of it is applied: the kiosk keeps its previous settings",
                         "Fix the line above; the kiosk reads the file again as soon as it is saved"});
    } else {
        KioskConfig& cfg = result.config;
        toml_util::check_keys(ctx, *root, "", kSections);
        // A misspelt section ([clinc]) means its settings were meant: they keep their last good values.
        std::vector<std::string> misspelt;
        for (const auto& [k, v] : *root) {
            if (std::find(kSections.begin(), kSections.end(), k.str()) != kSections.end()) continue;
            if (auto guess = toml_util::closest_key(k.str(), kSections); !guess.empty()) misspelt.push_back(guess);
        }
        const auto section = [&](std::string_view name, auto& field, const auto& last, auto reader,
                                 std::initializer_list<std::string_view> known) {
            bool fell_back = false;
            const toml::table& t = sub_table(ctx, *root, name, fell_back);
            if (fell_back || (!root->get(name) && std::find(misspelt.begin(), misspelt.end(), name) != misspelt.end())) {
                field = last;
                return false;
            }
            reader(Section(ctx, t, name, known), field, last);
            return true;
        };
        section("kiosk", cfg.system, last_good.system, read_system, {"state_dir"});
        if (!section("clinic", cfg.clinic, last_good.clinic, read_clinic, {"name", "phone", "hours"})) {
            if (!last_good.clinic.phone_is_real()) keep_last_phone(cfg.clinic, last_good.clinic);
        }
        section("theme", cfg.theme, last_good.theme, read_theme,
                {"background", "text", "accent", "footer_background", "footer_text", "button_background",
                 "button_text", "font_family"});
        section("player", cfg.player, last_good.player, read_player,
                {"transition_seconds", "idle_timeout_seconds", "min_slide_seconds", "max_slide_seconds"});
        section("printer", cfg.printer, last_good.printer, read_printer,
                {"uri", "paper_width_mm", "codepage", "raster_qr", "job_deadline_seconds", "min_seconds_between_slips",
                 "max_slips_per_hour", "print_width_dots", "confirm_seconds"});
        section("desk_printer", cfg.desk_printer, last_good.desk_printer, read_desk_printer,
                {"uri", "paper_width_mm", "codepage", "raster_qr", "job_deadline_seconds", "min_seconds_between_slips",
                 "max_slips_per_hour", "print_width_dots", "confirm_seconds", "fallback"});
        section("staff", cfg.staff, last_good.staff, read_staff,
                {"pin_hash", "max_pin_attempts", "lockout_seconds", "stats_file"});
        // [display]: rotate here, the timetable in display_schedule_config.cpp (which checks the keys:
        // day names and ranges such as mon-fri are not a fixed list). A bad timetable entry costs
        // its own days, which stay lit: a screen dark by mistake is worse than one lit at night.
        {
            bool fell_back = false;
            const toml::table& t = sub_table(ctx, *root, "display", fell_back);
            if (fell_back) {
                cfg.display = last_good.display;
                cfg.display_schedule = last_good.display_schedule;
            } else {
                read_display_rotation(Section(ctx, t, "display", {}), cfg.display, last_good.display);
                parse_display_schedule(ctx, t, cfg.display_schedule);
            }
        }
        section("status", cfg.status, last_good.status, read_status, {"prometheus_dir"});
        {
            bool fell_back = false;
            const toml::table& t = sub_table(ctx, *root, "web", fell_back);
            if (fell_back) cfg.web = last_good.web;
            else parse_web_config(ctx, t, cfg.web, last_good.web);
        }
        {  // [audio]: its reader checks the keys (voice_XX is a pattern, not a fixed list)
            bool fell_back = false;
            const toml::table& t = sub_table(ctx, *root, "audio", fell_back);
            if (fell_back) {
                cfg.audio = last_good.audio;
            } else {
                parse_audio_config(ctx, t, cfg.audio, last_good.audio);
            }
        }
        bool text_fell_back = false;
        const toml::table& text = sub_table(ctx, *root, "text", text_fell_back);
        if (text_fell_back ||
            (!root->get("text") && std::find(misspelt.begin(), misspelt.end(), "text") != misspelt.end())) {
            cfg.text = last_good.text;
        } else {
            read_text(ctx, text, cfg.text, last_good.text);
        }
        read_languages(ctx, *root, cfg.languages, last_good.languages, cfg.text);
        if (has_errors(diags)) {
            diags.push_back({source_name, 0, Severity::Warning,
                             "the settings named above keep their previous values; all others are applied",
                             "Fix those lines; the kiosk reads the file again as soon as it is saved"});
        }
    }
    if (result.config.clinic.phone_hidden) {
        diags.push_back({source_name, 0, Severity::Warning,
                         "the clinic's phone number is hidden: patients are not shown or printed any number and read \"" +
                             result.config.text.ask_at_desk + "\" instead",
                         "Set [clinic] phone to the number patients should call"});
    }
    result.diagnostics = std::move(diags);
    return result;
}

ConfigResult load_config(const std::filesystem::path& file, const KioskConfig& last_good) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ConfigResult r;
        r.config = last_good;
        r.readable = false;
        r.diagnostics.push_back({file.string(), 0, Severity::Error, "cannot read the settings file",
                                 "Check that it exists and is readable; the kiosk keeps its previous settings"});
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_config(ss.str(), file.string(), last_good);
}

}  // namespace kiosk
