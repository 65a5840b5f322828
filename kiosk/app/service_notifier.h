// The kiosk's side of systemd's Type=notify protocol: READY=1 once the first slide is on screen,
// WATCHDOG=1 from the frame loop (so a frozen loop stops the pings and systemd restarts the kiosk),
// STATUS= with what is shown, STOPPING=1 on the way out. Without NOTIFY_SOCKET every call is a no-op.
#pragma once

#include "core/clock.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

// WATCHDOG_USEC when the watchdog is meant for this process: WATCHDOG_PID unset, this process, or
// its parent (cage, the unit's main process under kiosk.service).
[[nodiscard]] std::optional<std::uint64_t> watchdog_usec_for_this_process();

class ServiceNotifier {
public:
    // Reads WATCHDOG_USEC and WATCHDOG_PID once: pings are then due every half of that interval.
    explicit ServiceNotifier(const Clock& clock);
    ~ServiceNotifier();  // sends STOPPING=1 if READY=1 was sent
    ServiceNotifier(const ServiceNotifier&) = delete;
    ServiceNotifier& operator=(const ServiceNotifier&) = delete;

    // After each present: the first one sends READY=1; a changed slide count updates STATUS=.
    // `more_coming`: the deck on screen is the start-up one, whose other slides wait for their
    // pictures (DeckReloader), so `systemctl status` does not read "Showing 1 slide" as the truth.
    void on_frame_presented(std::size_t slide_count, bool more_coming = false);
    // Once per loop turn: sends WATCHDOG=1 when one is due. Only the frame loop may call this,
    // never a helper thread, or a hung loop would still look alive.
    void tick();
    // When the loop must wake for the next ping (nothing when the watchdog is off), so an interval
    // shorter than the loop's longest sleep is still honoured.
    [[nodiscard]] std::optional<SteadyTime> next_deadline() const;

    [[nodiscard]] bool watchdog_enabled() const { return interval_.count() > 0; }
    [[nodiscard]] std::chrono::microseconds ping_interval() const { return interval_; }

private:
    void send(const std::string& message) const;

    const Clock& clock_;
    std::chrono::microseconds interval_{0};
    SteadyTime next_ping_{};
    bool ready_sent_ = false;
    std::optional<std::size_t> status_slides_;
    bool status_more_coming_ = false;
};

}  // namespace kiosk
