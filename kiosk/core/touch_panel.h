// The patient touch panel's behaviour with no UI: which screen is up, what it says, when it
// times out, and what the app must do (print a slip, pause or resume the loop, count a use).
// Screens turn touches into PanelIntents; the panel answers with PanelEffects. Time comes from a
// Clock so tests drive it with FakeClock. Keyed name and phone live only in fixed buffers that are
// zeroed on submit, close, back and timeout, so no copy of them can linger in freed memory here.
#pragma once

#include "clock.h"
#include "config.h"
#include "keyed_field.h"
#include "print_status.h"
#include "printer_config.h"
#include "qr_code.h"
#include "rate_limiter.h"
#include "slip_request.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk {

enum class PanelField { Name, Phone };

// What a touch on the panel meant. Screens return these; they never change state themselves.
namespace intent {
struct Open {};            // the always-visible "Interested? Touch here" button
struct ChoosePrint {};     // 1. Print our number
struct ChooseCallback {};  // 2. Ask us to call you
struct ChooseShow {};      // 3. Show the number
struct KeyChar {           // a key of the letter keyboard or the digit keypad
    char32_t ch = 0;
};
struct Backspace {};
struct SwitchField {       // the patient touched the name or the phone field
    PanelField field = PanelField::Phone;
};
struct Submit {};          // "Send to the desk"
struct Back {};
struct Close {};
}  // namespace intent

using PanelIntent = std::variant<intent::Open, intent::ChoosePrint, intent::ChooseCallback, intent::ChooseShow,
                                 intent::KeyChar, intent::Backspace, intent::SwitchField, intent::Submit,
                                 intent::Back, intent::Close>;

// Usage counters for the staff statistics. Never carries personal data.
enum class PanelEvent {
    Opened,             // the touch button was pressed
    ChosePrint,
    ChoseCallback,
    ChoseShow,
    SlipPrinted,        // take-away slip confirmed by the printer
    CallbackPrinted,    // desk slip confirmed by the printer
    PrintFailed,        // the printer reported a failure, or no answer in time
    PrinterUnavailable, // not submitted: the printer was known to be out of paper / offline
    RateLimited,
    TimedOut,           // the panel closed itself after the idle timeout
};
[[nodiscard]] const char* to_string(PanelEvent e);

namespace effect {
struct PauseLoop {};
struct ResumeLoop {};
// Hand `request` to the print worker (move it; for a Desk slip the worker wipes it after the
// job). Report the outcome with on_job_result(); use `job_id` as the JobResult's id, or call
// bind_job() with the worker's own id.
struct SubmitSlip {
    SlipRequest request;
    std::uint64_t job_id = 0;
};
struct CountEvent {
    PanelEvent kind = PanelEvent::Opened;
};
// Ask the printer for its state now (PrintWorker::refresh_status): a patient is about to choose,
// and a cached "out of paper" may be older than the refill.
struct CheckPrinter {};
}  // namespace effect

using PanelEffect =
    std::variant<effect::PauseLoop, effect::ResumeLoop, effect::SubmitSlip, effect::CountEvent, effect::CheckPrinter>;
using PanelEffects = std::vector<PanelEffect>;

// Checking: the patient chose the call-back while the last answer from the printer was bad and
// older than the choice; the panel waits (briefly) for a fresh answer before offering the keypad.
enum class PanelScreen { Closed, Choices, Keypad, Printing, Result, ShowNumber, Checking };

// Everything the screens draw; read it with TouchPanel::view() each frame. The keyed fields are
// views into the panel's own buffers: never copy them into anything long-lived.
struct TouchPanelView {
    PanelScreen screen = PanelScreen::Closed;
    bool offers_print = false;      // false when no printer is configured
    bool offers_callback = false;
    // Printing / Result / Checking: the sentence to show (e.g. "The printer is out of paper. Here is
    // our number:").
    std::string message;
    bool message_is_problem = false;  // drawn with the warning style
    bool show_number = false;         // Result: draw the number, QR and hours below the message
    bool slip_comes_out_here = true;  // Printing: false while a call-back slip goes to the desk's printer
    // Keypad.
    PanelField active_field = PanelField::Phone;
    std::string_view name;            // as typed
    std::string_view phone;           // as typed
    std::string field_error;          // e.g. UiStrings::invalid_phone; empty when fine
    // Show the number, and below every failure.
    std::string phone_display;        // ClinicConfig::phone without its extension, or UiStrings::ask_at_desk
    std::string phone_extension;      // "Extension 1234", drawn apart from the number; "" for none
    bool callback_hand_in = false;    // no desk printer: the call-back slip prints here, to be handed in
    bool phone_hidden = false;        // no trustworthy number: no take-away slip, no QR, "ask at the desk"
    std::string hours;
    const QrMatrix* call_qr = nullptr;  // tel: link to the clinic; null while the phone is hidden
};

