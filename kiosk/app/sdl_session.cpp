#include "sdl_session.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <malloc.h>

namespace kiosk {

SdlSession::SdlSession(bool video) : video_(video) {
    // Full-screen buffers (8 MB at 1080p, 33 MB at 4K) come and go with every slide painted. glibc
    // raises its mmap threshold to the largest block freed, after which such buffers live in the
    // heap and their pages are never given back (measured: 68 MB of heap for a 1080p deck). A
    // fixed threshold keeps every large buffer its own mapping, returned to the system when freed;
    // two arenas stop each thread (deck loader, printer, watchers) keeping its own free memory.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
    mallopt(M_ARENA_MAX, 2);
    // The software renderer presents through OpenGL unless told not to: without a GPU that is
    // three times slower and four times the memory, for identical pixels (see NOTES.md).
    SDL_SetHint("SDL_FRAMEBUFFER_ACCELERATION", "0");
    if (SDL_Init(video ? SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER : 0) != 0) {
        error_ = SDL_GetError();
        return;
    }
    if ((IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG) & IMG_INIT_PNG) == 0) {
        error_ = IMG_GetError();
        return;
    }
    if (TTF_Init() != 0) {
        error_ = TTF_GetError();
        return;
    }
    ok_ = true;
}

SdlSession::~SdlSession() {
    if (TTF_WasInit()) TTF_Quit();
    IMG_Quit();
    SDL_Quit();
}

}  // namespace kiosk
