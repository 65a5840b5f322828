// What every staff page handler shares: where things are, the preview renderer, and the kiosk's
// screen size (learnt from its own screenshot, so previews are drawn at the resolution it shows).
#pragma once

#include "core/config.h"
#include "web/slide_preview.h"
#include "web/slide_store.h"
#include "web/staff_pages.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace kiosk::web {

class PagesState {
public:
    explicit PagesState(StaffPagesContext context) : context_(std::move(context)) {}

    [[nodiscard]] const StaffPagesContext& context() const { return context_; }
    // kiosk.toml as the kiosk reads it (defaults when there is none), read fresh for each request.
    [[nodiscard]] KioskConfig config() const;
    [[nodiscard]] SlideStore store() const { return SlideStore(context_.slides_dir, config()); }
    SlidePreview& preview() { return preview_; }

    // The kiosk's screen size: from its last screenshot, asking for one when none was seen yet;
    // 1920×1080 when the kiosk is not running.
    std::pair<int, int> screen_size();
    void saw_screenshot(const std::string& png);

private:
    StaffPagesContext context_;
    SlidePreview preview_;
    std::mutex mutex_;
    std::pair<int, int> screen_{0, 0};
};

// Fixed sentences shown after a redirect (?note=saved): a request can pick one, never write one.
[[nodiscard]] std::string note_sentence(const std::string& code);
[[nodiscard]] std::string query_value(const Request& request, const std::string& key);
[[nodiscard]] std::string form_value(const Request& request, const std::string& key);
// "/slide?name=..." with the value percent-encoded.
[[nodiscard]] std::string url_encode(std::string_view value);

}  // namespace kiosk::web
