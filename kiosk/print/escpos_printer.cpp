#include "escpos_printer.h"

#include "deadline_io.h"

#include <algorithm>
#include <array>

namespace kiosk {

namespace {

using std::chrono::steady_clock;

std::string state_words(PrinterState s, const std::string& where) {
    switch (s) {
        case PrinterState::Ready: return "ready (" + where + ")";
        case PrinterState::PaperLow: return "paper is running low (" + where + ")";
        case PrinterState::PaperOut: return "out of paper (" + where + ")";
        case PrinterState::CoverOpen: return "the cover is open (" + where + ")";
        case PrinterState::Error: return "the printer reports an error, e.g. a paper jam (" + where + ")";
        default: return std::string(to_string(s)) + " (" + where + ")";
    }
}

// DLE EOT over an open two-way link. Any failure to get a valid answer means Offline/Error,
// which callers treat as "do not print".
PrinterStatus ask_status(int fd, const std::string& where, std::chrono::milliseconds timeout) {
    drain_input(fd);  // a late answer to an earlier request must not be read as this one
    const SteadyTime deadline = steady_clock::now() + timeout;
    const Bytes request = status_request();
    if (const IoResult w = write_all(fd, request.data(), request.size(), deadline); !w.ok()) {
        return status_now(w.status == IoStatus::TimedOut ? PrinterState::Offline : PrinterState::Error,
                           "could not ask " + where + " for its status: " + w.detail);
    }
    std::array<std::uint8_t, kStatusAnswerBytes> answer{};
    if (const IoResult r = read_exact(fd, answer.data(), answer.size(), deadline); !r.ok()) {
        if (r.status == IoStatus::TimedOut) {
            return status_now(PrinterState::Offline,
                               "no status answer from " + where + " within " + std::to_string(timeout.count()) + " ms");
        }
        return status_now(PrinterState::Offline, "connection to " + where + " lost while asking its status: " + r.detail);
    }
    const auto decoded = decode_status(answer[0], answer[1]);
    if (!decoded) return status_now(PrinterState::Error, where + " answered, but not like an ESC/POS printer");
    const PrinterState state = printer_state(*decoded);
    return status_now(state, state_words(state, where));
}

JobOutcome outcome_for(PrinterState s) {
    switch (s) {
        case PrinterState::PaperOut: return JobOutcome::PaperOut;
        case PrinterState::CoverOpen: return JobOutcome::CoverOpen;
        case PrinterState::Offline: return JobOutcome::Offline;
        default: return JobOutcome::Error;
    }
}

bool can_print(PrinterState s) { return s == PrinterState::Ready || s == PrinterState::PaperLow; }

// Sends GS ( H and waits for its answer. A printer answers it only once everything sent before it
// has been processed, i.e. the slip has printed; one that does not know the command stays silent.
bool confirm_printed(int fd, std::uint16_t id, SteadyTime deadline) {
    drain_input(fd);
    const Bytes request = process_id_request(id);
    if (!write_all(fd, request.data(), request.size(), deadline).ok()) return false;
    std::array<std::uint8_t, kProcessIdAnswerBytes> window{};
    size_t have = 0;
    for (;;) {
        std::uint8_t b = 0;
        if (!read_exact(fd, &b, 1, deadline).ok()) return false;
        // A sliding window: a stray status byte before the answer must not hide it.
        if (have == window.size()) {
            std::copy(window.begin() + 1, window.end(), window.begin());
            --have;
        }
        window[have++] = b;
        if (have == window.size() && is_process_id_answer(window.data(), id)) return true;
    }
}

}  // namespace

EscposTcpPrinter::EscposTcpPrinter(std::string host, int port, EscposOptions options,
                                   std::chrono::milliseconds status_timeout, std::chrono::milliseconds confirm_timeout)
    : host_(std::move(host)),
      port_(port),
      options_(options),
      status_timeout_(status_timeout),
      confirm_timeout_(confirm_timeout) {}

std::string EscposTcpPrinter::describe() const {
    return "ESC/POS printer at " + host_ + ":" + std::to_string(port_);
}

PrinterStatus EscposTcpPrinter::query_status() {
    const std::string where = host_ + ":" + std::to_string(port_);
    ConnectResult c = connect_tcp(host_, port_, steady_clock::now() + status_timeout_);
    if (!c.fd) return status_now(PrinterState::Offline, c.result.detail);
    return ask_status(c.fd.get(), where, status_timeout_);
}

PrintReport EscposTcpPrinter::print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) {
    const std::string where = host_ + ":" + std::to_string(port_);
    if (stop.stop_requested() || steady_clock::now() >= deadline) {
        return {JobOutcome::TimedOut, "the slip's deadline passed before it could be sent", status_now(PrinterState::Unknown, {})};
    }
    ConnectResult c = connect_tcp(host_, port_, std::min(deadline, steady_clock::now() + status_timeout_));
    if (!c.fd) {
        PrinterStatus s = status_now(PrinterState::Offline, c.result.detail);
        return {JobOutcome::Offline, c.result.detail, s};
    }
    const int fd = c.fd.get();

    // Before: many printers accept data with no paper and drop it, so ask first.
    PrinterStatus before = ask_status(fd, where, status_timeout_);
    if (!can_print(before.state)) {
        return {outcome_for(before.state), "not printed: " + before.detail, before};
    }

    const Bytes bytes = encode_escpos(slip, options_);
    if (const IoResult w = write_all(fd, bytes.data(), bytes.size(), deadline); !w.ok()) {
        const std::string what = w.status == IoStatus::TimedOut
                                     ? "the printer stopped taking data; gave up at the slip's deadline"
                                     : "connection to " + where + " lost while sending the slip: " + w.detail;
        const JobOutcome outcome = w.status == IoStatus::TimedOut ? JobOutcome::TimedOut : JobOutcome::Error;
        return {outcome, what, status_now(PrinterState::Offline, what)};
    }

    // After: the bytes are in the printer (or a socket buffer). GS ( H is answered in order, once
    // the slip has printed; DLE EOT only says how the printer is now, not that the paper moved.
    const std::chrono::milliseconds wait =
        ignores_confirmation_ ? std::min(confirm_timeout_, kUnconfirmingWait) : confirm_timeout_;
    const bool confirmed =
        wait.count() > 0 && confirm_printed(fd, next_process_id_++, std::min(deadline, steady_clock::now() + wait));
    if (next_process_id_ >= 10000) next_process_id_ = 1;
    PrinterStatus after = ask_status(fd, where, status_timeout_);
    if (confirmed) {
        ignores_confirmation_ = false;
        return {JobOutcome::Printed, "printed on " + where + " (confirmed by the printer)", after};
    }
    // Silent to GS ( H but answering DLE EOT: it does not know the command (a dead link would not answer).
    if (wait.count() > 0 && can_print(after.state)) ignores_confirmation_ = true;
    if (after.state == PrinterState::Offline) {
        return {JobOutcome::Error, "the slip was sent but " + where + " did not confirm it (" + after.detail + ")", after};
    }
    if (!can_print(after.state)) {
        return {outcome_for(after.state), "the slip may be incomplete: " + after.detail, after};
    }
    const std::string why = confirm_timeout_.count() > 0 ? "it did not answer the completion request (GS ( H) within " +
                                                               std::to_string(wait.count()) + " ms"
                                                         : "confirmation is switched off (confirm_seconds = 0)";
    return {JobOutcome::SentNotConfirmed, "sent to " + where + ", not confirmed: " + why, after};
}

