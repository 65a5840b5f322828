#include "player.h"

#include <algorithm>

namespace kiosk {

namespace {
std::chrono::nanoseconds seconds(double s) {
    return std::chrono::nanoseconds(static_cast<long long>(s * 1e9));
}
}  // namespace

Player::Player(const Clock& clock, PlayerConfig config) : clock_(clock), config_(config) {}

std::vector<std::shared_ptr<const Slide>> Player::showable() const {
    std::vector<std::shared_ptr<const Slide>> out;
    if (!deck_) return out;
    const LocalTime now = to_local(clock_.wall());
    for (const auto& s : deck_->slides) {
        if (s->show.allows(now)) out.push_back(s);
    }
    return out;
}

// The next (step = +1) or previous (step = -1) showable slide relative to `file_name`, which may
// itself no longer exist or be showable: file-name order decides where it would have been.
std::shared_ptr<const Slide> Player::pick_after(const std::string& file_name, int step) const {
    const auto list = showable();
    if (list.empty()) return nullptr;
    if (file_name.empty()) return list.front();
    if (step > 0) {
        for (const auto& s : list) {
            if (s->file_name > file_name) return s;
        }
        return list.front();
    }
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        if ((*it)->file_name < file_name) return *it;
    }
    return list.back();
}

void Player::set_deck(std::shared_ptr<const Deck> deck) {
    deck_ = std::move(deck);
    // The same file in the new deck (possibly edited), or null when it is gone.
    auto in_deck = [this](const std::shared_ptr<const Slide>& slide) -> std::shared_ptr<const Slide> {
        if (!slide || !deck_) return nullptr;
        for (const auto& s : deck_->slides) {
            if (s->file_name == slide->file_name) return s;
        }
        return nullptr;
    };
    incoming_ = in_deck(incoming_);
    if (!current_) {
        if (auto first = pick_after({}, +1)) {
            current_ = std::move(first);
            shown_at_ = clock_.steady();
            ++slides_started_;
        }
        return;
    }
    if (auto same = in_deck(current_)) {
        current_ = std::move(same);  // same slide, possibly edited: show the new version at once
        return;
    }
    if (incoming_) return;  // already fading away from the deleted slide
    // The slide on screen was deleted. current_ still holds it, so it can fade out into the slide
    // that follows where it stood in file-name order (resetting it first would make a hard cut).
    if (auto next_slide = pick_after(current_->file_name, +1)) {
        start_transition(std::move(next_slide));
    } else {
        current_.reset();
    }
}

void Player::start_transition(std::shared_ptr<const Slide> to) {
    if (!to) return;
    if (!current_ || config_.transition_seconds <= 0 || to == current_) {
        current_ = std::move(to);
        incoming_.reset();
        shown_at_ = clock_.steady();
        ++slides_started_;
        return;
    }
    incoming_ = std::move(to);
    fade_started_ = clock_.steady();
}

void Player::finish_transition() {
    current_ = std::move(incoming_);
    incoming_.reset();
    shown_at_ = fade_started_ + seconds(config_.transition_seconds);
    ++slides_started_;
}

bool Player::update() {
    const SteadyTime now = clock_.steady();
    bool changed = false;
    if (!current_ && !incoming_) {
        if (auto first = pick_after({}, +1)) {
            current_ = first;
            shown_at_ = now;
            ++slides_started_;
            return true;
        }
        return false;
    }
    if (incoming_) {
        changed = true;  // every fading frame differs
        if (now - fade_started_ >= seconds(config_.transition_seconds)) finish_transition();
        return changed;
    }
    if (paused_) return false;
    // A slide whose show window closed while on screen steps aside at once.
    const bool allowed = current_->show.allows(to_local(clock_.wall()));
    if (!allowed || now - shown_at_ >= current_->duration) {
        auto next_slide = pick_after(current_->file_name, +1);
        if (!next_slide) {
            if (!allowed) {
                current_.reset();
                return true;
            }
            shown_at_ = now;  // nothing else may show: keep this one and start its time again
            return false;
        }
        if (next_slide == current_) {
            shown_at_ = now;
            return false;
        }
        start_transition(next_slide);
        changed = true;
    }
    return changed;
}

PlayerFrame Player::frame() const {
    PlayerFrame f;
    f.current = current_;
    f.incoming = incoming_;
    f.paused = paused_;
    if (incoming_) {
        const double t = std::chrono::duration<double>(clock_.steady() - fade_started_).count();
        f.fade = static_cast<float>(std::clamp(t / std::max(config_.transition_seconds, 1e-3), 0.0, 1.0));
    }
    const auto list = showable();
    f.count = static_cast<int>(list.size());
    const auto& shown = incoming_ && f.fade >= 0.5f ? incoming_ : current_;
    for (size_t i = 0; i < list.size(); ++i) {
        if (shown && list[i]->file_name == shown->file_name) f.position = static_cast<int>(i);
    }
    return f;
}

std::shared_ptr<const Slide> Player::upcoming() const {
    if (!current_ || incoming_) return nullptr;
    auto next_slide = pick_after(current_->file_name, +1);
    return next_slide == current_ ? nullptr : next_slide;
}

std::optional<SteadyTime> Player::next_deadline() const {
    if (incoming_) return clock_.steady();
    if (!current_) {
        // Nothing may show now; look again in a minute in case a show window opens.
        return clock_.steady() + std::chrono::seconds(60 - to_local(clock_.wall()).second);
    }
    if (paused_) return std::nullopt;
    const SteadyTime end = shown_at_ + current_->duration;
    if (current_->show.always()) return end;
    // Also wake at the next minute so a closing show window is honoured promptly.
    const SteadyTime minute = clock_.steady() + std::chrono::seconds(60 - to_local(clock_.wall()).second);
    return std::min(end, minute);
}

void Player::pause() {
    if (paused_) return;
    paused_ = true;
    paused_at_ = clock_.steady();
}

void Player::resume() {
    if (!paused_) return;
    paused_ = false;
    // The patient was busy with the panel: give the slide its remaining time, not zero. A slide
    // that finished fading in during the pause has used none of its time yet.
    const auto used = paused_at_ > shown_at_ ? paused_at_ - shown_at_ : SteadyTime::duration::zero();
    shown_at_ = clock_.steady() - used;
}

void Player::next() {
    if (incoming_) finish_transition();
    if (!current_) return;
    start_transition(pick_after(current_->file_name, +1));
}

void Player::previous() {
    if (incoming_) finish_transition();
    if (!current_) return;
    start_transition(pick_after(current_->file_name, -1));
}

}  // namespace kiosk
