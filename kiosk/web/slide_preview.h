// Slide text → PNG, drawn by the kiosk's own code (SlideCanvas, as `kiosk render`), at the kiosk's
// screen size, before anything is saved. Rendering is serialised: Dear ImGui's context is global.
#pragma once

#include "core/config.h"

#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk {
class SdlSession;
}

namespace kiosk::web {

class SlidePreview {
public:
    SlidePreview();
    ~SlidePreview();
    SlidePreview(const SlidePreview&) = delete;
    SlidePreview& operator=(const SlidePreview&) = delete;

    // The PNG of `text` as slide `name` in `slides_dir`, w×h (scaled down to fit max_w×max_h when
    // given). Empty with `error` ("line 3: ..." lines) when the kiosk would not show it. `last`: it is
    // the deck's last slide, which the kiosk gives the call to action (Slide::takes_call_to_action_when_last).
    std::string render(std::string_view name, std::string_view text, const std::filesystem::path& slides_dir,
                       const KioskConfig& config, bool last, int w, int h, std::string& error, int max_w = 0,
                       int max_h = 0);

private:
    std::mutex mutex_;
    std::unique_ptr<SdlSession> sdl_;
    // Recent results by everything that decides the picture: thumbnails of unchanged slides are free.
    // The settings are part of it: a translation is drawn with its language's sentences, and an
    // edit of kiosk.toml (the clinic's name, a colour) shows in the next preview.
    struct Cached {
        std::string key;
        KioskConfig config;
        std::string png;
    };
    std::list<Cached> cache_;
};

}  // namespace kiosk::web
