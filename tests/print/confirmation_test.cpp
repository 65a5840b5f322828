// "Printed" only when the printer says so: GS ( H (process ID response) is answered in order,
// after the slip's lines, unlike DLE EOT. A real listener that answers it like a printer, and one
// that does not know the command; the panel's words follow what was confirmed.
#include "escpos_listener.h"
#include "escpos_parser.h"

#include "core/slip.h"
#include "core/touch_panel.h"
#include "print/escpos_printer.h"
#include "print/print_worker.h"
#include "support/process.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using test::Cmd;
using test::EscposListener;
using test::ListenerMode;

KioskConfig clinic(int port, double confirm_seconds) {
    KioskConfig c;
    c.clinic.phone = "+1 555 010 0199";
    c.printer.uri = "tcp://127.0.0.1:" + std::to_string(port);
    c.printer.job_deadline_seconds = 20;
    c.printer.confirm_seconds = confirm_seconds;
    c.printer.min_seconds_between_slips = 0;
    return c;
}

SlipRequest take_away() {
    SlipRequest r;
    r.when = std::chrono::system_clock::now();
    return r;
}

JobResult wait_result(PrintWorker& worker) {
    std::vector<JobResult> results;
    const bool got = test::wait_until(
        [&] {
            for (auto& r : worker.take_results()) results.push_back(r);
            return !results.empty();
        },
        30s);
    EXPECT_TRUE(got) << "no job result";
    return got ? results.front() : JobResult{};
}

// The panel's sentence for a job's outcome, through the panel's own flow.
std::string panel_message(const KioskConfig& config, JobOutcome outcome, SlipKind kind) {
    FakeClock clock;
    TouchPanel panel(clock, config);
    PrinterStatus ready;
    ready.state = PrinterState::Ready;
    panel.set_printer_status(ready);
    (void)panel.handle(intent::Open{});
    std::uint64_t id = 0;
    const auto take = [&](PanelEffects fx) {
        for (auto& e : fx) {
            if (auto* s = std::get_if<effect::SubmitSlip>(&e)) id = s->job_id;
        }
    };
    if (kind == SlipKind::TakeAway) {
        take(panel.handle(intent::ChoosePrint{}));
    } else {
        (void)panel.handle(intent::ChooseCallback{});
        for (const char32_t c : std::u32string_view(U"5550107777")) (void)panel.handle(intent::KeyChar{c});
        take(panel.handle(intent::Submit{}));
    }
    EXPECT_NE(id, 0U);
    (void)panel.on_job_result(JobResult{id, outcome, {}});
    return panel.view().message;
}

TEST(ConfirmationIntegration, APrinterThatAnswersInOrderConfirmsTheSlip) {
    EscposListener printer(ListenerMode::Ok);
    printer.set_process_delay_ms(300);  // the time the paper takes to come out
    const KioskConfig config = clinic(printer.port(), 10);
    PrintWorker worker(config.printer);
    worker.submit(compose_slip(config, take_away()));
    const JobResult r = wait_result(worker);
    EXPECT_EQ(r.outcome, JobOutcome::Printed) << r.detail;
    EXPECT_NE(r.detail.find("confirmed by the printer"), std::string::npos) << r.detail;
    EXPECT_EQ(printer.process_id_requests(), 1);
    // Asked after the cut: its answer means the whole slip, cut included, was processed.
    const auto cs = test::parse_escpos(printer.received());
    EXPECT_EQ(cs.error, "");
    const auto cut = std::find_if(cs.commands.begin(), cs.commands.end(), [](auto& c) { return c.cmd == Cmd::Cut; });
    const auto pid =
        std::find_if(cs.commands.begin(), cs.commands.end(), [](auto& c) { return c.cmd == Cmd::ProcessId; });
    ASSERT_NE(cut, cs.commands.end());
    ASSERT_NE(pid, cs.commands.end());
    EXPECT_LT(cut - cs.commands.begin(), pid - cs.commands.begin());
    EXPECT_EQ(panel_message(config, r.outcome, SlipKind::TakeAway), config.text.printed);
    EXPECT_EQ(panel_message(config, r.outcome, SlipKind::Desk), config.text.callback_hand_in);
}

