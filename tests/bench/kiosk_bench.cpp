// Prints how much the kiosk's drawing costs, per renderer and per screen size: a slide's first
// paint, static and crossfade frames (p50/p99/max, drawn AND presented), the frames a real-time
// 0.8 s fade gets, and memory (RSS/PSS). Targets are printed beside the figures; nothing is
// asserted, because shared CI machines are noisy. With `--window` each size gets a real window on
// the current video driver (Xvfb in tests/bench/render_bench.sh); `--renderer opengl` needs one.
#include "app/picture_decoder.h"
#include "app/pointer_input.h"
#include "app/screen_updates.h"
#include "app/sdl_session.h"
#include "app/slide_renderer.h"
#include "app/ui_layer.h"
#include "core/deck.h"
#include "core/player.h"

#include <SDL.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace kiosk;
using Ms = std::chrono::duration<double, std::milli>;
using Steady = std::chrono::steady_clock;

namespace {

template <typename F>
double time_ms(F&& f) {
    const auto a = Steady::now();
    f();
    return Ms(Steady::now() - a).count();
}

template <typename F>
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) t.push_back(time_ms(f));
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

struct Spread {
    double p50 = 0, p99 = 0, max = 0;
};

Spread spread(std::vector<double> t) {
    std::sort(t.begin(), t.end());
    if (t.empty()) return {};
    auto at = [&](double q) {
        return t[std::min(t.size() - 1, static_cast<std::size_t>(q * static_cast<double>(t.size())))];
    };
    return Spread{at(0.5), at(0.99), t.back()};
}

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

// kB of a field of /proc/self/smaps_rollup (Rss, Pss).
long rollup_kb(const char* field) {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string key;
    long kb = 0;
    while (in >> key) {
        if (key == std::string(field) + ":") {
            in >> kb;
            return kb;
        }
        std::getline(in, key);
    }
    return 0;
}

struct Target {
    sdl::Window window;
    sdl::Surface canvas;
    sdl::Renderer renderer;
};

Target make_target(const std::string& driver, bool window, int w, int h, std::string* name) {
    Target t;
    if (window) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, driver.c_str());
        t.window.reset(SDL_CreateWindow("kiosk_bench", 0, 0, w, h, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS));
        if (t.window) t.renderer.reset(SDL_CreateRenderer(t.window.get(), -1, SDL_RENDERER_TARGETTEXTURE));
    } else {
        t.canvas.reset(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
        t.renderer.reset(SDL_CreateSoftwareRenderer(t.canvas.get()));
    }
    SDL_RendererInfo info{};
    if (t.renderer && SDL_GetRendererInfo(t.renderer.get(), &info) == 0) *name = info.name;
    return t;
}

