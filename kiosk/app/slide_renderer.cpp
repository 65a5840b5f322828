#include "slide_renderer.h"

#include "call_to_action_draw.h"
#include "core/call_to_action_layout.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <string_view>

#include "core/frame_blend.h"

namespace kiosk {

namespace {

RunColours run_colours(const ThemeConfig& t) { return RunColours{t.accent, t.text, t.accent}; }

// A call-to-action slide always has a picture box: the number and the QR code go there.
std::string layout_key(const Slide& s, int w, int h) {
    return s.file_name + '|' + s.content_hash + '|' + std::to_string(w) + 'x' + std::to_string(h);
}

}  // namespace

std::string clock_text(const LocalTime& t) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour % 24, t.minute % 60);
    return buf;
}

SlideRenderer::SlideRenderer(SDL_Renderer* renderer, const FontSet& fonts, const KioskConfig& config)
    : renderer_(renderer),
      fonts_(fonts),
      config_(config),
      text_(renderer, fonts, 64),
      slide_text_(renderer, fonts),
      images_(renderer),
      frame_(renderer) {
    SDL_RendererInfo info{};
    // The software renderer blends on the CPU: there our own blend is several times faster.
    cpu_ = SDL_GetRendererInfo(renderer, &info) == 0 && info.name && std::string_view(info.name) == "software";
}

void SlideRenderer::set_patient_controls(const PatientControlsWanted& controls) {
    const auto bits = [](const PatientControlsWanted& c) {
        return std::tuple(c.read_aloud, c.text_size, c.language, c.arrows, c.read_aloud_min_w, c.language_min_w);
    };
    if (bits(controls) == bits(controls_)) return;
    controls_ = controls;
    slides_.clear();  // painted and laid out for the old room
    layouts_.clear();
}

ScreenRegions SlideRenderer::regions(int w, int h, SlideLayoutKind kind, bool has_image) const {
    const ScreenRegions r = compute_regions(w, h, kind, has_image);
    return regions_with_controls(r, patient_controls_layout(r, controls_));
}

void SlideRenderer::clear_caches() {
    slides_.clear();
    difference_.reset();
    frame_.clear();
    layouts_.clear();
    images_.clear();
    text_.clear();
    slide_text_.clear();
}

const TextLayout& SlideRenderer::layout(const Slide& slide, int w, int h) {
    const std::string key = layout_key(slide, w, h);
    auto it = layouts_.find(key);
    if (it == layouts_.end()) {
        if (layouts_.size() > 64) layouts_.clear();  // edits accumulate keys; a rebuild is cheap
        const ScreenRegions r = regions(w, h, slide.call_to_action ? call_to_action_kind(slide.layout, w, h) : slide.layout,
                                          slide.image.has_value() || slide.call_to_action);
        it = layouts_.emplace(key, layout_text(slide.title, slide.body, r.text, preferred_text_sizes(w, h), fonts_)).first;
    }
    return it->second;
}

namespace {
void fill_on(SDL_Renderer* renderer, const Rect& r, const Rgb& c, std::uint8_t alpha = 255) {
    SDL_SetRenderDrawBlendMode(renderer, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, alpha);
    const SDL_Rect sr{r.x, r.y, r.w, r.h};
    SDL_RenderFillRect(renderer, &sr);
}
}  // namespace

void SlideRenderer::fill(const Rect& r, const Rgb& c, std::uint8_t alpha) {
    fill_on(renderer_, r, c, alpha);
}

void SlideRenderer::paint_slide(const Canvas& to, const Slide& slide, int w, int h) {
    const ThemeConfig& theme = config_.theme;
    fill_on(to.renderer, Rect{0, 0, w, h}, theme.background);
    const ScreenRegions r = regions(w, h, slide.call_to_action ? call_to_action_kind(slide.layout, w, h) : slide.layout,
                                          slide.image.has_value() || slide.call_to_action);
    // The picture comes from the deck's memory, decoded by the loader: painting never reads a file.
    if (slide.call_to_action) {
        draw_call_to_action(to.renderer, to.labels, fonts_, config_, r.image, w, h);
    } else if (slide.image && r.image.w > 0 && r.image.h > 0) {
        if (SDL_Texture* tex = to.pictures.get(slide.image->pixels)) {
            const Rect where = fit_image(slide.image->width, slide.image->height, r.image);
            const SDL_Rect dst{where.x, where.y, where.w, where.h};
            SDL_RenderCopy(to.renderer, tex, nullptr, &dst);
        }
    }
    to.words.draw_runs(layout(slide, w, h).runs, run_colours(theme));
}

