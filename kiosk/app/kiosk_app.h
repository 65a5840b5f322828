// The kiosk itself: one window, the slide loop, the touch panel, the staff panel, the printer
// worker and the folder watcher, joined by an event-driven frame loop that draws only when
// something changed (a crossfade, the clock's minute, a touch, a new deck, a print result).
#pragma once

#include "core/config.h"

#include <filesystem>
#include <iosfwd>
#include <optional>

namespace kiosk {

struct KioskAppOptions {
    std::filesystem::path slides;
    KioskConfig config;
    bool windowed = false;
    int width = 0, height = 0;  // 0 = the screen's size (fullscreen) or 1280×720 (windowed)
};

// Runs until the staff panel's "Exit" or SIGTERM/SIGINT. Returns a process exit code.
int run_kiosk(const KioskAppOptions& options, std::ostream& log);

}  // namespace kiosk