// The fade as the kiosk drew it before: both slide textures copied with SDL's generic alpha
// blend (the incoming one alpha-modulated) over a background fill. Kept for callgrind comparisons:
// valgrind --tool=callgrind --toggle-collect='*sdl_alpha_fade_frame*' kiosk_bench --blend-compare
__attribute__((noinline)) void sdl_alpha_fade_frame(SDL_Renderer* r, SDL_Texture* a, SDL_Texture* b, Uint8 alpha) {
    SDL_SetRenderDrawColor(r, 0xFA, 0xF7, 0xF2, 255);
    SDL_RenderClear(r);
    SDL_SetTextureBlendMode(a, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(a, 255);
    SDL_RenderCopy(r, a, nullptr, nullptr);
    SDL_SetTextureBlendMode(b, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(b, alpha);
    SDL_RenderCopy(r, b, nullptr, nullptr);
}

// The fade as drawn now (SlideRenderer::draw_frame, the CPU blend on the software renderer).
__attribute__((noinline)) void kiosk_fade_frame(SlideRenderer& p, const PlayerFrame& f, const LocalTime& now, int w,
                                                int h) {
    p.draw_frame(f, now, w, h);
}

// 10 fade frames at 1920x1080 each way, on a software renderer into a surface.
int blend_compare(const Deck& deck, const FontSet& fonts, const KioskConfig& config) {
    const int w = 1920, h = 1080;
    sdl::Surface canvas(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    sdl::Renderer r(SDL_CreateSoftwareRenderer(canvas.get()));
    SlideRenderer painter(r.get(), fonts, config);
    const LocalTime now{};
    PlayerFrame f;
    f.current = deck.slides[0];
    f.incoming = deck.slides[1];
    f.count = 2;
    painter.prepare(*f.current, w, h);
    painter.prepare(*f.incoming, w, h);
    sdl::Texture a(SDL_CreateTexture(r.get(), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h));
    sdl::Texture b(SDL_CreateTexture(r.get(), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h));
    for (auto* t : {a.get(), b.get()}) {
        SDL_SetRenderTarget(r.get(), t);
        painter.draw_frame(f, now, w, h);
    }
    SDL_SetRenderTarget(r.get(), nullptr);
    std::vector<double> old_ms, new_ms;
    for (int i = 1; i <= 10; ++i) {
        old_ms.push_back(time_ms([&] { sdl_alpha_fade_frame(r.get(), a.get(), b.get(), static_cast<Uint8>(i * 23)); }));
        f.fade = static_cast<float>(i) / 11.0f;
        new_ms.push_back(time_ms([&] { kiosk_fade_frame(painter, f, now, w, h); }));
    }
    const Spread o = spread(old_ms), n = spread(new_ms);
    std::printf(
        "1920x1080 fade frame, software renderer into a surface: SDL alpha blend p50 %.2f ms, "
        "kiosk CPU blend p50 %.2f ms (10 frames each)\n",
        o.p50, n.p50);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string slides = "slides";
    std::string driver = "software";
    bool window = false;
    bool quick = false;
    bool compare = false;  // old SDL alpha blend against the kiosk's blend, for callgrind  // the deck-load and text
                           // figures only once (the wrapper runs us twice)
    std::vector<std::pair<int, int>> sizes = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (std::strcmp(argv[i], "--slides") == 0 && has_value)
            slides = argv[++i];
        else if (std::strcmp(argv[i], "--renderer") == 0 && has_value)
            driver = argv[++i];
        else if (std::strcmp(argv[i], "--window") == 0)
            window = true;
        else if (std::strcmp(argv[i], "--frames-only") == 0)
            quick = true;
        else if (std::strcmp(argv[i], "--blend-compare") == 0)
            compare = true;
        else {
            std::fprintf(stderr,
                         "usage: kiosk_bench [--slides DIR] [--window] [--renderer software|opengl] [--frames-only] "
                         "[--blend-compare]\n");
            return 2;
        }
    }
    if (driver != "software") window = true;  // an accelerated renderer needs a window
    SdlSession sdl(window);
    if (!sdl.ok()) {
        std::fprintf(stderr, "kiosk_bench: %s\n", sdl.error().c_str());
        return 1;
    }
    const KioskConfig config;
    DeckLoadOptions options;
    options.config = &config;
    std::shared_ptr<const Deck> deck;
    const double load = median_ms(quick ? 1 : 5, [&] {
        // A fresh decoder each time: one that has seen the pictures shares them instead of decoding.
        options.decode_picture = picture_decoder_for_screen(1920, 1080);
        deck = std::make_shared<Deck>(load_deck(slides, options));
    });
    if (deck->slides.size() < 2) {
        std::fprintf(stderr, "kiosk_bench: need at least two slides in %s\n", slides.c_str());
        return 1;
    }
    std::string error;
    auto fonts = FontSet::open(config.theme.font_family, &error);
    if (!fonts) {
        std::fprintf(stderr, "kiosk_bench: %s\n", error.c_str());
        return 1;
    }
    if (compare) return blend_compare(*deck, *fonts, config);
    if (!quick) {
        std::size_t picture_bytes = 0;
        for (const auto& sl : deck->slides) {
            if (sl->image && sl->image->pixels) picture_bytes += sl->image->pixels->rgba.size();
        }
        std::printf("deck pictures decoded at their 1920x1080 size: %.1f MB held by the deck\n",
                    static_cast<double>(picture_bytes) / 1048576.0);
        std::printf("deck load (%zu slides, pictures decoded): %8.2f ms   (target < 1000 ms: reload within 1 s)\n",
                    deck->slides.size(), load);
        // What a staff edit costs: the pictures that did not change are shared, not decoded again.
        const double reload = median_ms(5, [&] {
            options.decode_picture = picture_decoder_for_screen(1920, 1080, deck);
            options.previous = deck.get();
            const auto next = std::make_shared<Deck>(load_deck(slides, options));
            options.previous = nullptr;
        });
        std::printf("deck reload, pictures unchanged:          %8.2f ms   (target < 1000 ms)\n", reload);
        // The worst a slide file can ask for (found by fuzzing): a title of 20 000 words.
        std::string title;
        for (int i = 0; i < 20000; ++i) title += i ? " massage" : "massage";
        const auto r = compute_regions(1920, 1080, SlideLayoutKind::TextOnly, false);
        bool fits = true;
        const double huge =
            median_ms(3, [&] { fits = layout_text(title, {}, r.text, preferred_text_sizes(1920, 1080), *fonts).fits; });
        std::printf("text layout of a 20 000-word title at 1920x1080: %8.2f ms, fits=%s   (target < 100 ms)\n", huge,
                    fits ? "yes" : "no");
    }
    const LocalTime now = to_local(std::chrono::system_clock::now());
    for (const auto& [w, h] : sizes) {
        std::string name = "?";
        Target target = make_target(driver, window, w, h, &name);
        if (!target.renderer) {
            std::printf("%s %dx%d: no renderer: %s\n", driver.c_str(), w, h, SDL_GetError());
            continue;
        }
        SDL_Renderer* renderer = target.renderer.get();
        auto present = [&] {
            if (window) SDL_RenderPresent(renderer);
        };
        // A fresh painter per size, so caches from another size do not count.
        auto painter = std::make_unique<SlideRenderer>(renderer, *fonts, config);
        PlayerFrame still;
        still.current = deck->slides[0];
        still.count = static_cast<int>(deck->slides.size());
        // First paint: a slide never drawn before (layout, picture texture, text, read-back).
        const double first = time_ms([&] { painter->prepare(*deck->slides[0], w, h); });
        painter->draw_frame(still, now, w, h);
        present();
        std::vector<double> statics;
        // llvmpipe is slow (up to ~0.3 s a 4K frame): fewer frames there keep the run bounded.
        const bool slow = !painter->cpu_frames();
        for (int i = 0; i < (slow ? 10 : 30); ++i)
            statics.push_back(time_ms([&] {
                painter->draw_frame(still, now, w, h);
                present();
            }));
        // The next slide is prepared while the current one is static, as the kiosk does.
        const double prep = time_ms([&] { painter->prepare(*deck->slides[1], w, h); });
        PlayerFrame fade = still;
        fade.incoming = deck->slides[1];
        std::vector<double> fades;
        const int steps = slow ? 16 : 48;  // a 0.8 s fade at 60 frames a second, every weight distinct
        for (int f = 1; f < steps; ++f) {
            fade.fade = static_cast<float>(f) / static_cast<float>(steps);
            fades.push_back(time_ms([&] {
                painter->draw_frame(fade, now, w, h);
                present();
            }));
        }
        // A fade in real time, as fast as it goes: how many frames 0.8 s gets.
        int real_frames = 0;
        const auto start = Steady::now();
        for (;;) {
            const double elapsed = std::chrono::duration<double>(Steady::now() - start).count();
            if (elapsed >= 0.8) break;
            fade.fade = static_cast<float>(elapsed / 0.8);
            painter->draw_frame(fade, now, w, h);
            present();
            ++real_frames;
        }
        // The kiosk's fade frame with the touch button over it (ImGui), drawn whole and drawn in
        // parts as the kiosk draws it on the software renderer in a window (screen_updates.h).
        Spread whole, parts;
        if (window && painter->cpu_frames()) {
            UiLayer ui(renderer, config, *fonts, w, h);
            ScreenUpdates updates(target.window.get(), renderer);
            const Rect button = compute_regions(w, h, SlideLayoutKind::TextOnly, false).button;
            const PointerInput nobody;
            for (const bool in_parts : {false, true}) {
                std::vector<double> t;
                for (int f = 0; f < steps; ++f) {
                    fade.fade = static_cast<float>(f) / static_cast<float>(steps);
                    const double ms = time_ms([&] {
                        ui.begin_frame(1.0F / 60.0F, nobody);
                        (void)ui.touch_button(button);
                        ui.finish_frame();
                        if (!in_parts) updates.forget();
                        const FramePlan plan = updates.plan(*painter, ui, fade, now, w, h, true);
                        painter->draw_frame(fade, now, w, h, plan);
                        ui.render(plan.full ? nullptr : &plan.drawn);
                        updates.present(plan);
                    });
                    if (f >= 2) t.push_back(ms);  // ImGui's first frames lay its windows out
                }
                (in_parts ? parts : whole) = spread(t);
            }
        }
        const Spread s = spread(statics), c = spread(fades);
        const bool hd = w * h <= 1920 * 1080;
        std::printf(
            "%-8s %4dx%-4d first paint %6.1f ms (next slide %6.1f, before its fade) | static p50 %5.2f p99 %5.2f "
            "max %5.2f ms | crossfade p50 %5.2f p99 %5.2f max %5.2f ms (target p99 <= %s ms) | %3d frames in a "
            "0.8 s fade | late paints %llu | RSS %ld MB PSS %ld MB\n",
            name.c_str(), w, h, first, prep, s.p50, s.p99, s.max, c.p50, c.p99, c.max, hd ? "8" : "33", real_frames,
            static_cast<unsigned long long>(painter->late_paints()), rollup_kb("Rss") / 1024, rollup_kb("Pss") / 1024);
        if (whole.p50 > 0) {
            std::printf("%-8s %4dx%-4d crossfade with the touch button: drawn whole p50 %5.2f p99 %5.2f ms | drawn in "
                        "parts (only what changed) p50 %5.2f p99 %5.2f ms\n",
                        name.c_str(), w, h, whole.p50, whole.p99, parts.p50, parts.p99);
        }
        std::fflush(stdout);
    }
    std::printf("%s: peak memory %ld MB over all sizes (each size's own figure is above)\n", driver.c_str(),
                peak_rss_mb());
    return 0;
}
