// What the UI and the staff panel may know about the printer: a snapshot owned by the print
// worker thread and copied out under its lock, plus the outcome of one job.
#pragma once

#include "clock.h"

#include <cstdint>
#include <string>

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

struct JobResult {
    std::uint64_t job_id = 0;
    JobOutcome outcome = JobOutcome::Error;
    std::string detail;  // for the log and staff; patients see the config's plain sentences
};

[[nodiscard]] const char* to_string(PrinterState s);
[[nodiscard]] const char* to_string(JobOutcome o);

}  // namespace kiosk
