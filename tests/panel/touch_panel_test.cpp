// The patient touch panel as a flow of intents over a fake clock: what it offers, what it prints,
// what it says when printing cannot happen, and that keyed personal data is gone afterwards.
#include "core/touch_panel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

template <class E>
int count_of(const PanelEffects& effects) {
    return static_cast<int>(std::count_if(effects.begin(), effects.end(),
                                          [](const PanelEffect& e) { return std::holds_alternative<E>(e); }));
}

bool counted(const PanelEffects& effects, PanelEvent kind) {
    return std::any_of(effects.begin(), effects.end(), [&](const PanelEffect& e) {
        const auto* c = std::get_if<effect::CountEvent>(&e);
        return c != nullptr && c->kind == kind;
    });
}

// A copy, so a check may take it straight from a temporary effect list.
std::optional<effect::SubmitSlip> submitted(const PanelEffects& effects) {
    for (const auto& e : effects)
        if (const auto* s = std::get_if<effect::SubmitSlip>(&e)) return *s;
    return std::nullopt;
}

PrinterStatus status(PrinterState s) {
    PrinterStatus st;
    st.state = s;
    return st;
}

KioskConfig printer_config() {
    KioskConfig c;
    c.printer.uri = "tcp://127.0.0.1:9100";
    c.clinic.phone = "+1 555 010 0199";
    c.player.idle_timeout_seconds = 30;
    c.printer.job_deadline_seconds = 60;
    c.printer.min_seconds_between_slips = 10;
    c.printer.max_slips_per_hour = 20;
    return c;
}

class PanelTest : public ::testing::Test {
protected:
    FakeClock clock;
    KioskConfig config = printer_config();
    TouchPanel panel{clock, config};

    void SetUp() override {
        panel.set_printer_status(status(PrinterState::Ready));
        panel.set_topic("Back pain");
    }
    // An answer the printer gave just now, i.e. after whatever the patient touched last.
    [[nodiscard]] PrinterStatus fresh(PrinterState s) const {
        PrinterStatus st = status(s);
        st.asked_at = clock.steady();
        return st;
    }
    void type(std::u32string_view keys) {
        for (const char32_t k : keys) (void)panel.handle(intent::KeyChar{k});
    }
    void open_keypad() {
        (void)panel.handle(intent::Open{});
        (void)panel.handle(intent::ChooseCallback{});
        ASSERT_EQ(panel.view().screen, PanelScreen::Keypad);
    }
};

TEST_F(PanelTest, OpeningPausesTheLoopAndOffersThreeChoices) {
    EXPECT_FALSE(panel.is_open());
    EXPECT_FALSE(panel.next_deadline()) << "a closed panel never needs waking";
    const auto fx = panel.handle(intent::Open{});
    EXPECT_EQ(count_of<effect::PauseLoop>(fx), 1);
    EXPECT_TRUE(counted(fx, PanelEvent::Opened));
    EXPECT_EQ(panel.view().screen, PanelScreen::Choices);
    EXPECT_TRUE(panel.view().offers_print);
    EXPECT_TRUE(panel.view().offers_callback);
    ASSERT_TRUE(panel.next_deadline());
    EXPECT_EQ(*panel.next_deadline(), clock.steady() + 30s);
}

TEST_F(PanelTest, IntentsWhileClosedDoNothing) {
    EXPECT_TRUE(panel.handle(intent::ChoosePrint{}).empty());
    EXPECT_TRUE(panel.handle(intent::Close{}).empty());
    EXPECT_EQ(panel.view().screen, PanelScreen::Closed);
}

TEST_F(PanelTest, PrintThenPrintedShowsConfirmationWithNumberThenCloses) {
    (void)panel.handle(intent::Open{});
    const auto fx = panel.handle(intent::ChoosePrint{});
    const auto slip = submitted(fx);
    ASSERT_TRUE(slip) << "a ready printer gets the take-away slip";
    EXPECT_EQ(slip->request.kind, SlipKind::TakeAway);
    EXPECT_EQ(slip->request.topic, "Back pain");
    EXPECT_TRUE(slip->request.patient_phone.empty());
    EXPECT_EQ(panel.view().screen, PanelScreen::Printing);
    EXPECT_EQ(panel.view().message, config.text.printing);

    clock.advance(3s);
    const auto done = panel.on_job_result(JobResult{slip->job_id, JobOutcome::Printed, {}});
    EXPECT_TRUE(counted(done, PanelEvent::SlipPrinted));
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    EXPECT_FALSE(panel.view().message_is_problem);
    EXPECT_EQ(panel.view().message, config.text.printed) << "the printer confirmed it";
    EXPECT_TRUE(panel.view().show_number) << "the number is shown even after a good print";

    ASSERT_TRUE(panel.next_deadline());
    EXPECT_LT(*panel.next_deadline(), clock.steady() + 30s) << "the confirmation closes before the idle timeout";
    clock.advance(*panel.next_deadline() - clock.steady());
    const auto closed = panel.tick();
    EXPECT_EQ(count_of<effect::ResumeLoop>(closed), 1);
    EXPECT_FALSE(panel.is_open());
}

