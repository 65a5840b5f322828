// What staff read about a slip that failed or a test print: every message names its printer, so
// "out of paper" says which roll to change; the test print's answer is judged line by line.
#include "core/print_status.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(PrintMessages, AFailedSlipNamesItsPrinterInPlainWords) {
    EXPECT_EQ(job_message({1, JobOutcome::PaperOut, "DLE EOT 4: paper end", PrinterRole::Desk}),
              "Desk printer: out of paper (DLE EOT 4: paper end)");
    EXPECT_EQ(job_message({2, JobOutcome::Offline, "", PrinterRole::WaitingRoom}), "Waiting-room printer: offline");
    EXPECT_EQ(job_message({3, JobOutcome::Offline, "offline", PrinterRole::WaitingRoom}),
              "Waiting-room printer: offline")
        << "a detail that only repeats the outcome is said once";
    EXPECT_EQ(job_message({4, JobOutcome::NoPrinter, "no printer configured", PrinterRole::WaitingRoom}),
              "Waiting-room printer: not configured (no printer configured)");
}

TEST(PrintMessages, APrintedSlipSaysWhereWithoutSayingPrintedTwice) {
    EXPECT_EQ(job_message(
                  {1, JobOutcome::Printed, "printed on 127.0.0.1:9100 (confirmed by the printer)", PrinterRole::Desk}),
              "Desk printer: printed on 127.0.0.1:9100 (confirmed by the printer)");
    EXPECT_EQ(job_message({2, JobOutcome::Printed, "CUPS job 12 printed", PrinterRole::WaitingRoom}),
              "Waiting-room printer: printed (CUPS job 12 printed)")
        << "the outcome comes first, so a reader finds it at the same place";
}

TEST(PrintMessages, TheShortFormKeepsTheNameAndTheOutcome) {
    EXPECT_EQ(job_summary({1, JobOutcome::PaperOut, "DLE EOT 4: paper end", PrinterRole::Desk}),
              "Desk printer: out of paper");
    EXPECT_EQ(job_summary({2, JobOutcome::Printed, "printed on a:9100", PrinterRole::WaitingRoom}),
              "Waiting-room printer: printed");
}

TEST(PrintMessages, StatesInTheWordsOfTheFrontDesk) {
    EXPECT_EQ(printer_summary(PrinterRole::Desk, PrinterState::PaperOut), "Desk printer: out of paper");
    EXPECT_EQ(printer_summary(PrinterRole::WaitingRoom, PrinterState::Offline), "Waiting-room printer: offline");
    EXPECT_EQ(printer_summary(PrinterRole::Desk, PrinterState::None), "Desk printer: not configured");
    EXPECT_EQ(printer_summary(PrinterRole::Desk, PrinterState::Ready), "Desk printer: ready");
    EXPECT_STREQ(to_string(PrinterState::PaperOut), "paper out") << "status.json's state word is unchanged";
}

TEST(PrintMessages, ATestPrintSucceedsOnlyWhenEveryPrinterPrinted) {
    const std::string room = job_message({1, JobOutcome::Printed, "printed on a:9100", PrinterRole::WaitingRoom});
    const std::string desk_ok = job_message({2, JobOutcome::Printed, "printed on b:9100", PrinterRole::Desk});
    const std::string desk_out = job_message({2, JobOutcome::PaperOut, "paper end", PrinterRole::Desk});
    EXPECT_TRUE(test_print_succeeded(room));
    EXPECT_TRUE(test_print_succeeded(room + "\n" + desk_ok));
    EXPECT_FALSE(test_print_succeeded(room + "\n" + desk_out)) << "one printer out of paper is a failed test";
    EXPECT_FALSE(test_print_succeeded(desk_out));
    EXPECT_FALSE(test_print_succeeded(""));
    EXPECT_FALSE(test_print_succeeded(
        job_message({3, JobOutcome::SentNotConfirmed, "sent to c:9100, not confirmed", PrinterRole::WaitingRoom})))
        << "as before: only a confirmed slip counts as printed";
    EXPECT_TRUE(test_print_succeeded("printed on a:9100")) << "an older kiosk's answer";
}

}  // namespace
}  // namespace kiosk
