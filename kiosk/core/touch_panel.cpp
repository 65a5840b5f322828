#include "touch_panel.h"

#include "phone_number.h"

#include "phone_entry.h"
#include "slip.h"
#include "utf8.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kiosk {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

SteadyTime::duration to_steady(std::chrono::duration<double> d) {
    return std::chrono::duration_cast<SteadyTime::duration>(std::max(d, std::chrono::duration<double>::zero()));
}

bool is_name_char(char32_t c) {
    // The same set validate_name() accepts, so a key that is offered can never make the name invalid.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7) return true;
    return c == ' ' || c == '-' || c == '\'' || c == 0x2019;
}

std::size_t count_digits(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool printer_configured(const PrinterConfig& printer) {
    std::string uri = printer.uri;
    std::transform(uri.begin(), uri.end(), uri.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return !uri.empty() && uri != "none";
}

}  // namespace

const char* to_string(PanelEvent e) {
    switch (e) {
        case PanelEvent::Opened: return "panel_opened";
        case PanelEvent::ChosePrint: return "chose_print";
        case PanelEvent::ChoseCallback: return "chose_callback";
        case PanelEvent::ChoseShow: return "chose_show";
        case PanelEvent::SlipPrinted: return "slip_printed";
        case PanelEvent::CallbackPrinted: return "callback_printed";
        case PanelEvent::PrintFailed: return "print_failed";
        case PanelEvent::PrinterUnavailable: return "printer_unavailable";
        case PanelEvent::RateLimited: return "rate_limited";
        case PanelEvent::TimedOut: return "panel_timed_out";
    }
    return "unknown";
}

TouchPanelOptions TouchPanelOptions::from_config(const KioskConfig& config) {
    TouchPanelOptions o;
    o.idle_timeout = std::chrono::duration<double>(config.player.idle_timeout_seconds);
    o.job_deadline = std::chrono::duration<double>(config.printer.job_deadline_seconds);
    return o;
}

TouchPanel::TouchPanel(const Clock& clock, const KioskConfig& config)
    : TouchPanel(clock, config, TouchPanelOptions::from_config(config)) {}

TouchPanel::TouchPanel(const Clock& clock, const KioskConfig& config, TouchPanelOptions options)
    : clock_(clock),
      text_(config.text),
      options_(options),
      printer_configured_(printer_configured(config.printer)),
      callback_route_(callback_route(config)),
      phone_hidden_(config.clinic.phone_hidden),
      limiter_(RateLimiter::from_config(config.printer)),
      qr_(make_qr(tel_uri(config.clinic.phone))) {
    printer_.state = printer_configured_ ? PrinterState::Unknown : PrinterState::None;
    desk_printer_.state = callback_route_ == CallbackRoute::DeskPrinter ? PrinterState::Unknown : PrinterState::None;
    // A hidden phone (broken in kiosk.toml, no last good number) is never replaced by a made-up
    // one: the take-away slip, which carries the number, is not offered, and patients are sent to
    // the desk. A callback slip still works: the desk calls the patient.
    view_.phone_hidden = phone_hidden_;
    view_.phone_display = phone_hidden_ ? config.text.ask_at_desk : config.clinic.phone;
    if (const PhoneParse phone = parse_phone(config.clinic.phone); phone.number && !phone_hidden_) {
        // The extension is not dialled: it stands apart so nobody keys it in as part of the number.
        view_.phone_display = phone.number->dialable;
        if (!phone.number->extension.empty()) {
            view_.phone_extension = config.text.extension_label + " " + phone.number->extension;
        }
    }
    view_.callback_hand_in = callback_route_ == CallbackRoute::HandToDesk;
    view_.hours = config.clinic.hours;
    view_.call_qr = phone_hidden_ ? nullptr : &qr_;
    update_offers();
}

TouchPanel::~TouchPanel() { wipe_keyed(); }

void TouchPanel::set_topic(std::string topic) { topic_ = std::move(topic); }

void TouchPanel::set_printer_status(const PrinterStatus& status) {
    printer_ = status;
    if (!printer_configured_) printer_.state = PrinterState::None;
    update_offers();
}

void TouchPanel::set_desk_printer_status(const PrinterStatus& status) {
    desk_printer_ = status;
    if (callback_route_ != CallbackRoute::DeskPrinter) desk_printer_.state = PrinterState::None;
    update_offers();
}

void TouchPanel::update_offers() {
    // Only "no printer at all" hides a choice: a printer that is out of paper is still offered,
    // and touching it explains the problem and shows the number (the patient learns why).
    view_.offers_print = printer_.state != PrinterState::None && !phone_hidden_;
    view_.offers_callback =
        callback_route_ != CallbackRoute::NotOffered && status_of(SlipKind::Desk).state != PrinterState::None;
}

const PrinterStatus& TouchPanel::status_of(SlipKind kind) const {
    return kind == SlipKind::Desk && callback_route_ == CallbackRoute::DeskPrinter ? desk_printer_ : printer_;
}

PrinterStatus& TouchPanel::status_of(SlipKind kind) {
    return kind == SlipKind::Desk && callback_route_ == CallbackRoute::DeskPrinter ? desk_printer_ : printer_;
}

void TouchPanel::bind_job(std::uint64_t worker_job_id) {
    if (awaiting_job_) awaiting_job_ = worker_job_id;
}

void TouchPanel::touch() { last_touch_ = clock_.steady(); }

void TouchPanel::go(PanelScreen screen) {
    view_.screen = screen;
    touch();  // a new screen gets a full idle timeout to be read
}

void TouchPanel::wipe_keyed() {
    name_.wipe();
    phone_.wipe();
    view_.name = {};
    view_.phone = {};
    view_.field_error.clear();
    view_.active_field = PanelField::Phone;
}

void TouchPanel::close(PanelEffects& out) {
    wipe_keyed();
    view_.screen = PanelScreen::Closed;
    view_.message.clear();
    view_.message_is_problem = false;
    view_.show_number = false;
    printing_deadline_.reset();
    auto_close_at_.reset();
    // awaiting_job_ is kept: a late result is still counted for the staff statistics.
    out.emplace_back(effect::ResumeLoop{});
}

void TouchPanel::show_problem(const std::string& sentence, PanelEvent why, PanelEffects& out) {
    // Every failure ends with the number on screen, so the patient can still reach the clinic.
    view_.message = sentence + " " + text_.here_is_number;
    view_.message_is_problem = true;
    view_.show_number = true;
    auto_close_at_.reset();
    printing_deadline_.reset();
    go(PanelScreen::Result);
    out.emplace_back(effect::CountEvent{why});
}

void TouchPanel::arrive_at_choices(PanelEffects& out) {
    trust_status_from_ = clock_.steady();
    if (printer_configured_ || callback_route_ == CallbackRoute::DeskPrinter) out.emplace_back(effect::CheckPrinter{});
}

std::optional<std::pair<std::string, PanelEvent>> TouchPanel::printer_state_blocker(SlipKind kind) const {
    switch (status_of(kind).state) {
        case PrinterState::PaperOut: return std::pair{text_.printer_out_of_paper, PanelEvent::PrinterUnavailable};
        case PrinterState::None:
        case PrinterState::CoverOpen:
        case PrinterState::Offline:
        case PrinterState::Error: return std::pair{text_.printer_offline, PanelEvent::PrinterUnavailable};
        case PrinterState::Unknown:
        case PrinterState::Ready:
        case PrinterState::PaperLow: break;
    }
    return std::nullopt;
}

std::optional<std::pair<std::string, PanelEvent>> TouchPanel::print_blocker(SlipKind kind) const {
    if (status_is_fresh(kind)) {
        if (auto blocked = printer_state_blocker(kind)) return blocked;
    }
    if (!limiter_.allow(clock_.steady())) return std::pair{text_.rate_limited, PanelEvent::RateLimited};
    return std::nullopt;
}

void TouchPanel::submit(SlipRequest request, PanelEffects& out) {
    const SteadyTime now = clock_.steady();
    limiter_.record(now);
    request.when = clock_.wall();
    request.topic = topic_;
    const std::uint64_t id = next_job_id_++;
    awaiting_job_ = id;
    awaiting_kind_ = request.kind;
    printing_deadline_ = now + to_steady(options_.job_deadline + options_.result_grace);
    auto_close_at_.reset();
    // A slip for the desk printer does not come out here: say so while it is being sent, and the
    // screen points at no slot.
    view_.slip_comes_out_here = !(request.kind == SlipKind::Desk && callback_route_ == CallbackRoute::DeskPrinter);
    view_.message = view_.slip_comes_out_here ? text_.printing : text_.callback_sending;
    view_.message_is_problem = false;
    view_.show_number = false;
    go(PanelScreen::Printing);
    out.emplace_back(effect::SubmitSlip{std::move(request), id});
}

void TouchPanel::finish_job(JobOutcome outcome, PanelEffects& out) {
    const SlipKind kind = awaiting_kind_;
    awaiting_job_.reset();
    printing_deadline_.reset();
    switch (outcome) {
        case JobOutcome::Printed:
        case JobOutcome::SentNotConfirmed: {
            // The wording follows what the printer really confirmed.
            const bool confirmed = outcome == JobOutcome::Printed;
            if (kind == SlipKind::TakeAway) {
                view_.message = confirmed ? text_.printed : text_.sent_not_confirmed;
            } else if (callback_route_ == CallbackRoute::HandToDesk) {
                view_.message = confirmed ? text_.callback_hand_in : text_.sent_not_confirmed + " " + text_.callback_hand_in;
            } else {
                view_.message = confirmed ? text_.callback_printing : text_.callback_sent_not_confirmed;
            }
            view_.message_is_problem = false;
            view_.show_number = true;  // the number anyway, in case the slip gets lost
            go(PanelScreen::Result);
            auto_close_at_ = clock_.steady() + to_steady(options_.confirmation);
            out.emplace_back(effect::CountEvent{kind == SlipKind::Desk ? PanelEvent::CallbackPrinted
                                                                        : PanelEvent::SlipPrinted});
            return;
        }
        case JobOutcome::PaperOut:
            status_of(kind).state = PrinterState::PaperOut;  // the job just asked: Back then Print is told at once
            status_of(kind).asked_at = clock_.steady();
            show_problem(text_.printer_out_of_paper, PanelEvent::PrintFailed, out);
            return;
        case JobOutcome::CoverOpen:
        case JobOutcome::Offline:
        case JobOutcome::NoPrinter:
            show_problem(text_.printer_offline, PanelEvent::PrintFailed, out);
            return;
        case JobOutcome::TimedOut:
        case JobOutcome::Error:
            show_problem(text_.printer_error, PanelEvent::PrintFailed, out);
            return;
    }
}

void TouchPanel::key(char32_t ch) {
    view_.field_error.clear();
    if (view_.active_field == PanelField::Phone) {
        if (ch >= '0' && ch <= '9') {
            if (count_digits(phone_.view()) < static_cast<std::size_t>(kMaxPhoneDigits)) phone_.push(ch);
        } else if (ch == '+' && phone_.empty()) {
            phone_.push(ch);
        }
        return;
    }
    if (!is_name_char(ch) || utf8_length(name_.view()) >= static_cast<std::size_t>(kMaxNameChars)) return;
    // No leading or doubled spaces: validate_name would drop them anyway, and the field would lie.
    if (ch == ' ' && (name_.empty() || name_.view().back() == ' ')) return;
    // The keyboard shows capitals; a name reads "Anne-Marie O'Neil" without a shift key.
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
        const bool word_start = name_.empty() || name_.view().back() == ' ' || name_.view().back() == '-' ||
                                name_.view().back() == '\'';
        const char32_t lower = ch | 0x20U;
        ch = word_start ? lower - 0x20U : lower;
    }
    name_.push(ch);
}

