// Keeps the settings in step with kiosk.toml while the kiosk runs, like the slides: the folder
// watcher's thread notices a settled change in the file's folder (editors replace the file by a
// rename, so the folder is watched, not the file), a loader thread re-parses it over the last good
// settings (see parse_config's merge rules), and the UI thread picks the new immutable snapshot
// up between frames. An SDL user event wakes the loop each time.
#pragma once

#include "core/config.h"
#include "platform/folder_watcher.h"

#include <SDL.h>

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

struct ConfigUpdate {
    std::shared_ptr<const KioskConfig> config;  // the settings to use from now on (null: unchanged)
    Diagnostics diagnostics;                    // what the reload found, for the log
};

class ConfigReloader {
public:
    // Applied to every freshly parsed config, e.g. the --printer override of the command line.
    using Adjust = std::function<void(KioskConfig&)>;

    // `initial` is the config the kiosk started with (already loaded from `file` and adjusted).
    ConfigReloader(std::filesystem::path file, std::shared_ptr<const KioskConfig> initial, Adjust adjust,
                   Uint32 wake_event, FolderWatcherOptions watch = {});
    ~ConfigReloader();
    ConfigReloader(const ConfigReloader&) = delete;
    ConfigReloader& operator=(const ConfigReloader&) = delete;

    // The result of a reload that finished since the last call, if any. A save that changed no
    // setting, or only a broken line, gives diagnostics with a null config.
    [[nodiscard]] std::optional<ConfigUpdate> take_update();
    // Read the file again now (SIGHUP, staff). Safe from any thread.
    void reload_now();
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

private:
    void loader_loop(std::stop_token stop);

    const std::filesystem::path file_;
    const Adjust adjust_;
    const Uint32 wake_event_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    bool pending_ = false;
    std::shared_ptr<const KioskConfig> last_good_;  // loader thread's base; handed out in updates
    std::string last_text_;                         // the bytes last parsed: other files in the folder are ignored
    std::optional<ConfigUpdate> update_;
    std::jthread loader_;
    std::unique_ptr<FolderWatchThread> watch_;  // last: its callback uses everything above
};

}  // namespace kiosk
