#include "startup_timing.h"

#include <algorithm>

namespace kiosk {

namespace {
long long whole_ms(SteadyTime::duration d) {
    return std::max<long long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}
}  // namespace

void StartupTiming::step(std::string name, SteadyTime now) {
    steps_.push_back({std::move(name), whole_ms(now - last_)});
    last_ = std::max(last_, now);
}

long long StartupTiming::total_ms() const {
    return whole_ms(last_ - began_);
}

std::string StartupTiming::line() const {
    std::string out = "start-up: ";
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        if (i > 0) out += ", ";
        out += steps_[i].name + ' ' + std::to_string(steps_[i].ms) + " ms";
    }
    out += (steps_.empty() ? "" : "; ") + std::string("total ") + std::to_string(total_ms()) + " ms";
    return out;
}

}  // namespace kiosk
