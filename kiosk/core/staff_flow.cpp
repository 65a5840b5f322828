#include "staff_flow.h"

#include <string.h>  // explicit_bzero

#include <algorithm>
#include <string_view>

namespace kiosk {

StaffFlow::StaffFlow(const Clock& clock, PinLock& lock, StaffFlowOptions options)
    : clock_(clock), lock_(lock), options_(options), last_input_(clock.steady()) {}

StaffFlow::~StaffFlow() { wipe_pin(); }

void StaffFlow::touch() { last_input_ = clock_.steady(); }

void StaffFlow::wipe_pin() {
    // explicit_bzero cannot be optimised away, unlike a fill before the object dies.
    explicit_bzero(pin_.data(), pin_.size());
    pin_length_ = 0;
}

StaffEffect StaffFlow::close() {
    const bool was_open = state_ != StaffState::Closed;
    state_ = StaffState::Closed;
    hold_started_.reset();
    exit_armed_at_.reset();
    message_ = PinMessage::None;
    wipe_pin();
    return was_open ? StaffEffect::PanelClosed : StaffEffect::None;
}

bool StaffFlow::pointer_down(float x, float y) {
    if (state_ != StaffState::Closed) {
        touch();
        return true;
    }
    const bool in_corner = x >= 0 && y >= 0 && x < options_.corner_size_px && y < options_.corner_size_px;
    // A disabled panel has no gesture at all, so the corner behaves like the rest of the screen.
    // A mistyped pin_hash keeps the gesture, so staff learn the PIN is not set up.
    if (in_corner && (lock_.enabled() || lock_.misconfigured())) {
        hold_started_ = clock_.steady();
    } else {
        hold_started_.reset();
    }
    return false;
}

bool StaffFlow::pointer_move(float x, float y) {
    if (state_ != StaffState::Closed) {
        touch();
        return true;
    }
    // Sliding out of the corner is a swipe, not a hold.
    if (hold_started_ && !(x >= 0 && y >= 0 && x < options_.corner_size_px && y < options_.corner_size_px)) {
        hold_started_.reset();
    }
    return false;
}

bool StaffFlow::pointer_up() {
    if (state_ != StaffState::Closed) {
        touch();
        return true;
    }
    // Releasing before the hold completed cancels. A release after 3 s opens the keypad even if no
    // tick() came in between (the app may sleep in SDL_WaitEventTimeout while the finger rests).
    const bool opened = complete_hold_if_due();
    hold_started_.reset();
    return opened;
}

bool StaffFlow::complete_hold_if_due() {
    if (state_ != StaffState::Closed || !hold_started_) return false;
    if (clock_.steady() - *hold_started_ < options_.hold) return false;
    hold_started_.reset();
    state_ = StaffState::PinEntry;
    message_ = !lock_.enabled() ? PinMessage::NotSetUp : lock_.locked() ? PinMessage::LockedOut : PinMessage::None;
    wipe_pin();
    touch();
    return true;
}

void StaffFlow::digit(int d) {
    if (state_ != StaffState::PinEntry || d < 0 || d > 9) return;
    touch();
    if (lock_.locked() || !lock_.enabled()) return;
    if (pin_length_ < pin_.size()) pin_[pin_length_++] = static_cast<char>('0' + d);
    message_ = PinMessage::None;
}

void StaffFlow::backspace() {
    if (state_ != StaffState::PinEntry) return;
    touch();
    if (pin_length_ > 0) pin_[--pin_length_] = '\0';
}

StaffEffect StaffFlow::ok() {
    if (state_ != StaffState::PinEntry) return StaffEffect::None;
    touch();
    const PinOutcome outcome = lock_.try_pin(std::string_view(pin_.data(), pin_length_));
    wipe_pin();
    switch (outcome) {
        case PinOutcome::Accepted:
            state_ = StaffState::Open;
            message_ = PinMessage::None;
            return StaffEffect::PanelOpened;
        case PinOutcome::Rejected: message_ = PinMessage::WrongPin; break;
        case PinOutcome::LockedOut: message_ = PinMessage::LockedOut; break;
        case PinOutcome::Disabled:
            if (!lock_.misconfigured()) return close();
            message_ = PinMessage::NotSetUp;
            break;
    }
    return StaffEffect::None;
}

StaffEffect StaffFlow::cancel() {
    if (state_ == StaffState::Closed) return StaffEffect::None;
    return close();
}

StaffEffect StaffFlow::command(StaffCommand c) {
    if (state_ != StaffState::Open) return StaffEffect::None;
    touch();
    if (c != StaffCommand::ExitKiosk) exit_armed_at_.reset();
    switch (c) {
        case StaffCommand::Pause: return StaffEffect::Pause;
        case StaffCommand::Resume: return StaffEffect::Resume;
        case StaffCommand::Previous: return StaffEffect::PreviousSlide;
        case StaffCommand::Next: return StaffEffect::NextSlide;
        case StaffCommand::ReloadNow: return StaffEffect::ReloadDeck;
        case StaffCommand::TestPrint: return StaffEffect::TestPrint;
        case StaffCommand::Close: return close();
        case StaffCommand::ExitKiosk: {
            // Two presses, so a slip of the finger does not leave the waiting room on a desktop.
            const SteadyTime now = clock_.steady();
            if (exit_armed_at_ && now - *exit_armed_at_ <= options_.exit_confirm) {
                exit_armed_at_.reset();
                return StaffEffect::ExitKiosk;
            }
            exit_armed_at_ = now;
            return StaffEffect::None;
        }
    }
    return StaffEffect::None;
}

StaffEffect StaffFlow::tick() {
    const SteadyTime now = clock_.steady();
    if (state_ == StaffState::Closed) {
        complete_hold_if_due();
        return StaffEffect::None;
    }
    if (exit_armed_at_ && now - *exit_armed_at_ > options_.exit_confirm) exit_armed_at_.reset();
    if (now - last_input_ >= options_.idle_timeout) return close();
    return StaffEffect::None;
}

StaffView StaffFlow::view() const {
    StaffView v;
    v.state = state_;
    v.pin_length = pin_length_;
    v.remaining_attempts = lock_.remaining_attempts();
    v.seconds_until_unlock = lock_.seconds_until_unlock();
    v.message = message_;
    if (message_ == PinMessage::LockedOut && !lock_.locked()) v.message = PinMessage::None;
    v.exit_armed = exit_armed_at_.has_value();
    if (hold_started_) {
        const std::chrono::duration<double> held = clock_.steady() - *hold_started_;
        const std::chrono::duration<double> need = options_.hold;
        v.hold_progress = static_cast<float>(std::clamp(held / need, 0.0, 1.0));
    }
    return v;
}

}  // namespace kiosk