SlideRenderer::CachedSlide SlideRenderer::paint_cached(const Slide& slide, int w, int h) {
    CachedSlide c{layout_key(slide, w, h), nullptr, nullptr};
    if (cpu_) {
        // Painted straight into the pixels that are kept: a software renderer of its own over
        // them, so no full-screen target texture and no read-back copy exist next to them (one
        // screen of memory less at peak). It is the same software rasteriser as the window's, so
        // the pixels are the same. Its words, labels and picture textures go with it.
        auto px = std::make_shared<SlidePixels>();
        px->w = w;
        px->h = h;
        px->argb.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
        px->id = next_slide_pixels_id();
        const sdl::Surface surface(
            SDL_CreateRGBSurfaceWithFormatFrom(px->argb.data(), w, h, 32, w * 4, SDL_PIXELFORMAT_ARGB8888));
        const sdl::Renderer renderer(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr);
        if (!renderer) return c;
        {
            TextDrawer words(renderer.get(), fonts_);
            TextDrawer labels(renderer.get(), fonts_, 64);
            ImageCache pictures(renderer.get());
            paint_slide(Canvas{renderer.get(), words, labels, pictures}, slide, w, h);
        }  // the textures before their renderer
        SDL_RenderFlush(renderer.get());
        c.pixels = std::move(px);
        // Hundreds of small word textures and glyph surfaces were just freed in the middle of the
        // heap, where glibc keeps their pages; hand the free pages back (a millisecond, once a slide).
        malloc_trim(0);
        return c;
    }
    sdl::Texture tex(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h));
    if (!tex) return c;
    SDL_Texture* previous_target = SDL_GetRenderTarget(renderer_);
    SDL_SetRenderTarget(renderer_, tex.get());
    paint_slide(Canvas{renderer_, slide_text_, text_, images_}, slide, w, h);
    c.texture = std::move(tex);
    SDL_SetRenderTarget(renderer_, previous_target);
    // A painted slide is kept whole, so its words and picture as textures would only take memory
    // (hundreds of word textures per deck at 1080p): painting the next slide makes its own.
    slide_text_.clear();
    images_.clear();
    return c;
}

const SlideRenderer::CachedSlide* SlideRenderer::cached_slide(const Slide& slide, int w, int h) {
    const std::string key = layout_key(slide, w, h);
    for (auto it = slides_.begin(); it != slides_.end(); ++it) {
        if (it->key == key) {
            slides_.splice(slides_.begin(), slides_, it);
            return &slides_.front();
        }
    }
    // Current and next: the entry used least recently is neither (a list keeps the others valid).
    // It goes before the new one is painted, not after: painting takes a full-screen target and
    // its read-back, and holding the evicted slide's pixels meanwhile would be one screen more at peak.
    while (slides_.size() >= 2) slides_.pop_back();
    CachedSlide c = paint_cached(slide, w, h);
    if (!c.texture && !c.pixels) return nullptr;
    slides_.push_front(std::move(c));
    return &slides_.front();
}

bool SlideRenderer::prepared(const Slide& slide, int w, int h) const {
    const std::string key = layout_key(slide, w, h);
    return std::any_of(slides_.begin(), slides_.end(), [&](const CachedSlide& c) { return c.key == key; });
}

void SlideRenderer::prepare(const Slide& slide, int w, int h) {
    // Keep the slide on screen the most recent, so preparing the next one never evicts it.
    const CachedSlide* front = slides_.empty() ? nullptr : &slides_.front();
    const std::string front_key = front ? front->key : std::string();
    (void)cached_slide(slide, w, h);
    if (!front_key.empty()) {
        for (auto it = slides_.begin(); it != slides_.end(); ++it) {
            if (it->key == front_key) {
                slides_.splice(slides_.begin(), slides_, it);
                break;
            }
        }
    }
    // The fade to come is between these two: compare them now, off the fade's frames.
    if (slides_.size() == 2 && slides_.front().pixels && slides_.back().pixels)
        (void)difference(slides_.front().pixels->id, slides_.back().pixels->id, w, h);
}