PanelEffects TouchPanel::handle(const PanelIntent& in) {
    PanelEffects out;
    if (view_.screen == PanelScreen::Closed) {
        if (std::holds_alternative<intent::Open>(in)) {
            wipe_keyed();
            out.emplace_back(effect::PauseLoop{});
            out.emplace_back(effect::CountEvent{PanelEvent::Opened});
            arrive_at_choices(out);
            // With no printer there is only one thing to offer: skip the menu and show it.
            go(view_.offers_print || view_.offers_callback ? PanelScreen::Choices : PanelScreen::ShowNumber);
        }
        return out;
    }
    touch();
    const PanelScreen screen = view_.screen;
    std::visit(Overloaded{
                   [](const intent::Open&) {},
                   [&](const intent::ChoosePrint&) {
                       if (screen != PanelScreen::Choices || !view_.offers_print) return;
                       out.emplace_back(effect::CountEvent{PanelEvent::ChosePrint});
                       if (auto blocked = print_blocker(SlipKind::TakeAway))
                           return show_problem(blocked->first, blocked->second, out);
                       // A bad state from before the patient came is not trusted: the job asks the
                       // printer first and answers PaperOut without printing if it still is.
                       SlipRequest request;
                       request.kind = SlipKind::TakeAway;
                       submit(std::move(request), out);
                   },
                   [&](const intent::ChooseCallback&) {
                       if (screen != PanelScreen::Choices || !view_.offers_callback) return;
                       out.emplace_back(effect::CountEvent{PanelEvent::ChoseCallback});
                       // Say so before the patient types a number that cannot be printed.
                       if (auto blocked = print_blocker(SlipKind::Desk))
                           return show_problem(blocked->first, blocked->second, out);
                       if (printer_state_blocker(SlipKind::Desk)) {
                           // Stale bad news (paper may be refilled): ask again before the keypad.
                           view_.message = text_.checking_printer;
                           view_.message_is_problem = false;
                           view_.show_number = false;
                           checking_until_ = clock_.steady() + to_steady(options_.printer_check);
                           out.emplace_back(effect::CheckPrinter{});
                           return go(PanelScreen::Checking);
                       }
                       wipe_keyed();
                       go(PanelScreen::Keypad);
                   },
                   [&](const intent::ChooseShow&) {
                       if (screen == PanelScreen::ShowNumber) return;
                       out.emplace_back(effect::CountEvent{PanelEvent::ChoseShow});
                       wipe_keyed();
                       auto_close_at_.reset();
                       go(PanelScreen::ShowNumber);
                   },
                   [&](const intent::KeyChar& k) {
                       if (screen == PanelScreen::Keypad) key(k.ch);
                   },
                   [&](const intent::Backspace&) {
                       if (screen != PanelScreen::Keypad) return;
                       view_.field_error.clear();
                       if (view_.active_field == PanelField::Name) {
                           name_.pop();
                       } else {
                           phone_.pop();
                       }
                   },
                   [&](const intent::SwitchField& f) {
                       if (screen == PanelScreen::Keypad) view_.active_field = f.field;
                   },
                   [&](const intent::Submit&) {
                       if (screen != PanelScreen::Keypad) return;
                       EntryCheck phone = validate_phone(phone_.view());
                       if (!phone.ok()) {
                           view_.field_error = error_sentence(phone.error, text_);
                           view_.active_field = PanelField::Phone;
                           return;
                       }
                       EntryCheck name = validate_name(name_.view());
                       if (!name.ok()) {
                           SlipRequest scratch;  // scrubs the normalised number before it is freed
                           scratch.patient_phone = std::move(phone.value);
                           scratch.wipe();
                           view_.field_error = error_sentence(name.error, text_);
                           view_.active_field = PanelField::Name;
                           return;
                       }
                       SlipRequest request;
                       request.kind = SlipKind::Desk;
                       request.patient_name = std::move(name.value);
                       request.patient_phone = std::move(phone.value);
                       // Printer or limit may have changed while the patient typed.
                       if (auto blocked = print_blocker(SlipKind::Desk)) {
                           request.wipe();
                           wipe_keyed();
                           return show_problem(blocked->first, blocked->second, out);
                       }
                       wipe_keyed();  // the only copy now travels in the effect, to the worker
                       submit(std::move(request), out);
                   },
                   [&](const intent::Back&) {
                       if (screen == PanelScreen::Printing) return;  // the slip is on its way
                       wipe_keyed();
                       auto_close_at_.reset();
                       if (screen == PanelScreen::Choices || !(view_.offers_print || view_.offers_callback)) {
                           return close(out);
                       }
                       go(PanelScreen::Choices);
                       arrive_at_choices(out);
                   },
                   [&](const intent::Close&) { close(out); },
               },
               in);
    view_.name = name_.view();
    view_.phone = phone_.view();
    return out;
}

