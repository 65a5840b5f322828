// A printer backend: ask its state, print one slip before a deadline. Backends are used from the
// print worker's thread only (print_worker.h); nothing here is thread-safe by itself.
#pragma once

#include "core/config.h"
#include "core/print_status.h"
#include "core/slip.h"

#include <chrono>
#include <memory>
#include <stop_token>
#include <string>

namespace kiosk {

// What happened to one slip, and the printer's state as last seen while printing it.
struct PrintReport {
    JobOutcome outcome = JobOutcome::Error;
    std::string detail;      // plain words for staff and the log, never the slip's content
    PrinterStatus status;
};

class Printer {
public:
    virtual ~Printer() = default;
    // Asks the printer now. Bounded: a silent printer is reported Offline within a few seconds.
    [[nodiscard]] virtual PrinterStatus query_status() = 0;
    // Checks the state first (paper out, cover open, no answer: nothing is sent), prints, and
    // gives up at `deadline` (a CUPS job is cancelled then, so no stale slip comes out later).
    // `stop` is the worker shutting down: give up as at the deadline.
    [[nodiscard]] virtual PrintReport print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) = 0;
    // "ESC/POS printer at 127.0.0.1:9100", for the staff panel and messages.
    [[nodiscard]] virtual std::string describe() const = 0;
};

// A status as seen by a backend just now: `state` with `detail` in plain words, stamped with the
// wall clock so staff can tell a fresh answer from a stale one.
[[nodiscard]] PrinterStatus status_now(PrinterState state, std::string detail);

// How long a real-time status answer may take before the printer counts as offline.
inline constexpr std::chrono::milliseconds kStatusTimeout{1500};

struct MadePrinter {
    std::unique_ptr<Printer> printer;  // null when `error` is set
    std::string error;                 // a bad URI or code page, in words
};

// Builds the backend for config.uri: tcp://, file://, cups:// or none (a printer that reports
// PrinterState::None and answers every job with JobOutcome::NoPrinter).
[[nodiscard]] MadePrinter make_printer(const PrinterConfig& config);

}  // namespace kiosk
