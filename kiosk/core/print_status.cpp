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

}  // namespace kiosk
