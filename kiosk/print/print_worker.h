// The print worker: one thread that owns the printer, so the frame loop never waits on a socket,
// a CUPS server or paper. The UI submits slips and reads a status snapshot and job results;
// every public member is thread-safe and returns at once.
#pragma once

#include "printer.h"

#include "core/config.h"
#include "core/print_status.h"
#include "core/slip.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

class PrintWorker {
public:
    // The backend is built from `config` on the worker thread (libcups state is per thread).
    // The status is refreshed every `status_interval` so the staff panel stays current.
    explicit PrintWorker(PrinterConfig config, std::chrono::milliseconds status_interval = std::chrono::seconds(30));
    // With a desk printer: desk slips (SlipLayout::kind == Desk) go to `desk.printer`, so a patient's
    // name and number never come out of the kiosk's own slot; without one (uri "none") they go to
    // `config` (the patient hands the slip in). `config` may be "none" when only the desk prints.
    PrintWorker(PrinterConfig config, DeskPrinterConfig desk,
                std::chrono::milliseconds status_interval = std::chrono::seconds(30));
    // Stops the thread; a job in progress gives up (a CUPS job is cancelled), queued jobs are dropped.
    ~PrintWorker();
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    // Queues a slip; returns its job id (1, 2, ...). Its deadline (printer.job_deadline_seconds)
    // starts now: a slip still queued or unfinished by then is reported TimedOut, never printed late.
    // The layout is wiped after printing, as it may hold a patient's name and number.
    std::uint64_t submit(SlipLayout slip);
    // The same to one printer by name, whatever the slip's kind: staff's test print goes to each
    // printer there is (has()). A role without a printer is answered NoPrinter.
    std::uint64_t submit_to(PrinterRole printer, SlipLayout slip);
    // Whether that printer is configured (uri is not "none").
    [[nodiscard]] bool has(PrinterRole printer) const;
    // Its kind and address in words (printer_uri.h's printer_kind); "" when not configured.
    [[nodiscard]] std::string kind(PrinterRole printer) const;
    // Results of finished jobs since the last call, oldest first.
    [[nodiscard]] std::vector<JobResult> take_results();
    // The latest known state of the kiosk's own printer (Unknown until the first check, which
    // happens at start; None for uri "none").
    [[nodiscard]] PrinterStatus status() const;
    // The same for the desk printer, asked alongside it; None when there is no desk printer.
    // slips_printed counts the slips of both.
    [[nodiscard]] PrinterStatus desk_status() const;
    // Asks the printer again now (the staff panel or the patient panel opened, a patient chose to
    // print while the last answer was bad). The answer's asked_at is after this call.
    void refresh_status();
    // Jobs submitted and not finished yet.
    [[nodiscard]] size_t pending() const;

private:
    struct Job {
        std::uint64_t id = 0;
        SlipLayout slip;
        SteadyTime deadline;
        PrinterRole printer = PrinterRole::WaitingRoom;
    };

    void run(std::stop_token stop);

    const PrinterConfig config_;
    const DeskPrinterConfig desk_;
    const std::chrono::milliseconds status_interval_;

    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<Job> queue_;
    std::vector<JobResult> results_;
    PrinterStatus status_;
    PrinterStatus desk_status_;
    std::uint64_t next_id_ = 1;
    size_t in_flight_ = 0;
    bool refresh_requested_ = true;

    std::jthread thread_;  // last: started after every member above exists, joined first
};

// The worker for `config`'s [printer] and [desk_printer]; null when neither prints (uri "none").
[[nodiscard]] std::unique_ptr<PrintWorker> make_print_worker(const KioskConfig& config);

}  // namespace kiosk