struct TouchPanelOptions {
    std::chrono::duration<double> idle_timeout{30.0};   // PlayerConfig::idle_timeout_seconds
    std::chrono::duration<double> job_deadline{60.0};   // PrinterConfig::job_deadline_seconds
    std::chrono::duration<double> result_grace{5.0};    // added to job_deadline before giving up
    std::chrono::duration<double> confirmation{8.0};    // success message, then the panel closes
    // Checking: how long to wait for a fresh printer answer (a silent printer takes kStatusTimeout,
    // 1.5 s, to count as offline) before going by the last one.
    std::chrono::duration<double> printer_check{5.0};

    [[nodiscard]] static TouchPanelOptions from_config(const KioskConfig& config);
};

// Single-threaded (the UI thread). Call handle() with each intent, tick() when next_deadline()
// passes (or every frame), and forward every returned effect. Any intent resets the idle timer.
class TouchPanel {
public:
    TouchPanel(const Clock& clock, const KioskConfig& config);
    TouchPanel(const Clock& clock, const KioskConfig& config, TouchPanelOptions options);
    ~TouchPanel();
    TouchPanel(const TouchPanel&) = delete;
    TouchPanel& operator=(const TouchPanel&) = delete;

    [[nodiscard]] PanelEffects handle(const PanelIntent& intent);
    // Idle timeout, the printing deadline and the confirmation's auto-close.
    [[nodiscard]] PanelEffects tick();
    // When tick() next has something to do; nullopt while closed.
    [[nodiscard]] std::optional<SteadyTime> next_deadline() const;

    // From the print worker (copied out under its lock). Printer state decides what is offered.
    // A bad state (out of paper, offline) refuses a print only when the printer was asked after the
    // patient reached the choices (status.asked_at); an older one is asked again (CheckPrinter), and
    // a print is submitted anyway, since the job asks the printer before sending a byte.
    void set_printer_status(const PrinterStatus& status);
    // The desk printer's state ([desk_printer]): it alone decides about call-back slips when one
    // is configured, so an empty kiosk printer never stops a patient asking to be called back.
    void set_desk_printer_status(const PrinterStatus& status);
    // The outcome of a submitted job. Results for other jobs (or after the panel moved on) are
    // counted but do not change the screen.
    [[nodiscard]] PanelEffects on_job_result(const JobResult& result);
    // When the worker assigns its own job ids: the id of the job just submitted.
    void bind_job(std::uint64_t worker_job_id);
    // Title of the slide on screen, printed as "Interested in:" on slips.
    void set_topic(std::string topic);

    [[nodiscard]] bool is_open() const { return view_.screen != PanelScreen::Closed; }
    [[nodiscard]] const TouchPanelView& view() const { return view_; }

    // For tests: true when every byte of the keyed-name and keyed-phone buffers is zero.
    [[nodiscard]] bool keyed_data_blank() const { return name_.all_zero() && phone_.all_zero(); }

private:
    void go(PanelScreen screen);
    void touch();  // resets the idle timer
    void wipe_keyed();
    void close(PanelEffects& out);
    void show_problem(const std::string& sentence, PanelEvent why, PanelEffects& out);
    // nullopt when printing is possible now; else the sentence to show (and the counter). A bad
    // printer state blocks only when it is fresh (asked after trust_status_from_).
    [[nodiscard]] std::optional<std::pair<std::string, PanelEvent>> print_blocker(SlipKind kind) const;
    [[nodiscard]] std::optional<std::pair<std::string, PanelEvent>> printer_state_blocker(SlipKind kind) const;
    [[nodiscard]] bool status_is_fresh(SlipKind kind) const { return status_of(kind).asked_at >= trust_status_from_; }
    // The printer that gets `kind`'s slip: the desk printer for a call-back when there is one.
    [[nodiscard]] const PrinterStatus& status_of(SlipKind kind) const;
    [[nodiscard]] PrinterStatus& status_of(SlipKind kind);
    void update_offers();
    // The patient is at the choices: from now on only a fresh answer may refuse; ask for one.
    void arrive_at_choices(PanelEffects& out);
    void check_tick(PanelEffects& out);
    void submit(SlipRequest request, PanelEffects& out);
    void finish_job(JobOutcome outcome, PanelEffects& out);
    void key(char32_t ch);

    const Clock& clock_;
    UiStrings text_;
    TouchPanelOptions options_;
    bool printer_configured_;
    CallbackRoute callback_route_;  // desk printer, hand the slip in, or no call-back choice
    bool phone_hidden_;
    RateLimiter limiter_;
    PrinterStatus printer_;
    PrinterStatus desk_printer_;  // state None unless callback_route_ is DeskPrinter
    std::string topic_;
    QrMatrix qr_;

    KeyedField<64> name_;   // ≤ 20 letters, ≤ 2 bytes each in Latin-1/Extended-A
    KeyedField<32> phone_;  // ≤ 15 digits, '+', and room for the "too long" case

    TouchPanelView view_;
    SteadyTime last_touch_{};
    std::optional<SteadyTime> printing_deadline_;
    std::optional<SteadyTime> auto_close_at_;
    SteadyTime trust_status_from_{};
    SteadyTime checking_until_{};
    std::uint64_t next_job_id_ = 1;
    std::optional<std::uint64_t> awaiting_job_;
    SlipKind awaiting_kind_ = SlipKind::TakeAway;
};

}  // namespace kiosk
