#include "status_report.h"

#include "json.h"

#include <cstdio>
#include <sstream>

namespace kiosk {

namespace {

long long unix_seconds(WallTime t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Writes members with the commas and indentation in the right places.
class ObjectWriter {
public:
    ObjectWriter(std::ostringstream& out, int indent) : out_(out), indent_(indent) { out_ << "{"; }
    std::ostringstream& key(const char* k) {
        out_ << (first_ ? "\n" : ",\n") << std::string(static_cast<std::size_t>(indent_ + 2), ' ') << json::quote(k)
             << ": ";
        first_ = false;
        return out_;
    }
    void str(const char* k, const std::string& v) { key(k) << json::quote(v); }
    void num(const char* k, long long v) { key(k) << v; }
    void boolean(const char* k, bool v) { key(k) << (v ? "true" : "false"); }
    void time(const char* k, const std::optional<WallTime>& t) {
        if (t) {
            str(k, format_local(*t));
            key((std::string(k) + "_unix").c_str()) << unix_seconds(*t);
        } else {
            key(k) << "null";
        }
    }
    void close() { out_ << "\n" << std::string(static_cast<std::size_t>(indent_), ' ') << "}"; }

private:
    std::ostringstream& out_;
    int indent_;
    bool first_ = true;
};

}  // namespace

std::string format_local(WallTime t) {
    const LocalTime l = to_local(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", l.year, l.month, l.day, l.hour, l.minute, l.second);
    return buf;
}

std::string to_json(const KioskStatus& s) {
    std::ostringstream out;
    ObjectWriter root(out, 0);
    root.boolean("running", s.running);
    root.num("pid", s.pid);
    root.str("version", s.version);
    root.time("up_since", s.started);
    root.time("written", s.written);

    root.key("slide");
    ObjectWriter slide(out, 2);
    slide.str("file", s.slide_file);
    slide.str("title", s.slide_title);
    slide.num("started_since_start", static_cast<long long>(s.slides_started));
    slide.close();

    root.key("deck");
    ObjectWriter deck(out, 2);
    deck.str("folder", s.deck_folder);
    deck.str("folder_status", s.folder_status);
    deck.num("slides", s.deck_slides);
    deck.num("errors", s.deck_errors);
    deck.num("warnings", s.deck_warnings);
    deck.boolean("paused", s.paused);
    deck.time("last_reload", s.last_reload);
    deck.key("messages") << "[";
    for (std::size_t i = 0; i < s.deck_messages.size(); ++i) {
        out << (i ? ",\n" : "\n") << "      " << json::quote(s.deck_messages[i]);
    }
    out << (s.deck_messages.empty() ? "]" : "\n    ]");
    deck.close();

    root.key("printer");
    ObjectWriter printer(out, 2);
    printer.boolean("configured", s.printer_configured);
    printer.str("state", s.printer_state);
    printer.str("detail", s.printer_detail);
    printer.boolean("ok", s.printer_ok);
    // Added later; the four keys above keep their meaning for existing readers.
    printer.str("name", "Waiting-room printer");
    printer.str("kind", s.printer_kind);
    printer.str("summary", s.printer_summary);
    printer.close();

    root.key("desk_printer");
    ObjectWriter desk(out, 2);
    desk.boolean("configured", s.desk_printer.configured);
    desk.str("name", s.desk_printer.name.empty() ? "Desk printer" : s.desk_printer.name);
    desk.str("kind", s.desk_printer.kind);
    desk.str("state", s.desk_printer.state);
    desk.str("detail", s.desk_printer.detail);
    desk.boolean("ok", s.desk_printer.ok);
    desk.str("summary", s.desk_printer.summary);
    desk.close();

    root.str("last_print_problem", s.last_print_problem);
    root.time("last_print_problem_at", s.last_print_problem_at);

    root.key("display");
    ObjectWriter display(out, 2);
    display.boolean("on", s.display_on);
    display.str("reason", s.display_reason);
    display.str("power", s.display_power);
    display.time("next_change", s.display_next_change);
    display.close();

    root.key("today");
    ObjectWriter today(out, 2);
    for (const auto& [k, v] : s.today) today.num(k.c_str(), v);
    today.close();
    root.close();
    out << "\n";
    return out.str();
}

std::string to_prometheus(const KioskStatus& s) {
    std::ostringstream out;
    auto metric = [&](const char* name, const char* type, const char* help, long long value) {
        out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
            << name << ' ' << value << '\n';
    };
    metric("kiosk_up", "gauge", "1 while the kiosk runs, 0 after it stopped.", s.running ? 1 : 0);
    metric("kiosk_start_time_seconds", "gauge", "When the kiosk started, in Unix seconds.", unix_seconds(s.started));
    metric("kiosk_status_time_seconds", "gauge", "When this file was written, in Unix seconds.",
           unix_seconds(s.written));
    metric("kiosk_slides_total", "counter", "Slides shown since the kiosk started.",
           static_cast<long long>(s.slides_started));
    metric("kiosk_deck_slides", "gauge", "Slides in the loop.", s.deck_slides);
    metric("kiosk_deck_errors", "gauge", "Errors in the slides folder (rejected slides or settings).", s.deck_errors);
    metric("kiosk_deck_warnings", "gauge", "Warnings in the slides folder.", s.deck_warnings);
    metric("kiosk_printer_configured", "gauge", "1 when a slip printer is configured.", s.printer_configured ? 1 : 0);
    metric("kiosk_printer_ok", "gauge", "1 when the slip printer can print now.", s.printer_ok ? 1 : 0);
    metric("kiosk_desk_printer_configured", "gauge", "1 when a desk printer (call-back slips) is configured.",
           s.desk_printer.configured ? 1 : 0);
    metric("kiosk_desk_printer_ok", "gauge", "1 when the desk printer can print now.", s.desk_printer.ok ? 1 : 0);
    metric("kiosk_display_on", "gauge", "1 while the screen shows slides, 0 while dark by schedule.",
           s.display_on ? 1 : 0);
    auto today = [&](const char* word) {
        const auto it = s.today.find(word);
        return it == s.today.end() ? 0LL : static_cast<long long>(it->second);
    };
    metric("kiosk_slips_printed_today", "gauge", "Number slips printed today.", today("slip_printed"));
    metric("kiosk_callbacks_printed_today", "gauge", "Call-back slips printed today.", today("callback_printed"));
    metric("kiosk_button_opened_today", "gauge", "Times a patient opened the touch panel today.",
           today("button_opened"));
    return out.str();
}

}  // namespace kiosk
