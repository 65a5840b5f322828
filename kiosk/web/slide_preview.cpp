#include "web/slide_preview.h"

#include "app/picture_decoder.h"
#include "app/sdl_session.h"
#include "app/slide_canvas.h"
#include "core/slide_parser.h"
#include "web/slide_store.h"

namespace kiosk::web {

namespace {
constexpr std::size_t kCacheEntries = 48;
}

SlidePreview::SlidePreview() = default;
SlidePreview::~SlidePreview() = default;

std::string SlidePreview::render(std::string_view name, std::string_view text, const std::filesystem::path& slides_dir,
                                 const KioskConfig& config, bool last, int w, int h, std::string& error, int max_w,
                                 int max_h) {
    const std::lock_guard lock(mutex_);
    SlideParseResult parsed =
        parse_slide_text(text, slides_dir, std::string(name), config, picture_decoder_for_screen(w, h));
    if (!parsed.slide) {
        for (const auto& d : parsed.diagnostics) {
            if (d.severity == Severity::Error) error += line_message(d) + "\n";
        }
        return {};
    }
    if (last && parsed.slide->takes_call_to_action_when_last()) parsed.slide->call_to_action = true;
    const std::string key = std::string(parsed.slide->call_to_action ? "cta|" : "|") + parsed.slide->content_hash +
                            "|" + std::to_string(w) + "x" + std::to_string(h) + "|" + std::to_string(max_w) + "x" +
                            std::to_string(max_h) + "|" + std::string(text);
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
        if (it->key == key && it->config == config) {
            cache_.splice(cache_.begin(), cache_, it);
            return cache_.front().png;
        }
    }
    if (!sdl_) {
        sdl_ = std::make_unique<SdlSession>(false);
        if (!sdl_->ok()) {
            error = "cannot start SDL: " + sdl_->error();
            sdl_.reset();
            return {};
        }
    }
    SlideCanvas canvas(config, w, h);
    if (!canvas.ok()) {
        error = canvas.error();
        return {};
    }
    const auto slide = std::make_shared<const Slide>(std::move(*parsed.slide));
    std::string png =
        surface_png(canvas.draw(slide, 0, 1, to_local(std::chrono::system_clock::now())), error, max_w, max_h);
    if (png.empty()) return {};
    cache_.push_front(Cached{key, config, png});
    if (cache_.size() > kCacheEntries) cache_.pop_back();
    return png;
}

}  // namespace kiosk::web
