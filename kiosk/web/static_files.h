// The page's two static files, built into the binary (embed_assets.cmake). Looked up by exact
// path only, so no request path ever reaches the file system.
#pragma once

#include <string_view>

namespace kiosk::web {

namespace embedded {
extern const std::string_view kiosk_css;
extern const std::string_view kiosk_js;
}  // namespace embedded

struct StaticFile {
    std::string_view content_type;
    std::string_view body;
};

// "/static/kiosk.css" or "/static/kiosk.js"; nullptr for anything else.
[[nodiscard]] const StaticFile* find_static_file(std::string_view path);

}  // namespace kiosk::web
