#include "web/pages_state.h"

#include "web/kiosk_link.h"

#include <cstdio>

namespace kiosk::web {

KioskConfig PagesState::config() const {
    std::error_code ec;
    if (context_.config_path.empty() || !std::filesystem::exists(context_.config_path, ec)) return KioskConfig{};
    return load_config(context_.config_path).config;
}

std::pair<int, int> PagesState::screen_size() {
    {
        const std::lock_guard lock(mutex_);
        if (screen_.first > 0) return screen_;
    }
    const KioskAnswer a = ask_kiosk(context_.state_dir, "screenshot-public");
    if (a.ok) saw_screenshot(a.bytes);
    const std::lock_guard lock(mutex_);
    return screen_.first > 0 ? screen_ : std::pair{1920, 1080};
}

void PagesState::saw_screenshot(const std::string& png) {
    const auto size = png_size(png);
    if (size.first < 200 || size.second < 200 || size.first > 8192 || size.second > 8192) return;
    const std::lock_guard lock(mutex_);
    screen_ = size;
}

std::string note_sentence(const std::string& code) {
    static const std::map<std::string, std::string> kNotes = {
        {"saved", "Saved. The kiosk shows the new version within a few seconds."},
        {"added", "Added. Change its text below and save."},
        {"removed", "Removed. It is in the Removed list and can be restored."},
        {"restored", "Restored: the kiosk shows it again."},
        {"moved", "New order saved."},
        {"on", "Switched on: the kiosk shows it again."},
        {"off", "Switched off: the kiosk skips it until you switch it on."},
        {"uploaded", "Picture uploaded and saved on the slide."},
    };
    const auto it = kNotes.find(code);
    return it == kNotes.end() ? "" : it->second;
}

std::string query_value(const Request& request, const std::string& key) {
    const auto it = request.query.find(key);
    return it == request.query.end() ? "" : it->second;
}

std::string form_value(const Request& request, const std::string& key) {
    const auto it = request.form.find(key);
    return it == request.form.end() ? "" : it->second;
}

std::string url_encode(std::string_view value) {
    std::string out;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", u);
            out += buf;
        }
    }
    return out;
}

}  // namespace kiosk::web
