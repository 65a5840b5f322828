// The real kiosk under Xvfb crossfading between two bundled slides, its screen captured with
// `import` as fast as it goes: every captured frame is a whole blend of the two slides for one
// fade position (estimated per horizontal band: a half-painted frame has bands at different
// positions), never blank, and the fade shows frames between the ends.
#include "app/x_session.h"
#include "support/temp_dir.h"

#include <SDL.h>
#include <SDL_image.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1280, kH = 720;

struct Frame {
    std::vector<std::uint8_t> rgb;  // kW*kH*3
};

bool load(const fs::path& file, Frame* out) {
    SDL_Surface* s = IMG_Load(file.c_str());
    if (!s) return false;
    SDL_Surface* c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(s);
    if (!c || c->w != kW || c->h != kH) {
        if (c) SDL_FreeSurface(c);
        return false;
    }
    out->rgb.resize(static_cast<std::size_t>(kW) * kH * 3);
    for (int y = 0; y < kH; ++y) {
        std::memcpy(out->rgb.data() + static_cast<std::size_t>(y) * kW * 3,
                    static_cast<const std::uint8_t*>(c->pixels) + static_cast<std::ptrdiff_t>(y) * c->pitch, kW * 3);
    }
    SDL_FreeSurface(c);
    return true;
}

long differing(const Frame& a, const Frame& b) {
    long n = 0;
    for (std::size_t i = 0; i < a.rgb.size(); i += 3) {
        n += a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2];
    }
    return n;
}

// Fade position per band (rows above the footer, where the clock and dots may change), by least
// squares over the pixels where the two slides differ clearly; and the worst residual.
struct Fit {
    std::vector<double> t;
    double residual = 0;
};

Fit fit(const Frame& f, const Frame& a, const Frame& b, int bands, int rows) {
    Fit out;
    for (int band = 0; band < bands; ++band) {
        double num = 0, den = 0;
        const int y0 = rows * band / bands, y1 = rows * (band + 1) / bands;
        for (int y = y0; y < y1; ++y) {
            for (int x = 0; x < kW; ++x) {
                const std::size_t i = (static_cast<std::size_t>(y) * kW + x) * 3;
                for (int c = 0; c < 3; ++c) {
                    const double d = double(b.rgb[i + c]) - a.rgb[i + c];
                    if (std::abs(d) < 40) continue;
                    num += (double(f.rgb[i + c]) - a.rgb[i + c]) * d;
                    den += d * d;
                }
            }
        }
        out.t.push_back(den > 0 ? num / den : std::nan(""));
        if (den <= 0) continue;
        const double t = num / den;
        double err = 0;
        long n = 0;
        for (int y = y0; y < y1; ++y) {
            for (int x = 0; x < kW; ++x) {
                const std::size_t i = (static_cast<std::size_t>(y) * kW + x) * 3;
                for (int c = 0; c < 3; ++c) {
                    const double model = a.rgb[i + c] + (double(b.rgb[i + c]) - a.rgb[i + c]) * t;
                    err += std::abs(f.rgb[i + c] - model);
                    ++n;
                }
            }
        }
        out.residual = std::max(out.residual, err / static_cast<double>(n));
    }
    return out;
}

TEST(CrossfadeE2E, FramesCapturedDuringARealFadeAreWholeBlendsNeverBlankOrHalfPainted) {
    TempDir dir("kiosk-fade");
    const fs::path slides = dir.path() / "slides";
    fs::create_directories(slides / "art");
    for (const char* md : {"010-back-pain.md", "020-massage.md"}) fs::copy_file(bundled_slides() / md, slides / md);
    for (const auto& e : fs::directory_iterator(bundled_slides() / "art"))
        fs::copy_file(e.path(), slides / "art" / e.path().filename());
    // A long fade so a screenshot every ~0.2 s lands inside it several times.
    const fs::path config = dir.write("kiosk.toml",
                                      "[player]\ntransition_seconds = 4\nmin_slide_seconds = 3\n"
                                      "max_slide_seconds = 3\n[kiosk]\nstate_dir = \"" +
                                          (dir.path() / "state").string() + "\"\n[staff]\nstats_file = \"" +
                                          (dir.path() / "usage.log").string() + "\"\n");
    XSession x(kW, kH);
    ASSERT_TRUE(x.ok()) << x.error();
    KioskRun kiosk(x, {"--config", config.string(), "--slides", slides.string()}, dir.path() / "kiosk.log");
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, dir.path() / "first.png", 20s)) << kiosk.log();
    ASSERT_EQ(SDL_Init(0), 0);

    // Capture from slide A through the fade until the screen holds still on slide B.
    std::vector<Frame> frames;
    const auto deadline = std::chrono::steady_clock::now() + 25s;
    int still = 0;
    bool moved = false;
    while (std::chrono::steady_clock::now() < deadline) {
        const fs::path shot = dir.path() / ("f" + std::to_string(frames.size()) + ".bmp");
        Frame f;
        ASSERT_TRUE(x.screenshot(shot) && load(shot, &f)) << "cannot capture the screen";
        fs::remove(shot);
        if (!frames.empty()) {
            const long d = differing(f, frames.back());
            if (d > kW * kH / 50) moved = true;
            still = d < kW * kH / 200 ? still + 1 : 0;
        }
        frames.push_back(std::move(f));
        if (moved && still >= 2) break;
    }
    ASSERT_TRUE(moved && still >= 2) << "no fade that came to rest within 25 s (" << frames.size() << " frames)\n"
                                     << kiosk.log();
    const Frame& a = frames.front();
    const Frame& b = frames.back();
    ASSERT_GT(differing(a, b), kW * kH / 20) << "the two slides look the same";
    const int rows = kH * 85 / 100;  // above the footer
    int between = 0;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Fit r = fit(frames[i], a, b, 6, rows);
        double lo = 2, hi = -2;
        for (double t : r.t) {
            if (std::isnan(t)) continue;
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
        ASSERT_LE(lo, hi) << "frame " << i << ": no band where the slides differ";
        EXPECT_GE(lo, -0.03) << "frame " << i;
        EXPECT_LE(hi, 1.03) << "frame " << i;
        EXPECT_LE(hi - lo, 0.06) << "frame " << i << " is half-painted: bands at fade positions " << lo << ".." << hi;
        EXPECT_LE(r.residual, 4.0) << "frame " << i << " is not a blend of the two slides (blank or garbled)";
        if (lo > 0.05 && hi < 0.95) ++between;
    }
    std::printf("captured %zu frames, %d inside the fade\n", frames.size(), between);
    EXPECT_GE(between, 2) << "too few frames caught inside the fade (" << frames.size() << " captured)";
    SDL_Quit();
}

}  // namespace
