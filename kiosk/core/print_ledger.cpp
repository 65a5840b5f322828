#include "print_ledger.h"

#include <algorithm>

namespace kiosk {

namespace {

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) {
        if (!out.empty()) out += '\n';
        out += l;
    }
    return out;
}

}  // namespace

bool TestPrintRound::owns(std::uint64_t job_id) const { return std::ranges::find(jobs_, job_id) != jobs_.end(); }

std::optional<TestPrintRound::Answer> TestPrintRound::on_result(const JobResult& r) {
    const auto it = std::ranges::find(jobs_, r.job_id);
    if (it == jobs_.end()) return std::nullopt;
    jobs_.erase(it);
    lines_.push_back(job_message(r));
    summaries_.push_back(job_summary(r));
    if (!jobs_.empty()) return std::nullopt;
    Answer answer{join_lines(lines_), join_lines(summaries_)};
    lines_.clear();
    summaries_.clear();
    return answer;
}

void TestPrintRound::abandon() {
    jobs_.clear();
    lines_.clear();
    summaries_.clear();
}

bool LastPrintProblem::note(const JobResult& r, WallTime now) {
    const bool sent = r.outcome == JobOutcome::Printed || r.outcome == JobOutcome::SentNotConfirmed;
    if (!sent) {
        message_ = job_message(r);
        summary_ = job_summary(r);
        printer_ = r.printer;
        at_ = now;
        ++changes_;
        return true;
    }
    if (any() && printer_ == r.printer) {  // that printer works again
        clear();
        return true;
    }
    return false;
}

void LastPrintProblem::clear() {
    message_.clear();
    summary_.clear();
    at_.reset();
    ++changes_;
}

}  // namespace kiosk
