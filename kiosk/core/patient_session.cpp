#include "patient_session.h"

namespace kiosk {

PatientSession::PatientSession(const Clock& clock, const LanguagesConfig& languages,
                               std::chrono::duration<double> idle_timeout)
    : clock_(clock), idle_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(idle_timeout)) {
    codes_.push_back(languages.default_code);
    names_.push_back(languages.default_name);
    for (const auto& l : languages.others) {
        codes_.push_back(l.code);
        names_.push_back(l.name);
    }
}

void PatientSession::touched() {
    active_ = true;
    last_touch_ = clock_.steady();
}

void PatientSession::browsed() {
    touched();
    browsing_ = true;
}

void PatientSession::switch_language() {
    touched();
    if (codes_.size() > 1) current_ = (current_ + 1) % codes_.size();
}

std::string PatientSession::language_button_label() const {
    if (codes_.size() < 2) return {};
    return names_[(current_ + 1) % codes_.size()];
}

PatientSession::Expiry PatientSession::expire_if_idle() {
    Expiry e;
    if (!active_ || clock_.steady() - last_touch_ < idle_) return e;
    e.ended = true;
    e.was_browsing = browsing_;
    e.language_changed = current_ != 0;
    active_ = false;
    browsing_ = false;
    current_ = 0;
    return e;
}

std::optional<SteadyTime> PatientSession::next_deadline() const {
    if (!active_) return std::nullopt;
    return last_touch_ + idle_;
}

}  // namespace kiosk