PanelEffects TouchPanel::tick() {
    PanelEffects out;
    if (view_.screen == PanelScreen::Closed) return out;
    const SteadyTime now = clock_.steady();
    if (view_.screen == PanelScreen::Checking) {
        check_tick(out);
        return out;
    }
    if (view_.screen == PanelScreen::Printing) {
        // The worker cancels a job at its deadline; if even that answer never came, give up.
        if (printing_deadline_ && now >= *printing_deadline_) finish_job(JobOutcome::TimedOut, out);
        return out;
    }
    if (auto_close_at_ && now >= *auto_close_at_) {
        close(out);
        return out;
    }
    if (now - last_touch_ >= to_steady(options_.idle_timeout)) {
        out.emplace_back(effect::CountEvent{PanelEvent::TimedOut});
        close(out);
    }
    return out;
}

void TouchPanel::check_tick(PanelEffects& out) {
    // A fresh answer decides; with none by the deadline the last one does (a printer that does
    // not answer is not one to type a number for).
    if (status_is_fresh(SlipKind::Desk) || clock_.steady() >= checking_until_) {
        if (auto blocked = printer_state_blocker(SlipKind::Desk))
            return show_problem(blocked->first, blocked->second, out);
        wipe_keyed();
        go(PanelScreen::Keypad);
    }
}