TEST_F(PanelTest, ResultForAnotherJobIsIgnored) {
    (void)panel.handle(intent::Open{});
    const auto slip = submitted(panel.handle(intent::ChoosePrint{}));
    ASSERT_TRUE(slip);
    const auto id = slip->job_id;
    EXPECT_TRUE(panel.on_job_result(JobResult{id + 100, JobOutcome::Printed, {}}).empty());
    EXPECT_EQ(panel.view().screen, PanelScreen::Printing);
}

TEST_F(PanelTest, BindJobAcceptsTheWorkersOwnId) {
    (void)panel.handle(intent::Open{});
    ASSERT_TRUE(submitted(panel.handle(intent::ChoosePrint{})));
    panel.bind_job(4711);
    (void)panel.on_job_result(JobResult{4711, JobOutcome::Printed, {}});
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
}

TEST_F(PanelTest, PaperOutBeforePrintingDoesNotSubmitAndShowsNumber) {
    (void)panel.handle(intent::Open{});
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    EXPECT_TRUE(panel.view().offers_print) << "offered, so touching it explains the problem";
    const auto fx = panel.handle(intent::ChoosePrint{});
    EXPECT_FALSE(submitted(fx)) << "never submit to a printer known to be out of paper";
    EXPECT_TRUE(counted(fx, PanelEvent::PrinterUnavailable));
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    EXPECT_TRUE(panel.view().message_is_problem);
    EXPECT_EQ(panel.view().message, "The printer is out of paper. Here is our number:");
    EXPECT_TRUE(panel.view().show_number);
    EXPECT_EQ(panel.view().phone_display, "+1 555 010 0199");
    ASSERT_NE(panel.view().call_qr, nullptr);
    EXPECT_FALSE(panel.view().call_qr->empty());
}

TEST_F(PanelTest, OfflinePrinterSaysSoAndShowsNumber) {
    (void)panel.handle(intent::Open{});
    panel.set_printer_status(fresh(PrinterState::Offline));
    EXPECT_FALSE(submitted(panel.handle(intent::ChoosePrint{})));
    EXPECT_EQ(panel.view().message, config.text.printer_offline + " " + config.text.here_is_number);
    EXPECT_TRUE(panel.view().show_number);
}

TEST_F(PanelTest, PaperOutReportedByTheJobShowsNumberAndBlocksATryAgain) {
    (void)panel.handle(intent::Open{});
    const auto slip = submitted(panel.handle(intent::ChoosePrint{}));
    ASSERT_TRUE(slip);
    const auto fx = panel.on_job_result(JobResult{slip->job_id, JobOutcome::PaperOut, "paper end"});
    EXPECT_TRUE(counted(fx, PanelEvent::PrintFailed));
    EXPECT_EQ(panel.view().message, "The printer is out of paper. Here is our number:");
    EXPECT_TRUE(panel.view().show_number);
    // The job has just asked the printer: trying again at once is refused without a job.
    (void)panel.handle(intent::Back{});
    EXPECT_FALSE(submitted(panel.handle(intent::ChoosePrint{})));
    EXPECT_EQ(panel.view().message, "The printer is out of paper. Here is our number:");
}

// Issue 7.6: paper refilled, and the kiosk went on refusing for up to 30 s on a cached answer.
TEST_F(PanelTest, AnOutOfPaperFromBeforeThePatientCameIsAskedAgainAndThePrintGoesOut) {
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    clock.advance(5s);  // staff refill the paper; the worker's next check is 25 s away
    const auto opened = panel.handle(intent::Open{});
    EXPECT_EQ(count_of<effect::CheckPrinter>(opened), 1) << "opening the panel asks the printer again";
    const auto fx = panel.handle(intent::ChoosePrint{});
    EXPECT_TRUE(submitted(fx)) << "a cached bad answer must not refuse: the job asks the printer before printing";
    EXPECT_EQ(panel.view().screen, PanelScreen::Printing);
}

TEST_F(PanelTest, BackToTheChoicesAsksThePrinterAgain) {
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseShow{});
    EXPECT_EQ(count_of<effect::CheckPrinter>(panel.handle(intent::Back{})), 1);
}

