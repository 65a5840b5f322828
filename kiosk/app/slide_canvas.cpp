#include "app/slide_canvas.h"

#include "app/control_server.h"
#include "core/language_config.h"
#include "core/patient_session.h"

#include <cstring>

namespace kiosk {

namespace {

// The language button names the language it switches to, as the kiosk's own session decides.
std::string language_button_label(const KioskConfig& config, std::string_view language) {
    const FakeClock clock;
    PatientSession session(clock, config.languages, std::chrono::seconds(1));
    for (std::size_t i = 0; i <= config.languages.others.size() && session.language() != language && !language.empty();
         ++i)
        session.switch_language();
    return session.language_button_label();
}

}  // namespace

SlideCanvas::SlideCanvas(const KioskConfig& config, int w, int h, std::string_view language)
    : config_(language.empty() ? config : localized(config, language)),
      w_(w),
      h_(h),
      language_label_(language_button_label(config, language)) {
    // The controls a kiosk with a sound output shows: Read aloud (when [audio] is on), A+, the
    // language button; the arrows' room is kept, as on screen, though they show only after a touch.
    PatientControlsWanted wanted;
    wanted.read_aloud = config_.audio.enabled;
    wanted.text_size = true;
    wanted.language = !language_label_.empty();
    wanted.arrows = true;
    controls_ = patient_controls_layout(compute_regions(w, h, SlideLayoutKind::TextOnly, false), wanted);
    fonts_ = FontSet::open(config_.theme.font_family, &error_);
    if (!fonts_) {
        if (error_.empty()) error_ = "no font";
        return;
    }
    error_.clear();
    canvas_.reset(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (canvas_) renderer_.reset(SDL_CreateSoftwareRenderer(canvas_.get()));
    if (!renderer_) {
        error_ = std::string("cannot create a renderer: ") + SDL_GetError();
        return;
    }
    painter_.emplace(renderer_.get(), *fonts_, config_);
    painter_->set_patient_controls(wanted);
    ui_.emplace(renderer_.get(), config_, *fonts_, w, h, /*with_platform_backend=*/false);
}

SDL_Surface* SlideCanvas::draw(std::shared_ptr<const Slide> slide, int position, int count, const LocalTime& now) {
    if (!ok()) return nullptr;
    PlayerFrame frame;
    frame.current = std::move(slide);
    frame.position = position;
    frame.count = count;
    painter_->draw_frame(frame, now, w_, h_);
    ui_->draw_idle_overlay(controls_, language_label_);
    SDL_RenderPresent(renderer_.get());
    return canvas_.get();
}

SDL_Surface* SlideCanvas::draw_information_screen(const LocalTime& now) {
    if (!ok()) return nullptr;
    painter_->draw_information_screen(now, w_, h_);
    ui_->draw_idle_overlay(controls_, language_label_);
    SDL_RenderPresent(renderer_.get());
    return canvas_.get();
}

std::string surface_png(SDL_Surface* surface, std::string& error, int max_w, int max_h) {
    if (!surface) {
        error = "nothing was drawn";
        return {};
    }
    int w = surface->w, h = surface->h;
    if (max_w > 0 && max_h > 0 && (w > max_w || h > max_h)) {
        const double s = std::min(static_cast<double>(max_w) / w, static_cast<double>(max_h) / h);
        w = std::max(1, static_cast<int>(w * s));
        h = std::max(1, static_cast<int>(h * s));
    }
    const sdl::Surface out(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!out) {
        error = SDL_GetError();
        return {};
    }
    SDL_SetSurfaceBlendMode(surface, SDL_BLENDMODE_NONE);
    if (SDL_BlitScaled(surface, nullptr, out.get(), nullptr) != 0) {
        error = SDL_GetError();
        return {};
    }
    FramePixels frame;
    frame.w = w;
    frame.h = h;
    frame.argb.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        std::memcpy(frame.argb.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w),
                    static_cast<const char*>(out->pixels) + static_cast<std::ptrdiff_t>(y) * out->pitch,
                    static_cast<std::size_t>(w) * 4);
    }
    return encode_png(frame, error);
}

}  // namespace kiosk
