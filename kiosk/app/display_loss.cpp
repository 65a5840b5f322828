#include "display_loss.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ostream>

namespace kiosk {

namespace {

// SDL loads libX11 and libwayland-client itself (dlopen), so the kiosk reaches them the same way:
// no link dependency, and the very library instance SDL uses (RTLD_NOLOAD finds it, loads nothing).
void* loaded_symbol(const char* library, const char* symbol) {
    void* handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    return handle != nullptr ? dlsym(handle, symbol) : nullptr;
}

// Built before the handler can run: the handler itself only writes and exits.
char g_x_lost_message[256] = {};

extern "C" int on_x_io_error(void* /*display*/) {
    // Xlib calls this with its connection gone and its state unusable; whatever is returned, Xlib
    // exits. Nothing of the kiosk can run safely any more (destructors would talk to X): _exit.
    const ssize_t written = write(STDERR_FILENO, g_x_lost_message, std::strlen(g_x_lost_message));
    (void)written;
    _exit(kExitDisplayLost);
}

}  // namespace

void watch_display(std::ostream& log) {
    const char* driver = SDL_GetCurrentVideoDriver();
    const std::string name = driver != nullptr ? driver : "none";
    log << "kiosk: SDL video driver " << name;
    if (name == "x11" && std::getenv("DISPLAY") != nullptr) log << " (DISPLAY " << std::getenv("DISPLAY") << ")";
    if (name == "wayland" && std::getenv("WAYLAND_DISPLAY") != nullptr)
        log << " (WAYLAND_DISPLAY " << std::getenv("WAYLAND_DISPLAY") << ")";
    log << '\n';
    if (name != "x11") return;

    const char* display = std::getenv("DISPLAY");
    std::snprintf(g_x_lost_message, sizeof g_x_lost_message,
                  "kiosk: the X display %s went away (X server stopped or connection lost); exiting with code %d "
                  "so that the service manager restarts the kiosk\n",
                  display != nullptr ? display : "(unknown)", kExitDisplayLost);
    using IoErrorHandler = int (*)(void*);
    using SetIoErrorHandler = IoErrorHandler (*)(IoErrorHandler);
    void* set = loaded_symbol("libX11.so.6", "XSetIOErrorHandler");
    if (set == nullptr) {
        log << "kiosk: warning: cannot reach Xlib's XSetIOErrorHandler; a lost X display ends the kiosk with "
               "Xlib's own message\n";
        return;
    }
    reinterpret_cast<SetIoErrorHandler>(set)(on_x_io_error);
}

bool display_connection_lost(SDL_Window* window, std::string& what) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (window == nullptr || !SDL_GetWindowWMInfo(window, &info)) return false;
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
    if (info.subsystem == SDL_SYSWM_WAYLAND) {
        using GetError = int (*)(wl_display*);
        void* get_error = loaded_symbol("libwayland-client.so.0", "wl_display_get_error");
        if (get_error == nullptr || info.info.wl.display == nullptr) return false;
        const int error = reinterpret_cast<GetError>(get_error)(info.info.wl.display);
        if (error == 0) return false;
        const char* socket = std::getenv("WAYLAND_DISPLAY");
        what = std::string("the Wayland compositor (") + (socket != nullptr ? socket : "wayland-0") +
               ") went away: " + std::strerror(error);
        return true;
    }
#endif
    return false;
}

}  // namespace kiosk
