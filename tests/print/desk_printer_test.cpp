// [desk_printer]: the call-back slip (a patient's name and number) goes to the printer behind the
// counter, never out of the waiting room's slot. Two real listeners on 127.0.0.1, the print worker
// and the touch panel driven as the kiosk drives them.
#include "escpos_listener.h"
#include "escpos_reader.h"

#include "core/slip.h"
#include "core/touch_panel.h"
#include "print/print_worker.h"
#include "support/process.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using test::EscposListener;
using test::ListenerMode;

KioskConfig two_printers(int kiosk_port, int desk_port) {
    KioskConfig c;
    c.clinic.name = "Test Clinic";
    c.clinic.phone = "+1 555 010 0199";
    c.printer.uri = "tcp://127.0.0.1:" + std::to_string(kiosk_port);
    c.printer.paper_width_mm = 58;
    c.printer.min_seconds_between_slips = 0;
    c.printer.job_deadline_seconds = 20;
    c.desk_printer.printer.uri = "tcp://127.0.0.1:" + std::to_string(desk_port);
    c.desk_printer.printer.print_width_dots = 512;
    return c;
}

// The kiosk's loop without a window (as in paper_refill_test.cpp).
struct KioskLoop {
    const KioskConfig& config;
    SystemClock clock;
    PrintWorker worker{config.printer, config.desk_printer};
    TouchPanel panel{clock, config};

    explicit KioskLoop(const KioskConfig& c) : config(c) {}
    void apply(PanelEffects effects) {
        for (PanelEffect& e : effects) {
            if (auto* submit = std::get_if<effect::SubmitSlip>(&e)) {
                panel.bind_job(worker.submit(compose_slip(config, submit->request)));
            } else if (std::holds_alternative<effect::CheckPrinter>(e)) {
                worker.refresh_status();
            }
        }
    }
    void touch(const PanelIntent& i) { apply(panel.handle(i)); }
    bool until(PanelScreen screen) {
        return test::wait_until(
            [&] {
                panel.set_printer_status(worker.status());
                panel.set_desk_printer_status(worker.desk_status());
                for (const JobResult& r : worker.take_results()) apply(panel.on_job_result(r));
                apply(panel.tick());
                return panel.view().screen == screen;
            },
            30s);
    }
};

