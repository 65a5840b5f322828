// The "on screen now" box and the printer box, from the running kiosk's status.json. Only the fields
// named here are shown: nothing about a patient (names, phone numbers) is in them or reaches a page.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk::web {

[[nodiscard]] std::string on_screen_html(const std::filesystem::path& state_dir);
[[nodiscard]] std::string printer_html(const std::filesystem::path& state_dir);

}  // namespace kiosk::web
