// Owning handles for SDL objects: each is a std::unique_ptr with a deleter struct, so a window,
// renderer, texture, surface or font is released exactly once on every path, including errors.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace kiosk::sdl {

struct WindowDeleter {
    void operator()(SDL_Window* p) const noexcept { SDL_DestroyWindow(p); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* p) const noexcept { SDL_DestroyRenderer(p); }
};
struct TextureDeleter {
    void operator()(SDL_Texture* p) const noexcept { SDL_DestroyTexture(p); }
};
struct SurfaceDeleter {
    void operator()(SDL_Surface* p) const noexcept { SDL_FreeSurface(p); }
};
struct FontDeleter {
    void operator()(TTF_Font* p) const noexcept { TTF_CloseFont(p); }
};

using Window = std::unique_ptr<SDL_Window, WindowDeleter>;
using Renderer = std::unique_ptr<SDL_Renderer, RendererDeleter>;
using Texture = std::unique_ptr<SDL_Texture, TextureDeleter>;
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;
using Font = std::unique_ptr<TTF_Font, FontDeleter>;

}  // namespace kiosk::sdl
