#include "cli/settings.h"

#include <ostream>

namespace kiosk::cli {

KioskConfig load_settings(const std::optional<std::string>& config_arg, std::ostream& log, bool* errors) {
    if (errors) *errors = false;
    std::filesystem::path file;
    if (config_arg) {
        file = *config_arg;
    } else if (std::error_code ec; std::filesystem::exists(kSystemConfig, ec)) {
        file = kSystemConfig;
    }
    KioskConfig config;
    if (!file.empty()) {
        ConfigResult r = load_config(file);
        for (const auto& d : r.diagnostics) log << d.to_string() << '\n';
        if (errors) *errors = has_errors(r.diagnostics);
        config = std::move(r.config);
    }
    if (config.clinic.phone_is_placeholder()) {
        log << (file.empty() ? std::string("kiosk") : file.string())
            << ": warning: the clinic's phone number is the fictional placeholder " << kPlaceholderPhone
            << ". Set [clinic] phone in kiosk.toml before patients use the kiosk\n";
    }
    return config;
}

std::filesystem::path slides_folder(const std::optional<std::string>& arg) {
    if (arg) return *arg;
    std::error_code ec;
    if (std::filesystem::is_directory("slides", ec)) return "slides";
    return kSystemSlides;
}

}  // namespace kiosk::cli
