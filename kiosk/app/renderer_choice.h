// Which SDL renderer draws the kiosk, decided once at start and said in ONE log line. A GPU
// (OpenGL ES 2 on a Raspberry Pi, OpenGL on a PC) is tried when the box has one (/dev/dri), and
// kept only when it is a real GPU (Mesa's llvmpipe/softpipe are the CPU pretending: measured 5–10×
// slower than our software path) and it really draws (a known test frame is read back once).
// Otherwise the software renderer, which presents without OpenGL (SDL_FRAMEBUFFER_ACCELERATION=0,
// set by SdlSession). SDL_RENDER_DRIVER forces a driver (still checked, and the check logged).
#pragma once

#include "sdl_ptrs.h"

#include <string>
#include <string_view>

namespace kiosk {

struct RendererChoice {
    sdl::Renderer renderer;
    std::string log_line;  // "kiosk: renderer software (no GPU device in /dev/dri)"
};

[[nodiscard]] RendererChoice create_kiosk_renderer(SDL_Window* window);

// Draws a known two-colour frame into a small target texture and reads it back; false (and why)
// when the pixels are not what was drawn.
[[nodiscard]] bool renderer_draws(SDL_Renderer* renderer, std::string* why);
// GL_RENDERER of the current OpenGL context ("" without one).
[[nodiscard]] std::string gl_renderer_name();
// Mesa's CPU rasterisers: an "accelerated" renderer that is not.
[[nodiscard]] bool is_cpu_rasteriser(std::string_view gl_renderer);

}  // namespace kiosk
