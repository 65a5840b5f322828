// The staff pages: every route behind the login (slides, edit, preview, upload, removed, printer). They are
// plain handlers on a Router; http_server.* has already checked the session, CSRF token and Origin before
// any of them runs, so nothing here repeats that.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "web/http_message.h"

namespace kiosk::web {

struct StaffPagesContext {
    std::filesystem::path slides_dir;   // the folder the running kiosk shows (live reload picks up saves)
    std::filesystem::path config_path;  // kiosk.toml (resolution, printer, text) for previews and test prints
    std::filesystem::path state_dir;    // the kiosk's state folder: status.json, control.sock, usage log
};

// `log` gets a line about the repairs made to the slides folder at start-up (it may be empty).
void register_staff_pages(Router& router, const StaffPagesContext& context,
                          const std::function<void(std::string_view)>& log = {});

}  // namespace kiosk::web
