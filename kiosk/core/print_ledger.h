// What the kiosk remembers about its printing for staff, kept apart from the frame loop: the test
// print in flight (one slip per printer, answered once every slip is back) and the last slip that
// failed, which the panel, status.json and the web page show until that printer works again.
#pragma once

#include "clock.h"
#include "print_status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// One staff test print: a slip on each printer there is. The answer waits for all of them, so
// staff read one line per printer in the order they were printed.
class TestPrintRound {
public:
    struct Answer {
        std::string lines;    // job_message() of each slip, one per line (the web page, the log)
        std::string summary;  // job_summary() of each, one per line (the panel's narrow room)
    };

    [[nodiscard]] bool in_flight() const { return !jobs_.empty(); }
    // A slip of this round was handed to the print worker as `job_id`.
    void add_job(std::uint64_t job_id) { jobs_.push_back(job_id); }
    [[nodiscard]] bool owns(std::uint64_t job_id) const;
    // The result of one of its slips (owns() is true): the answer once it was the last one.
    [[nodiscard]] std::optional<Answer> on_result(const JobResult& r);
    // The printers changed: the slips in flight will never be answered.
    void abandon();

private:
    std::vector<std::uint64_t> jobs_;  // still waiting
    std::vector<std::string> lines_, summaries_;
};

// The last slip that failed, and on which printer. A slip that prints on that same printer clears
// it; one that prints on the other printer does not (the desk's paper is still out).
class LastPrintProblem {
public:
    // Notes a finished job; true when what staff see changed.
    bool note(const JobResult& r, WallTime now);
    void clear();

    [[nodiscard]] bool any() const { return !message_.empty(); }
    [[nodiscard]] const std::string& message() const { return message_; }  // job_message(); "" when none
    [[nodiscard]] const std::string& summary() const { return summary_; }  // job_summary(); "" when none
    [[nodiscard]] const std::optional<WallTime>& at() const { return at_; }
    // How often it changed: status.json is written again on each change (not on each job).
    [[nodiscard]] std::uint64_t changes() const { return changes_; }

private:
    std::string message_, summary_;
    PrinterRole printer_ = PrinterRole::WaitingRoom;
    std::optional<WallTime> at_;
    std::uint64_t changes_ = 0;
};

}  // namespace kiosk