TEST(ConfirmationIntegration, APrinterThatCannotConfirmGivesSentNotConfirmedAfterTheDeadline) {
    EscposListener printer(ListenerMode::Ok);
    printer.set_answers_process_id(false);  // an older model: GS ( H is ignored
    const KioskConfig config = clinic(printer.port(), 1.0);
    PrintWorker worker(config.printer);
    const auto start = std::chrono::steady_clock::now();
    worker.submit(compose_slip(config, take_away()));
    const JobResult r = wait_result(worker);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.outcome, JobOutcome::SentNotConfirmed) << r.detail;
    EXPECT_NE(r.detail.find("GS ( H"), std::string::npos) << r.detail;
    EXPECT_GE(took, 1s) << "it waited for the confirmation's deadline";
    EXPECT_LT(took, 15s) << "and not for the whole job deadline";
    EXPECT_EQ(printer.process_id_requests(), 1);
    EXPECT_EQ(worker.status().state, PrinterState::Ready) << "DLE EOT still answered: the printer is fine";
    EXPECT_EQ(worker.status().slips_printed, 1U) << "sent slips are counted";
    // The panel does not claim the paper came out.
    EXPECT_EQ(panel_message(config, r.outcome, SlipKind::TakeAway), config.text.sent_not_confirmed);
    EXPECT_NE(panel_message(config, r.outcome, SlipKind::TakeAway), config.text.printed);
}

// Only the first patient waits the whole confirm_seconds for a printer that ignores GS ( H: once it
// stayed silent while still answering DLE EOT, later slips give it kUnconfirmingWait. If it answers
// after all (firmware updated, a different printer at the address), it is trusted again.
TEST(ConfirmationIntegration, APrinterThatIgnoredTheRequestOnceIsNotWaitedForAgain) {
    EscposListener printer(ListenerMode::Ok);
    printer.set_answers_process_id(false);
    const KioskConfig config = clinic(printer.port(), 5.0);
    PrintWorker worker(config.printer);
    const auto timed = [&] {
        const auto start = std::chrono::steady_clock::now();
        worker.submit(compose_slip(config, take_away()));
        const JobResult r = wait_result(worker);
        return std::pair{r, std::chrono::steady_clock::now() - start};
    };
    const auto [first, first_took] = timed();
    EXPECT_EQ(first.outcome, JobOutcome::SentNotConfirmed) << first.detail;
    EXPECT_GE(first_took, 5s) << "the first slip waits for confirm_seconds";
    const auto [second, second_took] = timed();
    EXPECT_EQ(second.outcome, JobOutcome::SentNotConfirmed) << second.detail;
    EXPECT_GE(second_took, kUnconfirmingWait) << "it is still asked, briefly";
    EXPECT_LT(second_took, 4500ms) << "the next patient does not wait the whole 5 s again";
    EXPECT_EQ(printer.process_id_requests(), 2);

    printer.set_answers_process_id(true);
    const JobResult third = timed().first;
    EXPECT_EQ(third.outcome, JobOutcome::Printed) << third.detail;
    printer.set_process_delay_ms(2500);  // a long slip: longer than the brief wait, within confirm_seconds
    const JobResult fourth = timed().first;
    EXPECT_EQ(fourth.outcome, JobOutcome::Printed) << "trusted again, so it gets the whole wait: " << fourth.detail;
    EXPECT_EQ(printer.process_id_requests(), 4);
}

TEST(ConfirmationIntegration, ConfirmationSwitchedOffSendsNoRequest) {
    EscposListener printer(ListenerMode::Ok);
    const KioskConfig config = clinic(printer.port(), 0);
    PrintWorker worker(config.printer);
    worker.submit(compose_slip(config, take_away()));
    EXPECT_EQ(wait_result(worker).outcome, JobOutcome::SentNotConfirmed);
    EXPECT_EQ(printer.process_id_requests(), 0);
}

}  // namespace
}  // namespace kiosk
