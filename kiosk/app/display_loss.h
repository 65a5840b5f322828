// What the kiosk does when its display server goes away (X server stopped, compositor crashed):
// end with one clear log line and a non-zero exit code so systemd brings it back, rather than
// Xlib's cryptic exit or an invisible loop that never ends.
#pragma once

#include <iosfwd>
#include <string>

struct SDL_Window;

namespace kiosk {

// Exit code of a kiosk whose display went away (a failure: the service manager restarts it).
inline constexpr int kExitDisplayLost = 1;

// Once SDL's video is up: logs which video driver SDL chose, and on X11 replaces Xlib's default
// I/O error handler (which prints "X connection to :0 broken" and calls exit(1) from wherever it
// happens to be) by one that says what happened and ends the process at once.
void watch_display(std::ostream& log);

// True when the window's display connection is dead; `what` then says which one. SDL's Wayland
// driver reports a lost compositor only as SDL_QUIT, which the kiosk otherwise ignores.
[[nodiscard]] bool display_connection_lost(SDL_Window* window, std::string& what);

}  // namespace kiosk
