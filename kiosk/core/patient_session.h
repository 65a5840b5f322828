// What one patient changed for themselves on the slide screen: the language they chose and that
// they are browsing by hand (the loop paused, the ‹ › arrows shown). The next patient must find the
// kiosk as it was, so all of it ends after the idle timeout ([player] idle_timeout_seconds).
//
// language() is the one place that says which language is on screen: the slides, the panel, the
// printed slip and the read-aloud voice all follow it.
#pragma once

#include "clock.h"
#include "config.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class PatientSession {
public:
    PatientSession(const Clock& clock, const LanguagesConfig& languages, std::chrono::duration<double> idle_timeout);

    // Any touch on the slide screen: restarts the idle time and shows the arrows.
    void touched();
    // A swipe or an arrow: the patient browses, so the loop stays paused until the idle timeout.
    void browsed();
    // The language button: on to the next language (of two, the other one).
    void switch_language();

    // The language on screen now: [languages] default, or what the patient chose.
    [[nodiscard]] const std::string& language() const { return codes_[current_]; }
    [[nodiscard]] bool is_default_language() const { return current_ == 0; }
    // What the language button shows: the name of the language it switches to, as its speakers
    // write it. Empty when there is no other language (no button).
    [[nodiscard]] std::string language_button_label() const;
    [[nodiscard]] bool has_language_button() const { return codes_.size() > 1; }
    [[nodiscard]] bool arrows_visible() const { return active_; }
    [[nodiscard]] bool browsing() const { return browsing_; }

    // Call every frame. Returns true once when the idle timeout has ended the session: the
    // default language is back, the arrows gone and, if the patient browsed, the loop must resume.
    struct Expiry {
        bool ended = false;
        bool was_browsing = false;
        bool language_changed = false;
    };
    Expiry expire_if_idle();
    // When expire_if_idle() will next have something to do.
    [[nodiscard]] std::optional<SteadyTime> next_deadline() const;

private:
    const Clock& clock_;
    std::vector<std::string> codes_;
    std::vector<std::string> names_;
    std::size_t current_ = 0;
    std::chrono::steady_clock::duration idle_;
    SteadyTime last_touch_{};
    bool active_ = false;
    bool browsing_ = false;
};

}  // namespace kiosk
