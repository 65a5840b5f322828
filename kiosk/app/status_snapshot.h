// Gathers the kiosk's status snapshot (core/status_report.h) from the running subsystems, so the
// frame loop only decides when to publish it.
#pragma once

#include "core/status_report.h"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

class Player;
class DeckReloader;
class PrintWorker;
class UsageLog;
class ScreenSchedule;

struct StatusSources {
    const Player& player;
    const DeckReloader& decks;
    const PrintWorker* printer;  // null: no printer configured
    UsageLog& usage;
    const ScreenSchedule& screen;
    std::filesystem::path slides_folder;
    WallTime started;
    std::optional<WallTime> last_reload;
    std::string last_print_problem;  // job_message() of the last failed slip; "" when none
    std::optional<WallTime> last_print_problem_at;
};

[[nodiscard]] KioskStatus snapshot_status(const StatusSources& s, WallTime now);

}  // namespace kiosk
