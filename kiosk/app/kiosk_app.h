// The kiosk itself: one window, the slide loop, the touch panel, the staff panel, the printer
// worker and the folder watcher, joined by an event-driven frame loop that draws only when
// something changed (a crossfade, the clock's minute, a touch, a new deck, a print result).
#pragma once

#include "core/config.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>

namespace kiosk {

struct KioskAppOptions {
    std::filesystem::path slides;
    KioskConfig config;
    // The kiosk.toml `config` came from; watched and reloaded live (and on SIGHUP). Empty: none.
    std::filesystem::path config_file;
    // Applied to every reloaded config too: the command line's overrides (--printer).
    std::function<void(KioskConfig&)> adjust_config;
    bool windowed = false;
    int width = 0, height = 0;  // 0 = the screen's size (fullscreen) or 1280×720 (windowed)
    // When `kiosk run` began, before reading kiosk.toml: the start-up log line's zero. Unset: the
    // log starts at run_kiosk and names no config step.
    std::optional<std::chrono::steady_clock::time_point> started;
    // When the process was started (exec), if known: the line then begins there, with the time
    // the program and its libraries took to load as its first step.
    std::optional<std::chrono::steady_clock::time_point> exec_started;
};

// Runs until the staff panel's "Exit" or SIGTERM/SIGINT. Returns a process exit code.
int run_kiosk(const KioskAppOptions& options, std::ostream& log);

}  // namespace kiosk
