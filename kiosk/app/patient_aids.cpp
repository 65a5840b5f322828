#include "patient_aids.h"

#include "core/reading_time.h"
#include "core/speech_text.h"

namespace kiosk {
namespace {

int words_on(const TextPage& page) {
    int n = spoken_words(page.title);
    for (const Block& b : page.body) {
        for (const Span& s : b.spans) n += spoken_words(s.text);
    }
    return n;
}

}  // namespace

PatientAids::PatientAids(const Clock& clock, const KioskConfig& config, Uint32 wake_event, std::ostream& log)
    : clock_(clock), config_(&config), log_(log) {
    last_activity_ = clock_.steady();
    if (!config.audio.enabled) {
        log_ << "kiosk: Read aloud is off ([audio] enabled = false)\n";
        return;
    }
    speech_ = std::make_unique<SpeechPlayer>(wake_event);
    if (!speech_->available()) {
        log_ << "kiosk: Read aloud is not shown: " << speech_->unavailable_reason() << '\n';
        speech_.reset();
    }
}

PatientControlsWanted PatientAids::wanted() const {
    PatientControlsWanted w;
    w.read_aloud = speech_ != nullptr && config_->audio.enabled;
    w.text_size = true;
    return w;
}

PatientControlsLayout PatientAids::layout(int w, int h) const {
    return patient_controls_layout(compute_regions(w, h, SlideLayoutKind::TextOnly, false), wanted());
}

PatientControlsView PatientAids::view() const {
    return PatientControlsView{speech_ && speech_->speaking(), large_};
}

void PatientAids::on_press(float x, float y, int w, int h) {
    last_activity_ = clock_.steady();
    if (!speech_ || !speech_->speaking()) return;
    if (control_at(layout(w, h), static_cast<int>(x), static_cast<int>(y)) != PatientControl::ReadAloud) speech_->stop();
}

void PatientAids::on_control(PatientControl control, const Slide* shown, const std::string& language) {
    last_activity_ = clock_.steady();
    switch (control) {
        case PatientControl::ReadAloud:
            if (!speech_) return;
            if (speech_->speaking()) {
                speech_->stop();
            } else if (shown != nullptr) {
                const AudioConfig& a = config_->audio;
                speech_->speak(SpeechRequest{speech_text(*shown), a.voice_for(language), a.rate, a.volume});
                speaking_seen_ = true;
            }
            break;
        case PatientControl::TextSize:
            large_ = !large_;
            page_ = 0;
            page_slide_.clear();
            break;
        default: break;
    }
}

bool PatientAids::update(Player& player, const PlayerFrame& frame, bool panel_open, const std::vector<TextPage>& pages) {
    bool changed = false;
    const SteadyTime now = clock_.steady();
    const bool speaking = speech_ && speech_->speaking();
    if (speaking_seen_ && !speaking) {
        speaking_seen_ = false;
        changed = true;  // the control turns back from "Stop"
    }
    if (speech_) {
        if (const std::string p = speech_->take_problem(); !p.empty()) log_ << "kiosk: Read aloud: " << p << '\n';
    }
    // The view belongs to one patient: the next one sees the normal slides.
    const auto idle = std::chrono::duration<double>(config_->player.idle_timeout_seconds);
    if (large_ && now - last_activity_ >= idle) {
        large_ = false;
        page_ = 0;
        changed = true;
    }
    // While large, this drives the loop: each page for its own reading time, then the next slide.
    const Slide* shown = frame.incoming && frame.fade >= 0.5F ? frame.incoming.get() : frame.current.get();
    if (large_ && shown != nullptr && !frame.incoming) {
        const std::string key = shown->file_name + '|' + shown->content_hash;
        if (key != page_slide_) {
            page_slide_ = key;
            page_ = 0;
            page_started_ = now;
            changed = true;
        } else if (!speaking && !panel_open && !pages.empty()) {
            const int n = static_cast<int>(pages.size());
            page_ = std::min(page_, n - 1);
            const auto dwell = reading_time(words_on(pages[static_cast<std::size_t>(page_)]),
                                            config_->player.min_slide_seconds, config_->player.max_slide_seconds);
            if (now - page_started_ >= dwell) {
                page_started_ = now;
                if (page_ + 1 < n) {
                    ++page_;
                } else {
                    player.next();
                }
                changed = true;
            }
        }
    }
    // The loop holds while it speaks or while the large view paces it; the panel has its own hold.
    const bool hold = speaking || large_;
    if (hold && !player.paused() && !panel_open) {
        player.pause();
        holding_ = true;
    } else if (!hold && holding_) {
        holding_ = false;
        if (!panel_open) player.resume();
        changed = true;
    }
    return changed;
}

}  // namespace kiosk