TEST_F(PanelTest, CallbackOnAStaleBadAnswerChecksFirstThenOffersTheKeypad) {
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    clock.advance(5s);
    (void)panel.handle(intent::Open{});
    const auto fx = panel.handle(intent::ChooseCallback{});
    EXPECT_EQ(count_of<effect::CheckPrinter>(fx), 1);
    EXPECT_EQ(panel.view().screen, PanelScreen::Checking);
    EXPECT_EQ(panel.view().message, config.text.checking_printer);
    ASSERT_TRUE(panel.next_deadline());
    EXPECT_LE(*panel.next_deadline() - clock.steady(), 100ms) << "the loop looks for the answer often";
    clock.advance(200ms);
    EXPECT_TRUE(panel.tick().empty());
    EXPECT_EQ(panel.view().screen, PanelScreen::Checking) << "the old answer does not decide";
    panel.set_printer_status(fresh(PrinterState::Ready));
    (void)panel.tick();
    EXPECT_EQ(panel.view().screen, PanelScreen::Keypad);
}

TEST_F(PanelTest, CallbackCheckThatFindsThePaperStillOutSaysSo) {
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    clock.advance(5s);
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseCallback{});
    clock.advance(300ms);
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    const auto fx = panel.tick();
    EXPECT_TRUE(counted(fx, PanelEvent::PrinterUnavailable));
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    EXPECT_EQ(panel.view().message, "The printer is out of paper. Here is our number:");
    EXPECT_TRUE(panel.view().show_number);
}

TEST_F(PanelTest, CallbackCheckWithNoAnswerGoesByTheLastOne) {
    panel.set_printer_status(fresh(PrinterState::Offline));
    clock.advance(5s);
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseCallback{});
    clock.advance(4900ms);
    (void)panel.tick();
    EXPECT_EQ(panel.view().screen, PanelScreen::Checking);
    clock.advance(200ms);
    (void)panel.tick();
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    EXPECT_EQ(panel.view().message, config.text.printer_offline + " " + config.text.here_is_number);
}

TEST_F(PanelTest, NoResultWithinTheJobDeadlineIsAFailure) {
    (void)panel.handle(intent::Open{});
    ASSERT_TRUE(submitted(panel.handle(intent::ChoosePrint{})));
    clock.advance(31s);
    EXPECT_TRUE(panel.tick().empty()) << "the idle timeout does not cut a print short";
    EXPECT_EQ(panel.view().screen, PanelScreen::Printing);
    ASSERT_TRUE(panel.next_deadline());
    clock.advance(*panel.next_deadline() - clock.steady());
    const auto fx = panel.tick();
    EXPECT_TRUE(counted(fx, PanelEvent::PrintFailed));
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    EXPECT_EQ(panel.view().message, config.text.printer_error + " " + config.text.here_is_number);
    EXPECT_TRUE(panel.view().show_number);
}

TEST_F(PanelTest, NoPrinterOffersOnlyTheNumber) {
    KioskConfig none = printer_config();
    none.printer.uri = "none";
    TouchPanel p(clock, none);
    EXPECT_FALSE(p.view().offers_print);
    EXPECT_FALSE(p.view().offers_callback);
    (void)p.handle(intent::Open{});
    EXPECT_EQ(p.view().screen, PanelScreen::ShowNumber) << "a menu of one is skipped";
    EXPECT_FALSE(p.view().offers_print);
    EXPECT_FALSE(p.view().offers_callback);
    EXPECT_TRUE(p.handle(intent::ChoosePrint{}).empty());
    EXPECT_EQ(p.view().screen, PanelScreen::ShowNumber);
    const auto fx = p.handle(intent::Back{});
    EXPECT_EQ(count_of<effect::ResumeLoop>(fx), 1) << "Back from the only screen returns to the loop";
}

TEST_F(PanelTest, HiddenPhoneIsNeverShownOrPrinted) {
    // kiosk.toml's phone was broken at first start: no number can be trusted (ClinicConfig::phone_hidden).
    KioskConfig broken = printer_config();
    broken.clinic.phone.clear();
    broken.clinic.phone_hidden = true;
    TouchPanel p(clock, broken);
    p.set_printer_status(status(PrinterState::Ready));
    EXPECT_FALSE(p.view().offers_print) << "the take-away slip carries the number: not offered";
    EXPECT_TRUE(p.view().offers_callback) << "the desk can still call the patient back";
    (void)p.handle(intent::Open{});
    EXPECT_TRUE(p.handle(intent::ChoosePrint{}).empty()) << "a print touch does nothing";
    (void)p.handle(intent::ChooseShow{});
    ASSERT_EQ(p.view().screen, PanelScreen::ShowNumber);
    EXPECT_EQ(p.view().phone_display, broken.text.ask_at_desk) << "patients are sent to the desk";
    EXPECT_EQ(p.view().call_qr, nullptr) << "no QR without a number";
    EXPECT_EQ(p.view().phone_display.find("555"), std::string::npos) << "never the placeholder";
}

