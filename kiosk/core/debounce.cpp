#include "debounce.h"

#include <algorithm>

namespace kiosk {

void Debouncer::note_event(SteadyTime now) {
    if (!first_) first_ = now;
    last_ = std::max(last_, now);
}

std::optional<SteadyTime> Debouncer::deadline() const {
    if (!first_) return std::nullopt;
    return std::min(last_ + quiet_, *first_ + max_burst_);
}

bool Debouncer::take_settled(SteadyTime now) {
    const auto due = deadline();
    if (!due || now < *due) return false;
    first_.reset();
    return true;
}

}  // namespace kiosk
