#include "print_status.h"

namespace kiosk {

const char* to_string(PrinterState s) {
    switch (s) {
        case PrinterState::None: return "none";
        case PrinterState::Unknown: return "unknown";
        case PrinterState::Ready: return "ready";
        case PrinterState::PaperLow: return "paper low";
        case PrinterState::PaperOut: return "paper out";
        case PrinterState::CoverOpen: return "cover open";
        case PrinterState::Offline: return "offline";
        case PrinterState::Error: return "error";
    }
    return "unknown";
}

const char* to_string(JobOutcome o) {
    switch (o) {
        case JobOutcome::Printed: return "printed";
        case JobOutcome::SentNotConfirmed: return "sent, not confirmed";
        case JobOutcome::PaperOut: return "paper out";
        case JobOutcome::CoverOpen: return "cover open";
        case JobOutcome::Offline: return "offline";
        case JobOutcome::TimedOut: return "timed out";
        case JobOutcome::Error: return "error";
        case JobOutcome::NoPrinter: return "no printer";
    }
    return "error";
}

const char* printer_name(PrinterRole r) {
    switch (r) {
        case PrinterRole::WaitingRoom: return "Waiting-room printer";
        case PrinterRole::Desk: return "Desk printer";
    }
    return "Printer";
}

const char* state_words(PrinterState s) {
    switch (s) {
        case PrinterState::None: return "not configured";
        case PrinterState::Unknown: return "checking";
        case PrinterState::Ready: return "ready";
        case PrinterState::PaperLow: return "paper low";
        case PrinterState::PaperOut: return "out of paper";
        case PrinterState::CoverOpen: return "cover open";
        case PrinterState::Offline: return "offline";
        case PrinterState::Error: return "error";
    }
    return "checking";
}

std::string printer_summary(PrinterRole r, PrinterState s) {
    return std::string(printer_name(r)) + ": " + state_words(s);
}

namespace {

// A job's outcome as staff say it ("out of paper", not "paper out"); the detail follows it.
const char* outcome_words(JobOutcome o) {
    switch (o) {
        case JobOutcome::PaperOut: return "out of paper";
        case JobOutcome::NoPrinter: return "not configured";
        default: return to_string(o);
    }
}

}  // namespace

std::string job_message(const JobResult& r) {
    // Always "NAME: OUTCOME…", so a reader (test_print_succeeded, a person) finds the outcome first.
    std::string out = std::string(printer_name(r.printer)) + ": ";
    const std::string outcome = outcome_words(r.outcome);
    // "printed on tcp://…" already says the outcome; "printed (printed on …)" would say it twice.
    if (r.detail.starts_with(outcome)) return out + r.detail;
    out += outcome;
    if (!r.detail.empty()) out += " (" + r.detail + ")";
    return out;
}

std::string job_summary(const JobResult& r) {
    return std::string(printer_name(r.printer)) + ": " + outcome_words(r.outcome);
}

bool test_print_succeeded(std::string_view answer) {
    bool any = false;
    while (!answer.empty()) {
        const std::size_t end = answer.find('\n');
        std::string_view line = answer.substr(0, end);
        answer = end == std::string_view::npos ? std::string_view() : answer.substr(end + 1);
        if (line.empty()) continue;
        for (const PrinterRole role : {PrinterRole::WaitingRoom, PrinterRole::Desk}) {
            const std::string head = std::string(printer_name(role)) + ": ";
            if (line.starts_with(head)) line.remove_prefix(head.size());
        }
        if (!line.starts_with("printed")) return false;
        any = true;
    }
    return any;
}

}  // namespace kiosk
