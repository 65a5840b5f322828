#include "cli/state_dir.h"

#include "cli/settings.h"

#include <sstream>

namespace kiosk::cli {

std::filesystem::path state_dir_for(const std::optional<std::string>& state_dir_arg,
                                    const std::optional<std::string>& config_arg) {
    if (state_dir_arg) return *state_dir_arg;
    std::ostringstream ignored;
    return load_settings(config_arg, ignored).system.state_dir;
}

}  // namespace kiosk::cli
