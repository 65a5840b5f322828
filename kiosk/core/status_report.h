// The kiosk's health as someone outside can see it: one snapshot, written as status.json in the
// state folder (read by `kiosk status` and, later, the staff web page) and as Prometheus text for
// node-exporter's textfile collector. Building the text is pure so it is tested without a kiosk.
#pragma once

#include "clock.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// One printer as staff and monitoring see it. The waiting room's printer keeps its older flat
// fields in KioskStatus (status.json's "printer" keys are read by scripts); the desk printer uses this.
struct PrinterReport {
    bool configured = false;
    std::string name;            // "Desk printer"
    std::string kind;            // "receipt printer at 192.168.1.50:9100", "CUPS queue 'desk'"; empty when none
    std::string state = "none";  // to_string(PrinterState): ready, paper out, offline, none, ...
    std::string detail;          // the printer's own words
    std::string summary;         // "Desk printer: out of paper", for front-desk staff
    bool ok = false;             // can print a slip now
};

struct KioskStatus {
    bool running = true;  // false in the last file a stopping kiosk writes
    int pid = 0;
    std::string version;
    WallTime started{};
    WallTime written{};

    std::string slide_file;  // on screen now; empty with no slides
    std::string slide_title;
    std::uint64_t slides_started = 0;  // since the kiosk started

    std::string deck_folder;
    std::string folder_status;  // present, missing, ...
    int deck_slides = 0;
    int deck_errors = 0, deck_warnings = 0;
    std::vector<std::string> deck_messages;  // "file:line: error: ..." lines
    bool paused = false;
    std::optional<WallTime> last_reload;

    bool printer_configured = false;
    std::string printer_state;  // ready, paper-out, ...
    std::string printer_detail;
    bool printer_ok = false;  // can print a slip now
    std::string printer_kind;     // as PrinterReport::kind
    std::string printer_summary;  // "Waiting-room printer: ready"
    PrinterReport desk_printer;   // [desk_printer], where call-back slips go
    // The last slip that failed, naming its printer ("Desk printer: out of paper (…)"); cleared when
    // that printer next prints one. Empty: none.
    std::string last_print_problem;
    std::optional<WallTime> last_print_problem_at;

    bool display_on = true;
    std::string display_reason;  // schedule, woken by a touch, outside the schedule
    std::string display_power;   // what powering the screen did: "on", "standby (DPMS)", "no CEC adapter", ...
    std::optional<WallTime> display_next_change;

    std::map<std::string, int> today;  // usage counters by event word (slide_shown, slip_printed, ...)
};

// Pretty-printed JSON with a trailing newline. Times are "YYYY-MM-DD HH:MM:SS" local time plus
// a *_unix twin in seconds, so a script needs no date parsing.
[[nodiscard]] std::string to_json(const KioskStatus& s);
// Prometheus text exposition format (HELP and TYPE before every metric), trailing newline.
[[nodiscard]] std::string to_prometheus(const KioskStatus& s);

// "2026-12-01 21:46:51" in local time.
[[nodiscard]] std::string format_local(WallTime t);

}  // namespace kiosk
