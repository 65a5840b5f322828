#include "web/static_files.h"

namespace kiosk::web {

const StaticFile* find_static_file(std::string_view path) {
    static const StaticFile css{"text/css; charset=utf-8", embedded::kiosk_css};
    static const StaticFile js{"text/javascript; charset=utf-8", embedded::kiosk_js};
    if (path == "/static/kiosk.css") return &css;
    if (path == "/static/kiosk.js") return &js;
    return nullptr;
}

}  // namespace kiosk::web
