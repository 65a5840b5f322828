// Paper refilled while the kiosk still holds an "out of paper" answer (the worker asks only every
// 30 s): the next patient must get a slip at once. A real ESC/POS listener on 127.0.0.1 answers
// DLE EOT with paper end, then, after the refill, with all fine; the print worker and the touch
// panel run as the kiosk runs them (the panel on this thread, the worker on its own).
#include "escpos_listener.h"
#include "escpos_parser.h"

#include "core/slip.h"
#include "core/touch_panel.h"
#include "print/print_worker.h"
#include "support/process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using test::EscposListener;
using test::ListenerMode;

KioskConfig clinic(int port) {
    KioskConfig c;
    c.clinic.name = "Test Clinic";
    c.clinic.phone = "+1 555 010 0199";
    c.printer.uri = "tcp://127.0.0.1:" + std::to_string(port);
    c.printer.job_deadline_seconds = 10;
    c.printer.min_seconds_between_slips = 0;
    c.printer.max_slips_per_hour = 100;
    return c;
}

size_t cuts(const EscposListener& printer) {
    const auto commands = test::parse_escpos(printer.received()).commands;
    return static_cast<size_t>(std::count_if(commands.begin(), commands.end(),
                                             [](const test::Command& c) { return c.cmd == test::Cmd::Cut; }));
}

// The kiosk's loop without the window: effects go to the worker, the worker's status and
// results come back to the panel, the panel ticks.
struct KioskLoop {
    const KioskConfig& config;
    SystemClock clock;
    PrintWorker worker{config.printer};  // 30 s between status checks, as in the kiosk
    TouchPanel panel{clock, config};

    explicit KioskLoop(const KioskConfig& c) : config(c) {}

    void apply(PanelEffects effects) {
        for (PanelEffect& e : effects) {
            if (auto* submit = std::get_if<effect::SubmitSlip>(&e)) {
                submit->request.slip_number = 1;
                panel.bind_job(worker.submit(compose_slip(config, submit->request)));
            } else if (std::holds_alternative<effect::CheckPrinter>(e)) {
                worker.refresh_status();
            }
        }
    }
    void touch(const PanelIntent& i) { apply(panel.handle(i)); }
    void pump() {
        panel.set_printer_status(worker.status());
        for (const JobResult& r : worker.take_results()) apply(panel.on_job_result(r));
        apply(panel.tick());
    }
    // Runs the loop until the panel shows `screen`; false after `timeout`.
    bool until(PanelScreen screen, std::chrono::milliseconds timeout = 10s) {
        return test::wait_until(
            [&] {
                pump();
                std::this_thread::sleep_for(10ms);
                return panel.view().screen == screen;
            },
            timeout);
    }
};

TEST(PaperRefillIntegration, TheWorkerAnswersARefreshWithAStatusAskedAfterIt) {
    EscposListener printer(ListenerMode::PaperOut);
    const KioskConfig config = clinic(printer.port());
    PrintWorker worker(config.printer);
    SlipRequest request;
    request.when = std::chrono::system_clock::now();
    worker.submit(compose_slip(config, request));
    ASSERT_TRUE(test::wait_until([&] { return !worker.take_results().empty(); }, 10s));
    EXPECT_EQ(worker.status().state, PrinterState::PaperOut);

    printer.set_mode(ListenerMode::Ok);  // staff refill the paper
    const SteadyTime asked = std::chrono::steady_clock::now();
    worker.refresh_status();
    PrinterStatus s;
    EXPECT_TRUE(test::wait_until(
        [&] {
            s = worker.status();
            return s.asked_at >= asked;
        },
        5s))
        << "refresh_status() brought no answer asked after it (the next periodic check is 30 s away)";
    EXPECT_EQ(s.state, PrinterState::Ready) << s.detail;
}

TEST(PaperRefillIntegration, OutOfPaperShowsTheNumberAndAfterTheRefillTheNextPrintGoesOut) {
    EscposListener printer(ListenerMode::PaperOut);
    const KioskConfig config = clinic(printer.port());
    KioskLoop kiosk(config);
    ASSERT_TRUE(test::wait_until([&] { return kiosk.worker.status().state == PrinterState::PaperOut; }, 10s))
        << "the worker's first check should find the paper out";

    // A patient asks for a slip: the kiosk says why not and shows the number.
    kiosk.touch(intent::Open{});
    kiosk.pump();
    kiosk.touch(intent::ChoosePrint{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_TRUE(kiosk.panel.view().message_is_problem);
    EXPECT_EQ(kiosk.panel.view().message, config.text.printer_out_of_paper + " " + config.text.here_is_number);
    EXPECT_TRUE(kiosk.panel.view().show_number);
    EXPECT_EQ(cuts(printer), 0U) << "nothing printed while the paper was out";
    kiosk.touch(intent::Close{});
    kiosk.pump();

    // Staff refill the paper; the next patient comes at once (the worker's next own check is
    // 30 s away) and touches Print before the loop has even run once.
    printer.set_mode(ListenerMode::Ok);
    kiosk.touch(intent::Open{});
    kiosk.touch(intent::ChoosePrint{});
    EXPECT_EQ(kiosk.panel.view().screen, PanelScreen::Printing)
        << "refused on the old answer: " << kiosk.panel.view().message;
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_FALSE(kiosk.panel.view().message_is_problem) << kiosk.panel.view().message;
    EXPECT_EQ(kiosk.panel.view().message, config.text.printed) << "the printer confirmed it (GS ( H)";
    EXPECT_EQ(cuts(printer), 1U) << "the slip reached the printer, cut";
}

TEST(PaperRefillIntegration, AfterTheRefillTheCallbackKeypadIsOfferedAgain) {
    EscposListener printer(ListenerMode::PaperOut);
    const KioskConfig config = clinic(printer.port());
    KioskLoop kiosk(config);
    ASSERT_TRUE(test::wait_until([&] { return kiosk.worker.status().state == PrinterState::PaperOut; }, 10s));
    kiosk.touch(intent::Open{});
    kiosk.pump();
    kiosk.touch(intent::ChooseCallback{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Result)) << "paper out: no keypad to type a number for nothing";
    EXPECT_EQ(kiosk.panel.view().message, config.text.printer_out_of_paper + " " + config.text.here_is_number);
    kiosk.touch(intent::Close{});

    printer.set_mode(ListenerMode::Ok);
    kiosk.touch(intent::Open{});
    kiosk.touch(intent::ChooseCallback{});  // (almost surely) before the fresh answer: the panel checks first
    EXPECT_NE(kiosk.panel.view().screen, PanelScreen::Result) << "refused on the old answer";
    EXPECT_TRUE(kiosk.until(PanelScreen::Keypad, 5s)) << "still " << kiosk.panel.view().message;
}

}  // namespace
}  // namespace kiosk
