#include "renderer_choice.h"

#include <SDL.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace kiosk {

namespace {

std::string renderer_name(SDL_Renderer* r) {
    SDL_RendererInfo info{};
    return SDL_GetRendererInfo(r, &info) == 0 && info.name ? info.name : "?";
}

bool has_gpu_device() {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/dev/dri", ec)) {
        const std::string n = e.path().filename().string();
        if (n.rfind("card", 0) == 0 || n.rfind("renderD", 0) == 0) return true;
    }
    return false;
}

sdl::Renderer make(SDL_Window* window, const char* driver, Uint32 flags) {
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, driver);
    return sdl::Renderer(SDL_CreateRenderer(window, -1, flags | SDL_RENDERER_TARGETTEXTURE));
}

// What is wrong with an accelerated renderer ("" when it is fit to use).
std::string gpu_problem(SDL_Renderer* r) {
    const std::string gl = gl_renderer_name();
    if (is_cpu_rasteriser(gl)) return "GL_RENDERER " + gl + " is the CPU, slower than the software path";
    std::string why;
    if (!renderer_draws(r, &why)) return "its test frame read back wrong: " + why;
    return {};
}

}  // namespace

std::string gl_renderer_name() {
    void* proc = SDL_GL_GetProcAddress("glGetString");
    if (!proc || !SDL_GL_GetCurrentContext()) return {};
    using GetString = const unsigned char* (*)(unsigned int);
    GetString get_string = nullptr;
    std::memcpy(&get_string, &proc, sizeof get_string);  // an object pointer to a function pointer
    const unsigned char* s = get_string(0x1F01);         // GL_RENDERER
    return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
}

bool is_cpu_rasteriser(std::string_view gl) {
    for (std::string_view soft : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"}) {
        if (gl.find(soft) != std::string_view::npos) return true;
    }
    return false;
}

bool renderer_draws(SDL_Renderer* r, std::string* why) {
    sdl::Texture t(SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 16, 16));
    if (!t) {
        *why = std::string("no render target: ") + SDL_GetError();
        return false;
    }
    SDL_Texture* previous = SDL_GetRenderTarget(r);
    SDL_SetRenderTarget(r, t.get());
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, 10, 20, 200, 255);
    SDL_RenderClear(r);
    SDL_SetRenderDrawColor(r, 200, 30, 10, 255);
    const SDL_Rect left{0, 0, 8, 16};
    SDL_RenderFillRect(r, &left);
    Uint32 px[16 * 16] = {};
    const int read = SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, px, 16 * 4);
    SDL_SetRenderTarget(r, previous);
    if (read != 0) {
        *why = std::string("cannot read pixels: ") + SDL_GetError();
        return false;
    }
    auto near = [](Uint32 p, int cr, int cg, int cb) {
        const int pr = static_cast<int>((p >> 16) & 0xff), pg = static_cast<int>((p >> 8) & 0xff),
                  pb = static_cast<int>(p & 0xff);
        return std::abs(pr - cr) <= 3 && std::abs(pg - cg) <= 3 && std::abs(pb - cb) <= 3;
    };
    if (!near(px[8 * 16 + 2], 200, 30, 10) || !near(px[8 * 16 + 13], 10, 20, 200)) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "read #%06x and #%06x, drew #c81e0a and #0a14c8",
                      static_cast<unsigned>(px[8 * 16 + 2] & 0xffffff),
                      static_cast<unsigned>(px[8 * 16 + 13] & 0xffffff));
        *why = buf;
        return false;
    }
    return true;
}

RendererChoice create_kiosk_renderer(SDL_Window* window) {
    RendererChoice c;
    if (const char* forced = std::getenv("SDL_RENDER_DRIVER"); forced && *forced) {
        c.renderer = make(window, forced, 0);
        if (!c.renderer) {
            c.log_line = std::string("kiosk: cannot create the renderer forced by SDL_RENDER_DRIVER=") + forced + ": " +
                         SDL_GetError();
            return c;
        }
        const std::string name = renderer_name(c.renderer.get());
        std::string why;
        const std::string gl = gl_renderer_name();
        const bool draws = renderer_draws(c.renderer.get(), &why);
        c.log_line = "kiosk: renderer " + name + (gl.empty() ? "" : " (GL_RENDERER " + gl + ")") +
                     ", forced by SDL_RENDER_DRIVER; " +
                     (draws ? "its test frame reads back right" : "WARNING: " + why);
        return c;
    }
    std::string reason = "no GPU device in /dev/dri";
    if (has_gpu_device()) {
        reason.clear();
        for (const char* driver : {"opengles2", "opengl"}) {
            sdl::Renderer r = make(window, driver, SDL_RENDERER_ACCELERATED);
            if (!r) {
                reason += std::string(reason.empty() ? "" : "; ") + driver + ": " + SDL_GetError();
                continue;
            }
            const std::string problem = gpu_problem(r.get());
            if (problem.empty()) {
                c.log_line = "kiosk: renderer " + renderer_name(r.get()) + " (GL_RENDERER " + gl_renderer_name() +
                             "): a GPU; its test frame reads back right";
                c.renderer = std::move(r);
                return c;
            }
            reason += std::string(reason.empty() ? "" : "; ") + driver + ": " + problem;
        }
    }
    c.renderer = make(window, "software", 0);
    if (!c.renderer) {
        c.log_line = std::string("kiosk: cannot create a renderer: ") + SDL_GetError();
        return c;
    }
    // SDL falls back to another driver when the software one cannot start (Wayland in SDL 2.26 has
    // no window framebuffer for it while SDL_FRAMEBUFFER_ACCELERATION=0): say which it really is.
    const std::string name = renderer_name(c.renderer.get());
    c.log_line = "kiosk: renderer " + name + " (" + reason +
                 (name == "software" ? ")" : "; the software renderer could not start: SDL chose this one)");
    return c;
}

}  // namespace kiosk
