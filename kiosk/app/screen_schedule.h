// The display schedule inside the SDL loop: asks the core's DisplayGate whether the screen is lit,
// turns touches on a dark screen into a wake-up that presses nothing, draws the black frame, and
// has DisplayPower put the screen itself into standby. Logs every change with what power did.
#pragma once

#include "core/clock.h"
#include "core/display_schedule.h"
#include "display_power.h"

#include <SDL.h>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

class ScreenSchedule {
public:
    ScreenSchedule(const Clock& clock, const DisplayScheduleConfig& config, std::ostream& log);

    [[nodiscard]] bool on() const { return on_; }
    [[nodiscard]] const DisplayGate& gate() const { return gate_; }
    // True when the event must not reach the UI: any pointer event while dark (a press wakes the
    // screen), and the rest of the touch that woke it.
    bool swallow(const SDL_Event& e);
    // A new timetable (kiosk.toml reloaded); the next update() lights or darkens the screen for it.
    void set_config(const DisplayScheduleConfig& config) { gate_.set_config(config); }
    // Re-evaluates the schedule; true when the screen just went dark or lit.
    bool update();
    [[nodiscard]] std::optional<SteadyTime> next_deadline() const { return gate_.next_deadline(); }
    // "dpms: standby; cec: no CEC adapter", or what powering did last.
    [[nodiscard]] std::string power_state() const { return power_ ? power_->state() : "on"; }
    static void draw_dark(SDL_Renderer* renderer);

private:
    void set_power();

    const Clock& clock_;
    std::ostream& log_;
    DisplayGate gate_;
    std::unique_ptr<DisplayPower> power_;  // made on the first change: nothing is sent at start-up
    bool on_ = true;
    bool swallowing_ = false;  // the touch that woke the screen is still going on
    std::optional<SteadyTime> released_at_;
    std::string reported_power_;
};

}  // namespace kiosk