TEST(DeskPrinterIntegration, TakeAwayAndDeskSlipsGoToTheirOwnPrinters) {
    EscposListener kiosk_printer(ListenerMode::Ok), desk_printer(ListenerMode::Ok);
    const KioskConfig config = two_printers(kiosk_printer.port(), desk_printer.port());
    KioskLoop kiosk(config);
    ASSERT_TRUE(kiosk.until(PanelScreen::Closed));

    // A patient takes the clinic's number away...
    kiosk.touch(intent::Open{});
    kiosk.touch(intent::ChoosePrint{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_EQ(kiosk.panel.view().message, config.text.printed);
    kiosk.touch(intent::Close{});
    // ... another asks to be called back.
    kiosk.touch(intent::Open{});
    EXPECT_TRUE(kiosk.panel.view().offers_callback);
    kiosk.touch(intent::ChooseCallback{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Keypad));
    kiosk.touch(intent::SwitchField{PanelField::Name});
    for (const char32_t c : std::u32string_view(U"Zoe")) kiosk.touch(intent::KeyChar{c});
    kiosk.touch(intent::SwitchField{PanelField::Phone});
    for (const char32_t c : std::u32string_view(U"+15550107777")) kiosk.touch(intent::KeyChar{c});
    kiosk.touch(intent::Submit{});
    EXPECT_EQ(kiosk.panel.view().message, config.text.callback_sending)
        << "nothing comes out here, so the screen does not say 'take it from the slot'";
    EXPECT_FALSE(kiosk.panel.view().slip_comes_out_here) << "and it points at no slot";
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_EQ(kiosk.panel.view().message, config.text.callback_printing);

    const test::Paper kiosk_paper = test::print_on_paper(kiosk_printer.received(), 384);
    const test::Paper desk_paper = test::print_on_paper(desk_printer.received(), 512);
    EXPECT_EQ(kiosk_paper.cuts, 1) << "one slip in the waiting room";
    EXPECT_EQ(desk_paper.cuts, 1) << "one slip at the desk";
    EXPECT_NE(kiosk_paper.line_with("+1 555 010 0199"), nullptr) << "the clinic's number, for the patient";
    // Nothing of the patient's in the waiting room's printer: not the name, not the number.
    const std::string kiosk_text = kiosk_paper.all_text();
    EXPECT_EQ(kiosk_text.find("ZOE"), std::string::npos) << kiosk_text;
    EXPECT_EQ(kiosk_text.find("Zoe"), std::string::npos) << kiosk_text;
    EXPECT_EQ(kiosk_text.find("7777"), std::string::npos) << kiosk_text;
    EXPECT_EQ(kiosk_text.find(config.text.callback_slip_title), std::string::npos);
    // The desk slip, laid out for the desk printer's own width.
    EXPECT_EQ(desk_paper.area_dots, 512);
    EXPECT_NE(desk_paper.line_with(config.text.callback_slip_title), nullptr) << desk_paper.all_text();
    EXPECT_NE(desk_paper.line_with("Zoe"), nullptr) << desk_paper.all_text();
    EXPECT_NE(desk_paper.line_with("+1 555 010 7777"), nullptr) << desk_paper.all_text();
    for (const auto& line : desk_paper.lines) EXPECT_FALSE(line.wrapped) << line.text;
}

TEST(DeskPrinterIntegration, WithoutADeskPrinterTheSlipIsHandedInOrTheChoiceIsHidden) {
    EscposListener kiosk_printer(ListenerMode::Ok);
    KioskConfig config = two_printers(kiosk_printer.port(), 0);
    config.desk_printer.printer.uri = "none";
    {
        KioskLoop kiosk(config);
        ASSERT_TRUE(kiosk.until(PanelScreen::Closed));
        kiosk.touch(intent::Open{});
        ASSERT_TRUE(kiosk.panel.view().offers_callback) << "hand_to_desk is the default";
        EXPECT_TRUE(kiosk.panel.view().callback_hand_in) << "the keypad's button says it prints here";
        kiosk.touch(intent::ChooseCallback{});
        ASSERT_TRUE(kiosk.until(PanelScreen::Keypad));
        for (const char32_t c : std::u32string_view(U"5550107777")) kiosk.touch(intent::KeyChar{c});
        kiosk.touch(intent::Submit{});
        ASSERT_TRUE(kiosk.until(PanelScreen::Result));
        EXPECT_EQ(kiosk.panel.view().message, config.text.callback_hand_in) << "the screen says plainly what to do";
    }
    const test::Paper paper = test::print_on_paper(kiosk_printer.received(), 384);
    EXPECT_NE(paper.line_with("555 010 7777"), nullptr) << "the slip to hand in came out here:\n" << paper.all_text();

    config.desk_printer.without = DeskFallback::Hide;
    KioskLoop hidden(config);
    hidden.touch(intent::Open{});
    EXPECT_TRUE(hidden.panel.view().offers_print);
    EXPECT_FALSE(hidden.panel.view().offers_callback) << "fallback = \"hide\": no call-back choice";
}

// Typing a name and number on the keypad and sending them to the desk, as a patient does.
void ask_for_call_back(KioskLoop& kiosk, std::u32string_view phone) {
    kiosk.touch(intent::ChooseCallback{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Keypad)) << kiosk.panel.view().message;
    kiosk.touch(intent::SwitchField{PanelField::Name});
    for (const char32_t c : std::u32string_view(U"Zoe")) kiosk.touch(intent::KeyChar{c});
    kiosk.touch(intent::SwitchField{PanelField::Phone});
    for (const char32_t c : phone) kiosk.touch(intent::KeyChar{c});
    kiosk.touch(intent::Submit{});
}

// The waiting room's printer is out of paper, the desk's is fine: the take-away slip is refused
// with the number on screen, but a patient can still ask to be called back. Each printer's own
// state decides about its own slips, and the worker reports each one (the staff panel shows both).
TEST(DeskPrinterIntegration, AnEmptyKioskPrinterDoesNotStopACallBackToTheDesk) {
    EscposListener kiosk_printer(ListenerMode::PaperOut), desk_printer(ListenerMode::Ok);
    const KioskConfig config = two_printers(kiosk_printer.port(), desk_printer.port());
    KioskLoop kiosk(config);
    ASSERT_TRUE(test::wait_until([&] { return kiosk.worker.status().state == PrinterState::PaperOut; }, 10s));
    ASSERT_TRUE(test::wait_until([&] { return kiosk.worker.desk_status().state == PrinterState::Ready; }, 10s));

    kiosk.touch(intent::Open{});
    kiosk.touch(intent::ChoosePrint{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_TRUE(kiosk.panel.view().message_is_problem);
    EXPECT_NE(kiosk.panel.view().message.find(config.text.printer_out_of_paper), std::string::npos)
        << kiosk.panel.view().message;
    kiosk.touch(intent::Back{});
    ASSERT_TRUE(kiosk.until(PanelScreen::Choices));
    ASSERT_TRUE(kiosk.panel.view().offers_callback);
    ask_for_call_back(kiosk, U"+15550107777");
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_EQ(kiosk.panel.view().message, config.text.callback_printing)
        << "the kiosk printer's paper is not the desk's";
    EXPECT_FALSE(kiosk.panel.view().message_is_problem);

    const test::Paper desk_paper = test::print_on_paper(desk_printer.received(), 512);
    EXPECT_EQ(desk_paper.cuts, 1);
    EXPECT_NE(desk_paper.line_with("+1 555 010 7777"), nullptr) << desk_paper.all_text();
    EXPECT_EQ(test::print_on_paper(kiosk_printer.received(), 384).cuts, 0) << "nothing was printed without paper";
    EXPECT_EQ(kiosk.worker.status().state, PrinterState::PaperOut) << "the kiosk printer's own state";
    EXPECT_EQ(kiosk.worker.desk_status().state, PrinterState::Ready) << "the desk printer's own state";
    EXPECT_NE(kiosk.worker.desk_status().detail.find(std::to_string(desk_printer.port())), std::string::npos)
        << "staff read which printer it is: " << kiosk.worker.desk_status().detail;
}

// A clinic with only the printer behind the counter: no take-away slip, but the call-back works.
TEST(DeskPrinterIntegration, ADeskPrinterAloneTakesCallBacks) {
    EscposListener desk_printer(ListenerMode::Ok);
    KioskConfig config = two_printers(0, desk_printer.port());
    config.printer.uri = "none";
    EXPECT_EQ(callback_route(config), CallbackRoute::DeskPrinter);
    EXPECT_NE(make_print_worker(config), nullptr) << "the kiosk needs a print worker for the desk printer";
    KioskConfig neither = config;
    neither.desk_printer.printer.uri = "none";
    EXPECT_EQ(make_print_worker(neither), nullptr);

    KioskLoop kiosk(config);
    ASSERT_TRUE(test::wait_until([&] { return kiosk.worker.desk_status().state == PrinterState::Ready; }, 10s));
    kiosk.touch(intent::Open{});
    EXPECT_EQ(kiosk.panel.view().screen, PanelScreen::Choices);
    EXPECT_FALSE(kiosk.panel.view().offers_print) << "no printer here: no take-away slip";
    ASSERT_TRUE(kiosk.panel.view().offers_callback);
    ask_for_call_back(kiosk, U"5550107777");
    ASSERT_TRUE(kiosk.until(PanelScreen::Result));
    EXPECT_EQ(kiosk.panel.view().message, config.text.callback_printing);
    EXPECT_EQ(kiosk.worker.status().state, PrinterState::None);
    const test::Paper desk_paper = test::print_on_paper(desk_printer.received(), 512);
    EXPECT_EQ(desk_paper.cuts, 1);
    EXPECT_NE(desk_paper.line_with("555 010 7777"), nullptr) << desk_paper.all_text();
}

// The first result the worker reports (up to 30 s).
JobResult next_result(PrintWorker& worker) {
    std::vector<JobResult> got;
    EXPECT_TRUE(test::wait_until([&] { return !(got = worker.take_results()).empty(); }, 30s)) << "no job result";
    return got.empty() ? JobResult{} : got.front();
}

// Staff's test print with only a desk printer: the test slip comes out at the desk, laid out for the
// desk printer's width, and the answer names the printer it printed on.
TEST(DeskPrinterIntegration, ATestSlipGoesToTheDeskPrinterAloneAndSaysSo) {
    EscposListener desk_printer(ListenerMode::Ok);
    KioskConfig config = two_printers(0, desk_printer.port());
    config.printer.uri = "none";
    PrintWorker worker(config.printer, config.desk_printer);
    EXPECT_FALSE(worker.has(PrinterRole::WaitingRoom));
    ASSERT_TRUE(worker.has(PrinterRole::Desk)) << "the kiosk's test print asks which printers there are";
    EXPECT_EQ(worker.kind(PrinterRole::Desk), "receipt printer at 127.0.0.1:" + std::to_string(desk_printer.port()));
    EXPECT_EQ(worker.kind(PrinterRole::WaitingRoom), "");

    SlipRequest request;
    request.topic = "Test print";
    request.slip_number = 1;
    (void)worker.submit_to(PrinterRole::Desk, compose_test_slip(config, request, PrinterRole::Desk));
    const JobResult r = next_result(worker);
    EXPECT_EQ(r.printer, PrinterRole::Desk);
    EXPECT_EQ(r.outcome, JobOutcome::Printed) << r.detail;
    EXPECT_TRUE(job_message(r).starts_with("Desk printer: printed on 127.0.0.1:")) << job_message(r);
    EXPECT_TRUE(test_print_succeeded(job_message(r)));

    const test::Paper paper = test::print_on_paper(desk_printer.received(), 512);
    EXPECT_EQ(paper.cuts, 1) << "the test slip came out at the desk";
    EXPECT_EQ(paper.area_dots, 512) << "laid out for the desk printer, not the (absent) waiting-room one";
    EXPECT_NE(paper.line_with("Test print"), nullptr) << paper.all_text();
    EXPECT_NE(paper.line_with("+1 555 010 0199"), nullptr) << "the take-away sample, nothing of a patient's";
    for (const auto& line : paper.lines) EXPECT_FALSE(line.wrapped) << line.text;
}

// A slip that cannot print is reported with the name of the printer that failed, so staff go to the
// right one; the patient's screen keeps its own sentence (and the number).
TEST(DeskPrinterIntegration, AFailedSlipNamesThePrinterThatFailed) {
    EscposListener kiosk_printer(ListenerMode::PaperOut), desk_printer(ListenerMode::PaperOut);
    const KioskConfig config = two_printers(kiosk_printer.port(), desk_printer.port());
    KioskLoop kiosk(config);
    ASSERT_TRUE(test::wait_until([&] { return kiosk.worker.desk_status().state == PrinterState::PaperOut; }, 10s));

    // A call-back request: the desk printer is out of paper.
    SlipRequest callback;
    callback.kind = SlipKind::Desk;
    callback.patient_name = "Zoe";
    callback.patient_phone = "+15550107777";
    (void)kiosk.worker.submit(compose_slip(config, callback));
    callback.wipe();
    const JobResult desk = next_result(kiosk.worker);
    EXPECT_EQ(desk.printer, PrinterRole::Desk);
    EXPECT_EQ(desk.outcome, JobOutcome::PaperOut) << desk.detail;
    EXPECT_TRUE(job_message(desk).starts_with("Desk printer: out of paper")) << job_message(desk);

    // A take-away slip: the waiting room's printer is out of paper too.
    SlipRequest take_away;
    take_away.topic = "Flu shots";
    (void)kiosk.worker.submit(compose_slip(config, take_away));
    const JobResult room = next_result(kiosk.worker);
    EXPECT_EQ(room.printer, PrinterRole::WaitingRoom);
    EXPECT_EQ(room.outcome, JobOutcome::PaperOut) << room.detail;
    EXPECT_TRUE(job_message(room).starts_with("Waiting-room printer: out of paper")) << job_message(room);

    // The same through the patient panel, as a patient meets it.
    kiosk.touch(intent::Open{});
    kiosk.touch(intent::ChoosePrint{});
    std::vector<JobResult> seen;
    ASSERT_TRUE(test::wait_until(
        [&] {
            for (JobResult& r : kiosk.worker.take_results()) {
                kiosk.apply(kiosk.panel.on_job_result(r));
                seen.push_back(std::move(r));
            }
            kiosk.panel.set_printer_status(kiosk.worker.status());
            kiosk.apply(kiosk.panel.tick());
            return kiosk.panel.view().screen == PanelScreen::Result;
        },
        30s))
        << kiosk.panel.view().message;
    // The panel may refuse before sending (it knows the paper is out) or the printer answers: either
    // way any report names the waiting room's printer.
    for (const JobResult& r : seen) {
        EXPECT_EQ(r.printer, PrinterRole::WaitingRoom);
        EXPECT_TRUE(job_message(r).starts_with("Waiting-room printer: out of paper")) << job_message(r);
    }
    const TouchPanelView& view = kiosk.panel.view();
    EXPECT_TRUE(view.message_is_problem);
    EXPECT_NE(view.message.find(config.text.printer_out_of_paper), std::string::npos) << view.message;
    EXPECT_EQ(view.message.find("printer:"), std::string::npos) << "patients keep their own words: " << view.message;
    EXPECT_EQ(printer_summary(PrinterRole::WaitingRoom, kiosk.worker.status().state),
              "Waiting-room printer: out of paper");
    EXPECT_EQ(printer_summary(PrinterRole::Desk, kiosk.worker.desk_status().state), "Desk printer: out of paper");
}

}  // namespace
}  // namespace kiosk
