// How long each start-up step took (config, window, fonts, deck, first frame), as one log line:
// a kiosk that starts slowly at a clinic can then be read from the journal, step by step.
#pragma once

#include "clock.h"

#include <string>
#include <vector>

namespace kiosk {

class StartupTiming {
public:
    // `began`: when the process started its work (the first step starts here).
    explicit StartupTiming(SteadyTime began) : began_(began), last_(began) {}

    // The step `name` ended at `now`; it began where the previous step ended. A clock that went
    // backwards counts as 0 ms, never a negative time.
    void step(std::string name, SteadyTime now);

    // "start-up: config 3 ms, window 40 ms, first frame 30 ms; total 73 ms" (total from `began`
    // to the end of the last step).
    [[nodiscard]] std::string line() const;
    [[nodiscard]] long long total_ms() const;

private:
    struct Step {
        std::string name;
        long long ms;
    };
    SteadyTime began_, last_;
    std::vector<Step> steps_;
};

}  // namespace kiosk
