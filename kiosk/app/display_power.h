// Really powering the waiting-room screen down at night and up in the morning, where the hardware
// allows: HDMI-CEC <Standby>/<Image View On> through the kernel's /dev/cec* and X11 DPMS. Runs on
// its own thread because a CEC transmit waits for the TV's acknowledgement; the frame loop only
// asks and later reads what happened ("standby", "no CEC adapter", "not supported", ...).
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

class DisplayPower {
public:
    // `video_driver` is SDL's (x11, wayland, KMSDRM, ...): it decides whether DPMS can be tried.
    // With `enabled` false the screen is only drawn black, never powered down.
    DisplayPower(std::string video_driver, bool enabled);
    ~DisplayPower();
    DisplayPower(const DisplayPower&) = delete;
    DisplayPower& operator=(const DisplayPower&) = delete;

    // Asks for the screen on or in standby; returns at once. Repeated asks for the same state are free.
    void request(bool on);
    // What the last request did, for the log and the status file, e.g. "dpms: standby; cec: no CEC adapter".
    [[nodiscard]] std::string state() const;

private:
    void worker(std::stop_token stop);

    const std::string driver_;
    const bool enabled_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::optional<bool> wanted_;  // guarded by mutex_
    std::string state_;           // guarded by mutex_
    std::jthread thread_;
};

// The two hardware paths, each one small function (app/display_power.cpp). Exposed for the log.
[[nodiscard]] std::string cec_set_power(bool on);
// Through a display connection of our own (Xlib is not shared across threads with SDL's).
[[nodiscard]] std::string dpms_set_power(bool on);

}  // namespace kiosk