TEST_F(PanelTest, PrinterStatusNoneHidesPrinting) {
    panel.set_printer_status(status(PrinterState::None));
    EXPECT_FALSE(panel.view().offers_print);
    EXPECT_FALSE(panel.view().offers_callback);
}

TEST_F(PanelTest, RateLimitGivesFriendlyMessageAndNumber) {
    (void)panel.handle(intent::Open{});
    const auto slip = submitted(panel.handle(intent::ChoosePrint{}));
    ASSERT_TRUE(slip);
    (void)panel.on_job_result(JobResult{slip->job_id, JobOutcome::Printed, {}});
    (void)panel.handle(intent::Close{});

    clock.advance(2s);
    (void)panel.handle(intent::Open{});
    const auto fx = panel.handle(intent::ChoosePrint{});
    EXPECT_FALSE(submitted(fx)) << "a second slip within 10 s is refused";
    EXPECT_TRUE(counted(fx, PanelEvent::RateLimited));
    EXPECT_EQ(panel.view().message, config.text.rate_limited + " " + config.text.here_is_number);
    EXPECT_TRUE(panel.view().show_number);
    (void)panel.handle(intent::Close{});

    clock.advance(10s);
    (void)panel.handle(intent::Open{});
    EXPECT_TRUE(submitted(panel.handle(intent::ChoosePrint{}))) << "allowed again after the interval";
}

TEST_F(PanelTest, CallbackRejectsInvalidPhone) {
    open_keypad();
    EXPECT_EQ(panel.view().active_field, PanelField::Phone) << "the required field comes first";
    type(U"12345");
    const auto fx = panel.handle(intent::Submit{});
    EXPECT_FALSE(submitted(fx));
    EXPECT_EQ(panel.view().field_error, config.text.invalid_phone);
    EXPECT_EQ(panel.view().screen, PanelScreen::Keypad);
    EXPECT_EQ(panel.view().phone, "12345") << "the digits stay so the patient can fix them";
    type(U"6");
    EXPECT_TRUE(panel.view().field_error.empty()) << "typing clears the complaint";
}

TEST_F(PanelTest, CallbackSubmitsDeskSlipAndWipesKeyedData) {
    open_keypad();
    (void)panel.handle(intent::SwitchField{PanelField::Name});
    type(U"Zoë");
    (void)panel.handle(intent::SwitchField{PanelField::Phone});
    type(U"+15550100188");
    EXPECT_EQ(panel.view().name, "Zoë");
    EXPECT_EQ(panel.view().phone, "+15550100188");

    const auto fx = panel.handle(intent::Submit{});
    const auto slip = submitted(fx);
    ASSERT_TRUE(slip);
    EXPECT_EQ(slip->request.kind, SlipKind::Desk);
    EXPECT_EQ(slip->request.patient_name, "Zoë");
    EXPECT_EQ(slip->request.patient_phone, "+15550100188");
    EXPECT_EQ(slip->request.topic, "Back pain");
    EXPECT_EQ(panel.view().screen, PanelScreen::Printing);
    EXPECT_TRUE(panel.view().name.empty());
    EXPECT_TRUE(panel.view().phone.empty());
    EXPECT_TRUE(panel.keyed_data_blank()) << "once handed over, the panel keeps no copy";

    (void)panel.on_job_result(JobResult{slip->job_id, JobOutcome::Printed, {}});
    EXPECT_EQ(panel.view().message, config.text.callback_hand_in)
        << "no [desk_printer]: the slip came out here and the patient is asked to hand it in";
}

TEST_F(PanelTest, KeypadEditingRules) {
    open_keypad();
    type(U"1+2a");
    EXPECT_EQ(panel.view().phone, "12") << "'+' only first, letters never in the phone";
    (void)panel.handle(intent::Backspace{});
    EXPECT_EQ(panel.view().phone, "1");
    type(U"2345678901234567890");
    EXPECT_EQ(panel.view().phone.size(), 15U) << "no more digits than E.164 allows";

    (void)panel.handle(intent::SwitchField{PanelField::Name});
    type(U" Ann  Marie7");
    EXPECT_EQ(panel.view().name, "Ann Marie") << "no leading or double spaces, no digits";
    type(U"é");
    (void)panel.handle(intent::Backspace{});
    EXPECT_EQ(panel.view().name, "Ann Marie") << "backspace removes a whole accented letter";
    type(U"abcdefghijklmnopqrstuvwxyz");
    EXPECT_EQ(panel.view().name.size(), 20U);
}

