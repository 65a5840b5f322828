// Paints what a patient sees behind the touch button: a slide (background, picture, text), the
// crossfade between two slides, the footer (clinic, clock, progress dots, disclaimer) and the calm
// information screen shown when no slide may be shown. Slides are painted once (ideally before
// their transition starts: prepare()) and then only copied. On the software renderer a slide is
// kept as plain pixels and the crossfade is one blend pass (crossfade.h); on an accelerated
// renderer it is a texture and the GPU blends.
// Everything drawn comes from memory (the deck's decoded pictures, fonts): nothing here takes a
// path or opens a file, so the frame loop cannot block on the slides folder.
#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "core/frame_damage.h"
#include "core/patient_controls_layout.h"
#include "core/player.h"
#include "core/slide.h"
#include "core/slide_difference.h"
#include "core/slide_layout.h"
#include "fonts.h"
#include "crossfade.h"
#include "image_cache.h"
#include "text_draw.h"

#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

// What a slide frame shows, part by part, to tell what changed since the last one (screen_updates.h).
struct SlideFrameKey {
    Rect slide_area;           // the slides' part of the screen, above the footer strip
    Rect footer_area;          // the opaque footer strip
    std::uint64_t a = 0, b = 0;  // the painted slides shown (SlidePixels ids; b = a when static)
    int weight = 0;            // the fade's position in 1/256ths of b
    std::string footer;        // the strip's clock and dots
};

class SlideRenderer {
public:
    SlideRenderer(SDL_Renderer* renderer, const FontSet& fonts, const KioskConfig& config);

    // Lays out a slide's text for a screen size (cached by content); also used by `kiosk check`.
    const TextLayout& layout(const Slide& slide, int w, int h);

    // The whole frame except ImGui: slides with the crossfade, footer, disclaimer.
    void draw_frame(const PlayerFrame& frame, const LocalTime& now, int w, int h);
    // Only the parts `plan` names (whole when plan.full), on the software renderer.
    void draw_frame(const PlayerFrame& frame, const LocalTime& now, int w, int h, const FramePlan& plan);
    // What `frame` shows, or nothing when it cannot be drawn in parts (an accelerated renderer, the
    // information screen, a footer that is not a full-width strip at the bottom, a slide not painted).
    [[nodiscard]] std::optional<SlideFrameKey> frame_key(const PlayerFrame& frame, const LocalTime& now, int w, int h);
    // Shown when the deck has no slide to show: never a black screen.
    void draw_information_screen(const LocalTime& now, int w, int h);

    // The patient controls shown over the slides: the text box, dots and disclaimer make room for them.
    void set_patient_controls(const PatientControlsWanted& controls);
    // Paints `slide` now if it is not painted yet, so its crossfade frames only blend. Called
    // between frames while a slide is static.
    void prepare(const Slide& slide, int w, int h);
    // True when `slide` is painted and ready for a transition.
    [[nodiscard]] bool prepared(const Slide& slide, int w, int h) const;
    // Slides painted on a transition frame because they were not prepared (should stay 0).
    [[nodiscard]] std::uint64_t late_paints() const { return late_paints_; }
    // True on the software renderer's pixel path (CPU crossfade).
    [[nodiscard]] bool cpu_frames() const { return cpu_; }

    // What a frame changing between the painted slides `a` and `b` (SlidePixels ids, either order)
    // must draw again above the footer: where the two differ, plus what is drawn on the slide over
    // them (the disclaimer; the dots in portrait). Disjoint tile rectangles. nullopt when either is
    // not painted now (the caller then draws the whole slide area). The pair's tiles are compared
    // once, when the second slide is prepared.
    [[nodiscard]] std::optional<std::vector<Rect>> changing_parts(std::uint64_t a, std::uint64_t b, int w, int h);

    // Drops cached textures (after the window size changed).
    void clear_caches();
    // Textures held now (slides painted, pictures): stays bounded however many slides play.
    [[nodiscard]] std::size_t cached_textures() const { return slides_.size() + images_.size(); }
    [[nodiscard]] TextDrawer& text() { return text_; }

private:
    struct CachedSlide {
        std::string key;
        sdl::Texture texture;                 // accelerated renderers
        std::shared_ptr<SlidePixels> pixels;  // the software renderer
    };
    const CachedSlide* cached_slide(const Slide& slide, int w, int h);
    CachedSlide paint_cached(const Slide& slide, int w, int h);
    // Where a slide is painted: the screen's renderer (into a target texture) or, on the software
    // renderer, one over the kept pixels, each with the text and picture textures made for it.
    struct Canvas {
        SDL_Renderer* renderer;
        TextDrawer& words;
        TextDrawer& labels;
        ImageCache& pictures;
    };
    void paint_slide(const Canvas& to, const Slide& slide, int w, int h);
    void draw_footer(const PlayerFrame& frame, const LocalTime& now, int w, int h);
    // The footer strip (clinic, clock, dots when they sit in it) and what sits on the slide (the
    // disclaimer, the dots in portrait): drawn over every re-blended part of the slide.
    void draw_footer_strip(const PlayerFrame& frame, const LocalTime& now, const ScreenRegions& r);
    void draw_on_slide(const PlayerFrame& frame, const ScreenRegions& r, int disc_px);
    [[nodiscard]] int disclaimer_px(const ScreenRegions& r);
    void draw_dots(const PlayerFrame& frame, const ScreenRegions& r);
    // The footer rows, when the footer is an opaque full-width strip at the bottom; else 0.
    [[nodiscard]] static int footer_rows(int w, int h);
    void fill(const Rect& r, const Rgb& c, std::uint8_t alpha = 255);
    [[nodiscard]] const SlidePixels* painted(std::uint64_t id) const;
    // Compares the two painted slides once per pair (a fade is between the current and next).
    const TileMask* difference(std::uint64_t a, std::uint64_t b, int w, int h);
    [[nodiscard]] ScreenRegions regions(int w, int h, SlideLayoutKind kind, bool has_image) const;

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    const KioskConfig& config_;
    TextDrawer text_;        // the footer and the information screen: a handful of labels
    TextDrawer slide_text_;  // a slide's words while it is painted, dropped afterwards
    ImageCache images_;
    bool cpu_ = false;
    CrossfadeFrame frame_;
    std::list<CachedSlide> slides_;  // most recent first; at most two: the current and the next slide
    struct Difference {
        std::uint64_t a = 0, b = 0;
        TileMask tiles;  // where they differ, above the footer
    };
    std::optional<Difference> difference_;  // of the last pair compared
    std::uint64_t late_paints_ = 0;
    std::map<std::string, TextLayout> layouts_;
    PatientControlsWanted controls_;
};

// "14:05" in 24-hour form; clinics set the box's locale/TZ, the format stays unambiguous.
[[nodiscard]] std::string clock_text(const LocalTime& t);

}  // namespace kiosk
