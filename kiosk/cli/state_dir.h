// The state folder the running kiosk uses ([kiosk] state_dir), for the commands that talk to it
// (status, screenshot): --state-dir DIR, else the one in --config FILE / /etc/kiosk/kiosk.toml.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::cli {

// Settings problems are not printed: these commands only need the folder, and `kiosk check`
// is the place for kiosk.toml's messages.
std::filesystem::path state_dir_for(const std::optional<std::string>& state_dir_arg,
                                    const std::optional<std::string>& config_arg);

}  // namespace kiosk::cli
