// Keeps a playful child (or a stuck touch screen) from emptying the paper roll: at most one slip
// per `min_interval` and `max_per_hour` in any sliding hour. Pure: the caller passes the time.
#pragma once

#include "clock.h"
#include "config.h"

#include <chrono>
#include <deque>

namespace kiosk {

class RateLimiter {
public:
    // max_per_hour <= 0 means no hourly cap (only the interval applies).
    RateLimiter(std::chrono::steady_clock::duration min_interval, int max_per_hour);
    // From printer.min_seconds_between_slips and printer.max_slips_per_hour.
    [[nodiscard]] static RateLimiter from_config(const PrinterConfig& printer);

    // Whether a slip may be printed now. Does not change anything.
    [[nodiscard]] bool allow(SteadyTime now) const;
    // Counts a slip handed to the printer at `now` (call it only when allow() said yes).
    void record(SteadyTime now);
    // How long until allow() would say yes (zero if it already does); for "please wait" messages.
    [[nodiscard]] std::chrono::steady_clock::duration wait_time(SteadyTime now) const;

private:
    std::chrono::steady_clock::duration min_interval_;
    int max_per_hour_;
    std::deque<SteadyTime> recent_;  // slips in the last hour, oldest first
};

}  // namespace kiosk
