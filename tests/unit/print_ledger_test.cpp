// Staff's test print answers once every printer's slip is back, one line per printer in the
// order printed; the last failed slip stays on show until that same printer prints again.
#include "core/print_ledger.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

JobResult result(std::uint64_t id, JobOutcome o, PrinterRole p, std::string detail = {}) {
    return JobResult{id, o, std::move(detail), p};
}

TEST(TestPrintRound, AnswersOnlyWhenTheLastSlipIsBack) {
    TestPrintRound round;
    EXPECT_FALSE(round.in_flight());
    round.add_job(7);
    round.add_job(8);
    EXPECT_TRUE(round.in_flight());
    EXPECT_TRUE(round.owns(8));
    EXPECT_FALSE(round.owns(9)) << "a patient's slip is not part of the test print";
    EXPECT_FALSE(round.on_result(result(9, JobOutcome::Printed, PrinterRole::WaitingRoom)));
    EXPECT_FALSE(round.on_result(result(8, JobOutcome::PaperOut, PrinterRole::Desk, "DLE EOT 4: paper end")))
        << "the waiting room's slip is still out";
    EXPECT_TRUE(round.in_flight());
    const auto answer = round.on_result(result(7, JobOutcome::Printed, PrinterRole::WaitingRoom, "printed on a:9100"));
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->lines, "Desk printer: out of paper (DLE EOT 4: paper end)\nWaiting-room printer: printed on a:9100");
    EXPECT_EQ(answer->summary, "Desk printer: out of paper\nWaiting-room printer: printed");
    EXPECT_FALSE(round.in_flight());
}

TEST(TestPrintRound, TheNextRoundStartsClean) {
    TestPrintRound round;
    round.add_job(1);
    ASSERT_TRUE(round.on_result(result(1, JobOutcome::Offline, PrinterRole::WaitingRoom)));
    round.add_job(2);
    const auto answer = round.on_result(result(2, JobOutcome::Printed, PrinterRole::WaitingRoom));
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->summary, "Waiting-room printer: printed") << "nothing of the first round is repeated";
}

TEST(TestPrintRound, AbandonedSlipsAreNeverAnswered) {
    TestPrintRound round;
    round.add_job(1);
    round.add_job(2);
    EXPECT_FALSE(round.on_result(result(1, JobOutcome::Printed, PrinterRole::WaitingRoom)));
    round.abandon();  // kiosk.toml's printers changed
    EXPECT_FALSE(round.in_flight());
    EXPECT_FALSE(round.on_result(result(2, JobOutcome::Printed, PrinterRole::Desk)));
    round.add_job(3);
    const auto answer = round.on_result(result(3, JobOutcome::Printed, PrinterRole::Desk));
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->summary, "Desk printer: printed") << "the abandoned round's line is gone";
}

TEST(LastPrintProblem, AFailureStaysUntilThatPrinterPrintsAgain) {
    LastPrintProblem problem;
    const WallTime t0{std::chrono::seconds(1000)};
    EXPECT_FALSE(problem.any());
    EXPECT_FALSE(problem.note(result(1, JobOutcome::Printed, PrinterRole::WaitingRoom), t0))
        << "a good slip with nothing to clear changes nothing";
    const auto before = problem.changes();
    EXPECT_TRUE(problem.note(result(2, JobOutcome::PaperOut, PrinterRole::Desk, "paper end"), t0));
    EXPECT_EQ(problem.message(), "Desk printer: out of paper (paper end)");
    EXPECT_EQ(problem.summary(), "Desk printer: out of paper");
    EXPECT_EQ(problem.at(), t0);
    EXPECT_GT(problem.changes(), before);
    EXPECT_FALSE(problem.note(result(3, JobOutcome::Printed, PrinterRole::WaitingRoom), t0 + std::chrono::seconds(5)))
        << "the waiting room printing says nothing about the desk's paper";
    EXPECT_TRUE(problem.any());
    EXPECT_TRUE(problem.note(result(4, JobOutcome::SentNotConfirmed, PrinterRole::Desk), t0 + std::chrono::seconds(9)));
    EXPECT_FALSE(problem.any());
    EXPECT_EQ(problem.message(), "");
    EXPECT_EQ(problem.summary(), "");
    EXPECT_FALSE(problem.at());
}

TEST(LastPrintProblem, ANewerFailureReplacesTheOlderOne) {
    LastPrintProblem problem;
    const WallTime t0{std::chrono::seconds(1000)};
    problem.note(result(1, JobOutcome::Offline, PrinterRole::WaitingRoom), t0);
    problem.note(result(2, JobOutcome::CoverOpen, PrinterRole::Desk), t0 + std::chrono::seconds(1));
    EXPECT_EQ(problem.summary(), "Desk printer: cover open");
    EXPECT_EQ(problem.at(), t0 + std::chrono::seconds(1));
    EXPECT_FALSE(problem.note(result(3, JobOutcome::Printed, PrinterRole::WaitingRoom), t0))
        << "only the printer named in the problem clears it";
    const auto n = problem.changes();
    problem.clear();
    EXPECT_FALSE(problem.any());
    EXPECT_GT(problem.changes(), n) << "status.json is written again after the printers change";
}

}  // namespace
}  // namespace kiosk