const SlidePixels* SlideRenderer::painted(std::uint64_t id) const {
    for (const CachedSlide& c : slides_)
        if (c.pixels && c.pixels->id == id) return c.pixels.get();
    return nullptr;
}

const TileMask* SlideRenderer::difference(std::uint64_t a, std::uint64_t b, int w, int h) {
    if (difference_ && ((difference_->a == a && difference_->b == b) || (difference_->a == b && difference_->b == a)))
        return &difference_->tiles;
    const SlidePixels* pa = painted(a);
    const SlidePixels* pb = painted(b);
    const int rows = h - footer_rows(w, h);
    if (!pa || !pb || pa->w != w || pb->w != w || pa->h != h || pb->h != h || rows <= 0) return nullptr;
    difference_ = Difference{a, b, differing_tiles(pa->argb.data(), pb->argb.data(), w, rows)};
    return &difference_->tiles;
}

std::optional<std::vector<Rect>> SlideRenderer::changing_parts(std::uint64_t a, std::uint64_t b, int w, int h) {
    const TileMask* tiles = difference(a, b, w, h);
    if (!tiles) return std::nullopt;
    TileMask parts = *tiles;
    // Drawn over the slide in every re-blended part: always among them, so a part is never drawn
    // over twice and the portrait dots follow the slide. A little room for glyphs past their box.
    const ScreenRegions r = regions(w, h, SlideLayoutKind::TextOnly, false);
    constexpr int kRoom = 8;
    const auto grown = [](const Rect& x) { return Rect{x.x - kRoom, x.y - kRoom, x.w + 2 * kRoom, x.h + 2 * kRoom}; };
    parts.mark(grown(r.disclaimer));
    if (!r.footer.contains(r.footer_dots)) parts.mark(grown(r.footer_dots));
    return parts.rects();
}

