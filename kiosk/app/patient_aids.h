// What the patient's own controls do, between frames: Read aloud (speak the slide, hold the loop
// while it speaks, stop on a second touch or any other touch) and A+ (the large-text view, its
// pages shown in turn, back to normal after the idle timeout). The app forwards presses and the
// controls' touches; this decides and holds or releases the player.
#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "core/large_text.h"
#include "core/patient_controls_layout.h"
#include "core/player.h"
#include "patient_controls.h"
#include "speech_player.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

class PatientAids {
public:
    // Starts the voice when [audio] enabled; logs once why Read aloud is not shown when it cannot be.
    PatientAids(const Clock& clock, const KioskConfig& config, Uint32 wake_event, std::ostream& log);
    void set_config(const KioskConfig& config) { config_ = &config; }

    // The controls this kiosk shows (Read aloud only with a working voice and device).
    [[nodiscard]] PatientControlsWanted wanted() const;
    [[nodiscard]] PatientControlsLayout layout(int w, int h) const;
    [[nodiscard]] PatientControlsView view() const;
    [[nodiscard]] bool large_text() const { return large_; }
    [[nodiscard]] int page() const { return page_; }

    // Any press on the screen (layout pixels): counts as activity; stops speech unless it is on
    // Read aloud itself (whose own touch toggles it).
    void on_press(float x, float y, int w, int h);
    // `language`: the language shown, for its voice ("" = the deck's own).
    void on_control(PatientControl control, const Slide* shown, const std::string& language = {});
    // Per loop turn. `pages` are the shown slide's large-view pages (empty when not large).
    // Returns true when what is on screen changed.
    bool update(Player& player, const PlayerFrame& frame, bool panel_open, const std::vector<TextPage>& pages);

private:
    const Clock& clock_;
    const KioskConfig* config_;
    std::ostream& log_;
    std::unique_ptr<SpeechPlayer> speech_;
    bool speaking_seen_ = false;
    bool large_ = false;
    int page_ = 0;
    std::string page_slide_;  // file name + hash of the slide whose pages are counted
    SteadyTime page_started_{};
    SteadyTime last_activity_{};
    bool holding_ = false;  // this paused the player (and so must resume it)
};

}  // namespace kiosk
