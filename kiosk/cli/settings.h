// Where the kiosk finds its settings and slides when the command line does not say, and the
// loading of both with their messages, shared by run, check, render and slip.
#pragma once

#include "core/config.h"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace kiosk::cli {

inline constexpr const char* kSystemConfig = "/etc/kiosk/kiosk.toml";
inline constexpr const char* kSystemSlides = "/var/lib/kiosk/slides";

// Loads --config FILE, else /etc/kiosk/kiosk.toml when present, else the defaults. Problems are
// written to `log` as file:line messages; the kiosk always gets a usable config.
// `errors` (optional) is set when the file had errors: settings that kept a previous or built-in value.
KioskConfig load_settings(const std::optional<std::string>& config_arg, std::ostream& log, bool* errors = nullptr);

// --slides DIR, else ./slides when it exists, else the system folder.
std::filesystem::path slides_folder(const std::optional<std::string>& arg);

}  // namespace kiosk::cli