namespace {

// Smoothstep easing: the fade starts and ends gently instead of at a constant rate.
float eased_fade(const PlayerFrame& frame) {
    const float t = std::clamp(frame.fade, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

int SlideRenderer::footer_rows(int w, int h) {
    const Rect f = compute_regions(w, h, SlideLayoutKind::TextOnly, false).footer;
    return (f.x == 0 && f.w == w && f.y + f.h == h && f.y > 0) ? f.h : 0;
}

std::optional<SlideFrameKey> SlideRenderer::frame_key(const PlayerFrame& frame, const LocalTime& now, int w, int h) {
    const int footer = footer_rows(w, h);
    if (!cpu_ || footer == 0 || (!frame.current && !frame.incoming)) return std::nullopt;
    if (frame.incoming && !prepared(*frame.incoming, w, h)) ++late_paints_;
    const CachedSlide* a = frame.current ? cached_slide(*frame.current, w, h) : nullptr;
    const CachedSlide* b = frame.incoming ? cached_slide(*frame.incoming, w, h) : nullptr;
    const SlidePixels* pa = a ? a->pixels.get() : nullptr;
    const SlidePixels* pb = b ? b->pixels.get() : nullptr;
    if (!pa && !pb) return std::nullopt;
    SlideFrameKey key;
    key.slide_area = Rect{0, 0, w, h - footer};
    key.footer_area = Rect{0, h - footer, w, footer};
    key.weight = pa && pb ? std::clamp(blend_weight(eased_fade(frame)), 0, 256) : 0;
    // The ends of a fade are one slide: keyed as that slide static, so the frame after adds nothing.
    key.a = pa ? pa->id : pb->id;
    key.b = pb ? pb->id : pa->id;
    if (key.weight == 0) key.b = key.a;
    if (key.weight == 256) key.a = key.b;
    if (key.a == key.b) key.weight = 0;
    key.footer = clock_text(now) + ' ' + std::to_string(frame.position) + '/' + std::to_string(frame.count);
    return key;
}

void SlideRenderer::draw_frame(const PlayerFrame& frame, const LocalTime& now, int w, int h, const FramePlan& plan) {
    if (plan.full) {
        draw_frame(frame, now, w, h);
        return;
    }
    const ScreenRegions r = regions(w, h, SlideLayoutKind::TextOnly, false);
    if (!plan.slide.empty()) {
        const CachedSlide* a = frame.current ? cached_slide(*frame.current, w, h) : nullptr;
        const CachedSlide* b = frame.incoming ? cached_slide(*frame.incoming, w, h) : nullptr;
        const SlidePixels* pa = a ? a->pixels.get() : nullptr;
        const SlidePixels* pb = b ? b->pixels.get() : nullptr;
        if (pa || pb) {
            const int weight = pa && pb ? blend_weight(eased_fade(frame)) : 0;
            frame_.blend(pa ? *pa : *pb, pb ? *pb : *pa, weight, plan.slide);
        }
        // The disclaimer (and portrait's dots) lie on the slide: drawn again over each re-blended
        // part, clipped to it, so nothing lands on a button's middle that was not drawn again.
        const int disc_px = disclaimer_px(r);  // measured once: shaping the text is not free
        const bool dots_on_slide = !r.footer.contains(r.footer_dots);
        for (const Rect& part : plan.slide) {
            // Only the parts they can reach (glyphs may stand a little outside their box).
            const Rect room{part.x - 8, part.y - 8, part.w + 16, part.h + 16};
            if (!room.intersects(r.disclaimer) && !(dots_on_slide && room.intersects(r.footer_dots))) continue;
            const SDL_Rect clip{part.x, part.y, part.w, part.h};
            SDL_RenderSetClipRect(renderer_, &clip);
            draw_on_slide(frame, r, disc_px);
        }
        SDL_RenderSetClipRect(renderer_, nullptr);
    }
    if (plan.footer) draw_footer_strip(frame, now, r);
}

void SlideRenderer::draw_frame(const PlayerFrame& frame, const LocalTime& now, int w, int h) {
    if (!frame.current && !frame.incoming) {
        draw_information_screen(now, w, h);
        return;
    }
    const float eased = eased_fade(frame);
    if (frame.incoming && !prepared(*frame.incoming, w, h)) ++late_paints_;
    const CachedSlide* a = frame.current ? cached_slide(*frame.current, w, h) : nullptr;
    const CachedSlide* b = frame.incoming ? cached_slide(*frame.incoming, w, h) : nullptr;
    // (Both pointers stay valid: b's lookup can only evict the entry that is neither.)
    // The opaque full-width footer is drawn over the slide each frame: no need to blend under it.
    const int footer = footer_rows(w, h);
    const int rows = h - footer;
    bool drawn = false;
    if (cpu_) {
        const SlidePixels* pa = a ? a->pixels.get() : nullptr;
        const SlidePixels* pb = b ? b->pixels.get() : nullptr;
        if (pa && pb) {
            drawn = frame_.blend(*pa, *pb, blend_weight(eased), rows);
        } else if (pa || pb) {
            drawn = frame_.show(pa ? *pa : *pb, rows);
        }
    } else if (a || b) {
        if (!a) fill(Rect{0, 0, w, h}, config_.theme.background);
        if (a) {
            SDL_SetTextureBlendMode(a->texture.get(), SDL_BLENDMODE_NONE);  // opaque: a copy, no blend
            SDL_RenderCopy(renderer_, a->texture.get(), nullptr, nullptr);
        }
        if (b) {
            SDL_SetTextureBlendMode(b->texture.get(), SDL_BLENDMODE_BLEND);
            SDL_SetTextureAlphaMod(b->texture.get(), static_cast<std::uint8_t>(std::lround(eased * 255.0f)));
            SDL_RenderCopy(renderer_, b->texture.get(), nullptr, nullptr);
        }
        drawn = true;
    }
    if (!drawn) {
        // No render targets or no memory for the frame (should not happen): paint directly.
        paint_slide(Canvas{renderer_, slide_text_, text_, images_},
                    frame.incoming && eased >= 0.5f ? *frame.incoming : *frame.current, w, h);
    }
    draw_footer(frame, now, w, h);
}

void SlideRenderer::draw_footer(const PlayerFrame& frame, const LocalTime& now, int w, int h) {
    const ScreenRegions r = regions(w, h, SlideLayoutKind::TextOnly, false);
    draw_footer_strip(frame, now, r);
    draw_on_slide(frame, r, disclaimer_px(r));
}

int SlideRenderer::disclaimer_px(const ScreenRegions& r) {
    return text_.fit_px(config_.text.disclaimer, FontStyle::Regular, r.disclaimer_px, r.disclaimer.w, 10);
}

void SlideRenderer::draw_footer_strip(const PlayerFrame& frame, const LocalTime& now, const ScreenRegions& r) {
    const ThemeConfig& theme = config_.theme;
    fill(r.footer, theme.footer_background);
    text_.draw_text(clock_text(now), FontStyle::Bold, r.footer_px, theme.footer_text, r.footer_clock, HAlign::Right);
    const int name_px =
        text_.fit_px(config_.clinic.name, FontStyle::Bold, r.footer_px, r.footer_name.w, r.footer_px * 2 / 3);
    text_.draw_text(config_.clinic.name, FontStyle::Bold, name_px, theme.footer_text, r.footer_name, HAlign::Left);
    if (r.footer.contains(r.footer_dots)) draw_dots(frame, r);
}

void SlideRenderer::draw_on_slide(const PlayerFrame& frame, const ScreenRegions& r, int disc_px) {
    if (!r.footer.contains(r.footer_dots)) draw_dots(frame, r);
    text_.draw_text(config_.text.disclaimer, FontStyle::Regular, disc_px, config_.theme.text, r.disclaimer, HAlign::Left);
}

void SlideRenderer::draw_dots(const PlayerFrame& frame, const ScreenRegions& r) {
    // Progress dots: in the footer in landscape; in portrait they sit on the slide's background
    // above the button, so they take the slide's text colour there.
    const ThemeConfig& theme = config_.theme;
    const bool in_footer = r.footer.contains(r.footer_dots);
    const Rgb& dot_colour = in_footer ? theme.footer_text : theme.accent;
    const int count = std::max(frame.count, 0);
    const int dot = std::max(6, r.footer_px / 3);
    const int dots_w = count > 0 ? count * dot * 2 - dot : 0;
    const int dots_x = r.footer_dots.x + (r.footer_dots.w - dots_w) / 2;
    const int dots_y = r.footer_dots.y + (r.footer_dots.h - dot) / 2;
    for (int i = 0; i < count; ++i) {
        const bool on = i == frame.position;
        const Rect d{dots_x + i * dot * 2, dots_y, dot, dot};
        fill(on ? Rect{d.x - dot / 4, d.y - dot / 4, d.w + dot / 2, d.h + dot / 2} : d, dot_colour, on ? 255 : 110);
    }
}

void SlideRenderer::draw_information_screen(const LocalTime& now, int w, int h) {
    const ThemeConfig& theme = config_.theme;
    fill(Rect{0, 0, w, h}, theme.background);
    const ScreenRegions r = regions(w, h, SlideLayoutKind::TextOnly, false);
    const Rect& c = r.content;
    const TextSizes sizes = preferred_text_sizes(w, h);
    const int name_px = text_.fit_px(config_.clinic.name, FontStyle::Bold, sizes.title_px, c.w, sizes.body_px);
    const int line = fonts_.line_height(name_px);
    int y = c.y + c.h / 6;
    text_.draw_text(config_.clinic.name, FontStyle::Bold, name_px, theme.accent, Rect{c.x, y, c.w, line},
                    HAlign::Centre);
    y += line + r.margin;
    const int msg_px = text_.fit_px(config_.text.no_slides, FontStyle::Regular, sizes.body_px, c.w, sizes.min_body_px);
    text_.draw_text(config_.text.no_slides, FontStyle::Regular, msg_px, theme.text,
                    Rect{c.x, y, c.w, fonts_.line_height(msg_px)}, HAlign::Centre);
    y += fonts_.line_height(msg_px) + r.margin;
    // A hidden phone (broken in kiosk.toml) sends patients to the desk instead of showing a number.
    const std::string call = config_.clinic.phone_hidden ? config_.text.ask_at_desk
                                                         : config_.text.call_us + ": " + config_.clinic.phone;
    const int phone_px = text_.fit_px(config_.clinic.phone, FontStyle::Bold, sizes.title_px * 5 / 4, c.w, sizes.body_px);
    text_.draw_text(call, FontStyle::Bold, text_.fit_px(call, FontStyle::Bold, phone_px, c.w, sizes.body_px),
                    theme.text, Rect{c.x, y, c.w, fonts_.line_height(phone_px)}, HAlign::Centre);
    y += fonts_.line_height(phone_px) + r.margin / 2;
    text_.draw_text(config_.clinic.hours, FontStyle::Regular, sizes.body_px, theme.text,
                    Rect{c.x, y, c.w, fonts_.line_height(sizes.body_px)}, HAlign::Centre);
    PlayerFrame none;
    draw_footer(none, now, w, h);
}

}  // namespace kiosk
