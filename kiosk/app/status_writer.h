// Writes the kiosk's status snapshot to disk off the frame loop: status.json in the state folder
// and, when configured, kiosk.prom for node-exporter's textfile collector. Each file is written to
// a temporary name and renamed over the old one, so a reader never sees half a file.
#pragma once

#include "core/status_report.h"

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

class StatusWriter {
public:
    StatusWriter(std::filesystem::path state_dir, std::filesystem::path prometheus_dir);
    ~StatusWriter();  // writes whatever was published last before returning
    StatusWriter(const StatusWriter&) = delete;
    StatusWriter& operator=(const StatusWriter&) = delete;

    // Hands over a snapshot; the newest one wins if the writer is still busy with an older one.
    void publish(KioskStatus status);
    // The JSON of the newest snapshot (for the control socket's "status" request).
    [[nodiscard]] std::string latest_json() const;
    // Empty while writing works; else what went wrong last, for the log.
    [[nodiscard]] std::string problem() const;
    [[nodiscard]] std::filesystem::path status_file() const { return state_dir_ / "status.json"; }

private:
    void worker(std::stop_token stop);

    const std::filesystem::path state_dir_;
    const std::filesystem::path prometheus_dir_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::optional<KioskStatus> pending_;  // guarded
    std::string latest_json_;             // guarded
    std::string problem_;                 // guarded
    std::jthread thread_;
};

// Writes `text` to `file` through a temporary file in the same folder and a rename. "" or a reason.
[[nodiscard]] std::string write_atomically(const std::filesystem::path& file, const std::string& text);

}  // namespace kiosk
