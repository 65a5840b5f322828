// Whether an X11 display has a window manager (EWMH's _NET_SUPPORTING_WM_CHECK). SDL's X11
// fullscreen asks the window manager for it and then waits up to 100 ms for an answer that never
// comes when there is none (a bare X server, Xvfb): a tenth of the kiosk's start-up budget. With
// no window manager a borderless window of the screen's size at 0,0 is already the whole screen.
#pragma once

namespace kiosk {

// True when the X display in $DISPLAY has a running EWMH window manager. Opens (and closes) a
// connection of its own; false when there is no X display to ask.
[[nodiscard]] bool x11_has_window_manager();

}  // namespace kiosk