EscposDevicePrinter::EscposDevicePrinter(std::string path, EscposOptions options)
    : path_(std::move(path)), options_(options) {}

std::string EscposDevicePrinter::describe() const { return "ESC/POS printer on " + path_; }

PrinterStatus EscposDevicePrinter::query_status() {
    ConnectResult c = open_device(path_);
    if (!c.fd) return status_now(PrinterState::Offline, c.result.detail);
    // A device file gives no real-time status: present is the best we know.
    return status_now(PrinterState::Ready, path_ + " is present (paper level unknown over a one-way link)");
}

PrintReport EscposDevicePrinter::print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) {
    if (stop.stop_requested() || steady_clock::now() >= deadline) {
        return {JobOutcome::TimedOut, "the slip's deadline passed before it could be sent", status_now(PrinterState::Unknown, {})};
    }
    ConnectResult c = open_device(path_);
    if (!c.fd) {
        PrinterStatus s = status_now(PrinterState::Offline, c.result.detail);
        return {JobOutcome::Offline, c.result.detail, s};
    }
    const Bytes bytes = encode_escpos(slip, options_);
    if (const IoResult w = write_all(c.fd.get(), bytes.data(), bytes.size(), deadline); !w.ok()) {
        const std::string what = w.status == IoStatus::TimedOut
                                     ? path_ + " stopped taking data; gave up at the slip's deadline"
                                     : "writing to " + path_ + " failed: " + w.detail;
        return {w.status == IoStatus::TimedOut ? JobOutcome::TimedOut : JobOutcome::Error, what,
                status_now(PrinterState::Error, what)};
    }
    // A one-way link cannot tell that the paper moved.
    return {JobOutcome::SentNotConfirmed, "sent to " + path_ + " (a one-way link cannot confirm it printed)",
            status_now(PrinterState::Ready, path_ + " took the slip (paper level unknown over a one-way link)")};
}

}  // namespace kiosk
