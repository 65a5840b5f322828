// A slide drawn exactly as the kiosk draws it, off screen: the software renderer, fonts, slide
// painter and idle overlay of the running kiosk (the main button and the patient's controls as
// they are before a first touch), on a surface of the kiosk's size. `kiosk render` and the staff
// web page's preview both use it, so a preview is the picture the waiting room sees.
#pragma once

#include "app/fonts.h"
#include "app/sdl_ptrs.h"
#include "app/slide_renderer.h"
#include "app/ui_layer.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/patient_controls_layout.h"
#include "core/slide.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

class SlideCanvas {
public:
    // Needs SDL (SdlSession) initialised, with or without video. `language`: one of [languages]
    // whose sentences the buttons show (its slides are passed to draw()); empty: the default.
    SlideCanvas(const KioskConfig& config, int w, int h, std::string_view language = {});
    SlideCanvas(const SlideCanvas&) = delete;  // the painter holds references to the fonts
    SlideCanvas& operator=(const SlideCanvas&) = delete;
    [[nodiscard]] bool ok() const { return error_.empty(); }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] int width() const { return w_; }
    [[nodiscard]] int height() const { return h_; }

    // Draws slide `position` of `count` and returns the canvas (valid until the next draw).
    SDL_Surface* draw(std::shared_ptr<const Slide> slide, int position, int count, const LocalTime& now);
    // What the waiting room sees with no usable slide.
    SDL_Surface* draw_information_screen(const LocalTime& now);
    [[nodiscard]] const TextLayout& layout(const Slide& slide) { return painter_->layout(slide, w_, h_); }

private:
    KioskConfig config_;  // localized to the canvas's language; the painter and UI hold references
    int w_, h_;
    PatientControlsLayout controls_;
    std::string language_label_;  // what the language button shows: the other language's name
    std::string error_;
    std::optional<FontSet> fonts_;
    sdl::Surface canvas_;
    sdl::Renderer renderer_;
    std::optional<SlideRenderer> painter_;
    std::optional<UiLayer> ui_;
};

// PNG bytes of a surface (scaled to fit max_w×max_h first when given), or empty with `error` set.
[[nodiscard]] std::string surface_png(SDL_Surface* surface, std::string& error, int max_w = 0, int max_h = 0);

}  // namespace kiosk
