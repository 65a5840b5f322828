// What the staff page asks the running kiosk (its control socket in the state folder, protocol in
// core/control_protocol.h) and reads from its status.json. The page never draws "the screen" itself:
// the live screenshot is the kiosk's own frame.
#pragma once

#include "core/json.h"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::web {

struct KioskAnswer {
    bool ok = false;
    std::string media_type;
    std::string bytes;
    std::string error;  // for a person: "the kiosk is not running", ...
};

// One request ("screenshot", "status", ...) over <state_dir>/control.sock, with a deadline.
[[nodiscard]] KioskAnswer ask_kiosk(const std::filesystem::path& state_dir, const std::string& request,
                                    int timeout_ms = 5000);

// <state_dir>/status.json parsed; nullopt when missing or not JSON.
[[nodiscard]] std::optional<json::Value> read_status(const std::filesystem::path& state_dir);

// Width and height from a PNG's header (0, 0 when it is not one).
[[nodiscard]] std::pair<int, int> png_size(const std::string& png);

}  // namespace kiosk::web
