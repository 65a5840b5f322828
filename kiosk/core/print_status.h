// What the UI and the staff panel may know about the printer: a snapshot owned by the print
// worker thread and copied out under its lock, plus the outcome of one job.
#pragma once

#include "clock.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

enum class PrinterState {
    None,       // no printer configured (uri = "none"): only "Show the number" is offered
    Unknown,    // not asked yet
    Ready,
    PaperLow,   // still prints; staff should refill
    PaperOut,
    CoverOpen,
    Offline,    // no answer, connection refused, CUPS queue stopped or not accepting
    Error,      // anything else; `detail` says what
};

struct PrinterStatus {
    PrinterState state = PrinterState::Unknown;
    std::string detail;            // plain words for staff, e.g. "connection refused by 127.0.0.1:9100"
    WallTime checked_at{};
    // When the printer was asked for this answer (steady clock; zero: never asked). Lets the panel
    // tell an answer given after a patient's touch from one cached before it (paper refilled since).
    SteadyTime asked_at{};
    std::uint64_t slips_printed = 0;
};

enum class JobOutcome {
    Printed,           // the printer confirmed the slip came out (GS ( H answered, CUPS job completed)
    SentNotConfirmed,  // sent, and the printer is fine, but it cannot or did not confirm the slip printed
    PaperOut,
    CoverOpen,
    Offline,
    TimedOut,    // the job did not finish before its deadline and was cancelled
    Error,
    NoPrinter,
};

// Which of the kiosk's printers: every message to staff names it, so "out of paper" says where
// to take the paper. The waiting room's own slot is [printer]; the one behind the counter is
// [desk_printer].
enum class PrinterRole { WaitingRoom, Desk };

struct JobResult {
    std::uint64_t job_id = 0;
    JobOutcome outcome = JobOutcome::Error;
    std::string detail;  // for the log and staff; patients see the config's plain sentences
    PrinterRole printer = PrinterRole::WaitingRoom;  // the printer the slip went to
};

[[nodiscard]] const char* to_string(PrinterState s);
[[nodiscard]] const char* to_string(JobOutcome o);

// Words for front-desk staff (the panel, the web page, status.json's summaries). to_string()
// above stays as it is: it is status.json's "state" and scripts read it.
[[nodiscard]] const char* printer_name(PrinterRole r);  // "Waiting-room printer", "Desk printer"
// "ready", "out of paper", "offline", "not configured", "checking", ...
[[nodiscard]] const char* state_words(PrinterState s);
// "Desk printer: out of paper", "Waiting-room printer: not configured".
[[nodiscard]] std::string printer_summary(PrinterRole r, PrinterState s);
// A finished job for staff and the log, naming the printer: "Desk printer: out of paper (DLE EOT 4:
// paper end)", "Waiting-room printer: printed on tcp://… (confirmed by the printer)".
[[nodiscard]] std::string job_message(const JobResult& r);
// The same without the printer's own detail, where room is short (the staff panel, whose rows
// already show each printer's detail): "Desk printer: out of paper", "Waiting-room printer: printed".
[[nodiscard]] std::string job_summary(const JobResult& r);
// True when every line of a test print's answer (one line per printer, as job_message writes
// them) says the slip printed.
[[nodiscard]] bool test_print_succeeded(std::string_view answer);

}  // namespace kiosk