std::optional<SteadyTime> TouchPanel::next_deadline() const {
    if (view_.screen == PanelScreen::Closed) return std::nullopt;
    // The answer comes from the worker thread with no event: look for it often, briefly.
    if (view_.screen == PanelScreen::Checking)
        return std::min(checking_until_, clock_.steady() + std::chrono::milliseconds(50));
    if (view_.screen == PanelScreen::Printing) return printing_deadline_;
    SteadyTime at = last_touch_ + to_steady(options_.idle_timeout);
    if (auto_close_at_) at = std::min(at, *auto_close_at_);
    return at;
}

PanelEffects TouchPanel::on_job_result(const JobResult& result) {
    PanelEffects out;
    if (!awaiting_job_ || result.job_id != *awaiting_job_) return out;
    if (view_.screen == PanelScreen::Printing) {
        finish_job(result.outcome, out);
        return out;
    }
    // The patient closed the panel before the printer answered: count it, leave the screen alone.
    const SlipKind kind = awaiting_kind_;
    awaiting_job_.reset();
    if (result.outcome == JobOutcome::PaperOut) status_of(kind).state = PrinterState::PaperOut;
    const bool sent = result.outcome == JobOutcome::Printed || result.outcome == JobOutcome::SentNotConfirmed;
    out.emplace_back(effect::CountEvent{!sent                                  ? PanelEvent::PrintFailed
                                        : kind == SlipKind::Desk               ? PanelEvent::CallbackPrinted
                                                                               : PanelEvent::SlipPrinted});
    return out;
}

}  // namespace kiosk
