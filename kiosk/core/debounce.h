// Turns a burst of file-system events into one "settled" moment: a quiet period after the last
// event, capped so that a folder that never stops changing is still reported now and then.
#pragma once

#include "clock.h"

#include <chrono>
#include <optional>

namespace kiosk {

class Debouncer {
public:
    // `quiet`: how long no event must arrive before the burst counts as settled.
    // `max_burst`: a burst older than this is reported even while events keep coming, so a slow
    // sync that writes every 100 ms for a minute still shows its progress.
    Debouncer(std::chrono::milliseconds quiet, std::chrono::milliseconds max_burst)
        : quiet_(quiet), max_burst_(max_burst) {}

    void note_event(SteadyTime now);
    // When the pending burst will settle, or nullopt when nothing is pending.
    [[nodiscard]] std::optional<SteadyTime> deadline() const;
    // True once per burst, when `now` has reached its deadline; the burst is then cleared.
    [[nodiscard]] bool take_settled(SteadyTime now);
    [[nodiscard]] bool pending() const { return first_.has_value(); }

private:
    std::chrono::milliseconds quiet_;
    std::chrono::milliseconds max_burst_;
    std::optional<SteadyTime> first_;
    SteadyTime last_{};
};

}  // namespace kiosk