TEST_F(PanelTest, KeyedDataGoneAfterClose) {
    open_keypad();
    type(U"5550100");
    (void)panel.handle(intent::SwitchField{PanelField::Name});
    type(U"Bob");
    const auto fx = panel.handle(intent::Close{});
    EXPECT_EQ(count_of<effect::ResumeLoop>(fx), 1);
    EXPECT_TRUE(panel.view().name.empty());
    EXPECT_TRUE(panel.view().phone.empty());
    EXPECT_TRUE(panel.keyed_data_blank());
    open_keypad();
    EXPECT_TRUE(panel.view().phone.empty()) << "the next patient sees empty fields";
}

TEST_F(PanelTest, KeyedDataGoneAfterBack) {
    open_keypad();
    type(U"5550100");
    (void)panel.handle(intent::Back{});
    EXPECT_EQ(panel.view().screen, PanelScreen::Choices);
    EXPECT_TRUE(panel.keyed_data_blank());
}

TEST_F(PanelTest, IdleTimeoutClosesResumesAndWipes) {
    open_keypad();
    type(U"5550100");
    clock.advance(20s);
    type(U"1");  // any touch restarts the idle timer
    clock.advance(29s);
    EXPECT_TRUE(panel.tick().empty());
    EXPECT_EQ(panel.view().screen, PanelScreen::Keypad);
    ASSERT_TRUE(panel.next_deadline());
    EXPECT_EQ(*panel.next_deadline(), clock.steady() + 1s);
    clock.advance(1s);
    const auto fx = panel.tick();
    EXPECT_EQ(count_of<effect::ResumeLoop>(fx), 1);
    EXPECT_TRUE(counted(fx, PanelEvent::TimedOut));
    EXPECT_EQ(panel.view().screen, PanelScreen::Closed);
    EXPECT_TRUE(panel.view().phone.empty());
    EXPECT_TRUE(panel.keyed_data_blank());
    EXPECT_FALSE(panel.next_deadline());
}

TEST_F(PanelTest, ShowNumberAndFailureScreensTimeOutToo) {
    (void)panel.handle(intent::Open{});
    (void)panel.handle(intent::ChooseShow{});
    EXPECT_EQ(panel.view().screen, PanelScreen::ShowNumber);
    clock.advance(30s);
    EXPECT_EQ(count_of<effect::ResumeLoop>(panel.tick()), 1);

    (void)panel.handle(intent::Open{});
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    (void)panel.handle(intent::ChoosePrint{});
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    clock.advance(30s);
    EXPECT_EQ(count_of<effect::ResumeLoop>(panel.tick()), 1);
    EXPECT_FALSE(panel.is_open());
}

TEST_F(PanelTest, LateResultAfterCloseIsCountedButChangesNothing) {
    (void)panel.handle(intent::Open{});
    const auto slip = submitted(panel.handle(intent::ChoosePrint{}));
    ASSERT_TRUE(slip);
    const auto id = slip->job_id;
    (void)panel.handle(intent::Close{});
    const auto fx = panel.on_job_result(JobResult{id, JobOutcome::Printed, {}});
    EXPECT_TRUE(counted(fx, PanelEvent::SlipPrinted));
    EXPECT_FALSE(panel.is_open());
}

TEST_F(PanelTest, CallbackWithPrinterOutOfPaperSaysSoBeforeTyping) {
    (void)panel.handle(intent::Open{});
    panel.set_printer_status(fresh(PrinterState::PaperOut));
    (void)panel.handle(intent::ChooseCallback{});
    EXPECT_EQ(panel.view().screen, PanelScreen::Result);
    EXPECT_TRUE(panel.view().show_number);
}

TEST(KeyedField, WipeZeroesEveryByte) {
    KeyedField<6> f;
    EXPECT_TRUE(f.push(U'A'));
    EXPECT_TRUE(f.push(U'€'));
    EXPECT_EQ(f.view(), "A€");
    EXPECT_FALSE(f.push(U'€')) << "never grows beyond its fixed storage";
    f.pop();
    EXPECT_EQ(f.view(), "A");
    EXPECT_TRUE(f.all_zero() == false);
    f.wipe();
    EXPECT_TRUE(f.all_zero());
}

}  // namespace
}  // namespace kiosk
