#include "print_worker.h"

#include "printer_uri.h"

#include <utility>

namespace kiosk {

PrintWorker::PrintWorker(PrinterConfig config, std::chrono::milliseconds status_interval)
    : PrintWorker(std::move(config), DeskPrinterConfig{}, status_interval) {}

PrintWorker::PrintWorker(PrinterConfig config, DeskPrinterConfig desk, std::chrono::milliseconds status_interval)
    : config_(std::move(config)),
      desk_(std::move(desk)),
      status_interval_(status_interval),
      desk_status_(status_now(desk_.configured() ? PrinterState::Unknown : PrinterState::None, {})),
      thread_([this](std::stop_token stop) { run(std::move(stop)); }) {}

PrintWorker::~PrintWorker() {
    thread_.request_stop();  // wakes wake_ through the stop token
    thread_.join();
}

std::uint64_t PrintWorker::submit(SlipLayout slip) {
    const PrinterRole printer =
        slip.kind == SlipKind::Desk && desk_.configured() ? PrinterRole::Desk : PrinterRole::WaitingRoom;
    return submit_to(printer, std::move(slip));
}

std::uint64_t PrintWorker::submit_to(PrinterRole printer, SlipLayout slip) {
    const PrinterConfig& target = printer == PrinterRole::Desk ? desk_.printer : config_;
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(std::max(1.0, target.job_deadline_seconds)));
    std::uint64_t id = 0;
    {
        const std::lock_guard lock(mutex_);
        id = next_id_++;
        queue_.push_back(Job{id, std::move(slip), deadline, printer});
    }
    wake_.notify_all();
    return id;
}

bool PrintWorker::has(PrinterRole printer) const {
    return printer == PrinterRole::Desk ? desk_.configured() : config_.uri != "none";
}

std::string PrintWorker::kind(PrinterRole printer) const {
    if (!has(printer)) return {};
    return printer_kind(printer == PrinterRole::Desk ? desk_.printer.uri : config_.uri);
}

std::vector<JobResult> PrintWorker::take_results() {
    const std::lock_guard lock(mutex_);
    return std::exchange(results_, {});
}

PrinterStatus PrintWorker::status() const {
    const std::lock_guard lock(mutex_);
    return status_;
}

PrinterStatus PrintWorker::desk_status() const {
    const std::lock_guard lock(mutex_);
    PrinterStatus s = desk_status_;
    s.slips_printed = status_.slips_printed;
    return s;
}

void PrintWorker::refresh_status() {
    {
        const std::lock_guard lock(mutex_);
        refresh_requested_ = true;
    }
    wake_.notify_all();
}

size_t PrintWorker::pending() const {
    const std::lock_guard lock(mutex_);
    return queue_.size() + in_flight_;
}

void PrintWorker::run(std::stop_token stop) {
    MadePrinter made = make_printer(config_);
    MadePrinter desk_made;  // stays empty without a desk printer
    if (desk_.configured()) desk_made = make_printer(desk_.printer);
    const auto set_status = [this](PrinterStatus s) {
        const std::lock_guard lock(mutex_);
        s.slips_printed = status_.slips_printed;
        status_ = std::move(s);
    };
    const auto set_desk_status = [this](PrinterStatus s) {
        const std::lock_guard lock(mutex_);
        desk_status_ = std::move(s);
    };
    // A printer that cannot be made (a bad URI) is an Error for good: staff see why.
    const auto unmade = [](const MadePrinter& m) {
        PrinterStatus s = status_now(PrinterState::Error, m.error);
        s.asked_at = std::chrono::steady_clock::now();
        return s;
    };
    if (!made.printer) set_status(unmade(made));
    if (desk_.configured() && !desk_made.printer) set_desk_status(unmade(desk_made));

    auto next_refresh = std::chrono::steady_clock::now();
    while (!stop.stop_requested()) {
        std::optional<Job> job;
        bool refresh = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_until(lock, stop, next_refresh, [&] { return !queue_.empty() || refresh_requested_; });
            if (stop.stop_requested()) break;
            if (!queue_.empty()) {
                job = std::move(queue_.front());
                queue_.pop_front();
                in_flight_ = 1;
            } else {
                refresh = true;  // asked for, or the interval passed
                refresh_requested_ = false;
            }
        }
        // Stamped before asking, so an answer counts as "asked after" only for requests made before it.
        const SteadyTime asked_at = std::chrono::steady_clock::now();
        if (job) {
            const bool to_desk = job->printer == PrinterRole::Desk;
            MadePrinter& printer = to_desk ? desk_made : made;
            PrintReport report;
            if (to_desk && !desk_.configured()) {
                report = {JobOutcome::NoPrinter, "no desk printer configured", {}};
            } else if (!printer.printer) {
                report = {JobOutcome::Error, printer.error, {}};
            } else if (std::chrono::steady_clock::now() >= job->deadline) {
                // This printer's last answer stands: a dropped slip says nothing new about it (and
                // a desk slip must not take the waiting room's state).
                report = {JobOutcome::TimedOut, "the slip waited too long behind other jobs and was dropped",
                          to_desk ? desk_status() : status()};
            } else {
                report = printer.printer->print(job->slip, job->deadline, stop);
            }
            job->slip.wipe();
            const std::lock_guard lock(mutex_);
            const bool sent = report.outcome == JobOutcome::Printed || report.outcome == JobOutcome::SentNotConfirmed;
            const std::uint64_t printed = status_.slips_printed + (sent ? 1 : 0);
            // The backend asked the printer before printing: that answer is the printer's state now.
            if (printer.printer) {
                PrinterStatus& target = to_desk ? desk_status_ : status_;
                target = report.status;
                target.asked_at = asked_at;
            }
            status_.slips_printed = printed;
            results_.push_back(JobResult{job->id, report.outcome, report.detail, job->printer});
            in_flight_ = 0;
            next_refresh = std::chrono::steady_clock::now() + status_interval_;
        } else if (refresh) {
            // Both printers, so the panel and the staff see each one's own state.
            for (MadePrinter* p : {&made, &desk_made}) {
                if (!p->printer) continue;
                PrinterStatus s = p->printer->query_status();
                s.asked_at = asked_at;
                if (p == &made) {
                    set_status(std::move(s));
                } else {
                    set_desk_status(std::move(s));
                }
            }
            next_refresh = std::chrono::steady_clock::now() + status_interval_;
        } else {
            next_refresh = std::chrono::steady_clock::now() + status_interval_;
        }
    }
}

std::unique_ptr<PrintWorker> make_print_worker(const KioskConfig& config) {
    if (config.printer.uri == "none" && !config.desk_printer.configured()) return nullptr;
    return std::make_unique<PrintWorker>(config.printer, config.desk_printer);
}

}  // namespace kiosk
