// Paints what a patient sees behind the touch button: a slide (background, picture, text), the
// crossfade between two slides, the footer (clinic, clock, progress dots, disclaimer) and the calm
// information screen shown when no slide may be shown. Slides are painted once into a texture
// and then only copied, so a static slide or a crossfade costs two texture copies per frame.
// Everything drawn comes from memory (the deck's decoded pictures, fonts): nothing here takes a
// path or opens a file, so the frame loop cannot block on the slides folder.
#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "core/patient_controls_layout.h"
#include "core/player.h"
#include "core/slide.h"
#include "core/patient_controls_layout.h"
#include "core/slide_layout.h"
#include "fonts.h"
#include "image_cache.h"
#include "text_draw.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

class SlideRenderer {
public:
    SlideRenderer(SDL_Renderer* renderer, const FontSet& fonts, const KioskConfig& config);

    // Lays out a slide's text for a screen size (cached by content); also used by `kiosk check`.
    const TextLayout& layout(const Slide& slide, int w, int h);

    // The whole frame except ImGui: slides with the crossfade, footer, disclaimer.
    void draw_frame(const PlayerFrame& frame, const LocalTime& now, int w, int h);
    // Shown when the deck has no slide to show: never a black screen.
    void draw_information_screen(const LocalTime& now, int w, int h);

    // The patient controls shown over the slides: the text box, dots and disclaimer make room for them.
    void set_patient_controls(const PatientControlsWanted& controls);

    // Drops cached textures (after the window size changed).
    void clear_caches();
    // Textures held now (slides painted, pictures): stays bounded however many slides play.
    [[nodiscard]] std::size_t cached_textures() const { return slides_.size() + images_.size(); }
    [[nodiscard]] TextDrawer& text() { return text_; }

private:
    SDL_Texture* slide_texture(const Slide& slide, int w, int h);
    void paint_slide(const Slide& slide, int w, int h);
    void draw_footer(const PlayerFrame& frame, const LocalTime& now, int w, int h);
    void fill(const Rect& r, const Rgb& c, std::uint8_t alpha = 255);
    [[nodiscard]] ScreenRegions regions(int w, int h, SlideLayoutKind kind, bool has_image) const;

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    const KioskConfig& config_;
    TextDrawer text_;
    ImageCache images_;
    struct CachedSlide {
        std::string key;
        sdl::Texture texture;
    };
    std::vector<CachedSlide> slides_;  // at most a few: the current and incoming slides
    std::map<std::string, TextLayout> layouts_;
    PatientControlsWanted controls_;
};

// "14:05" in 24-hour form; clinics set the box's locale/TZ, the format stays unambiguous.
[[nodiscard]] std::string clock_text(const LocalTime& t);

}  // namespace kiosk
