#include "x11_window_manager.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <memory>

namespace kiosk {

namespace {

// The window a window's _NET_SUPPORTING_WM_CHECK names, or None.
Window check_window(Display* d, Window on, Atom check) {
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    Window named = None;
    if (XGetWindowProperty(d, on, check, 0, 1, False, XA_WINDOW, &type, &format, &count, &after, &data) == Success &&
        type == XA_WINDOW && format == 32 && count == 1 && data != nullptr) {
        named = static_cast<Window>(*reinterpret_cast<unsigned long*>(data));  // format 32 is a long
    }
    if (data) XFree(data);
    return named;
}

int ignore_errors(Display*, XErrorEvent*) { return 0; }  // a stale check window is not fatal

}  // namespace

bool x11_has_window_manager() {
    const std::unique_ptr<Display, int (*)(Display*)> d(XOpenDisplay(nullptr), XCloseDisplay);
    if (!d) return false;
    // Only an atom that exists can be set on a window: no atom, no window manager (and none made).
    const Atom check = XInternAtom(d.get(), "_NET_SUPPORTING_WM_CHECK", True);
    if (check == None) return false;
    const Window wm = check_window(d.get(), DefaultRootWindow(d.get()), check);
    if (wm == None) return false;
    // EWMH: the child window names itself too; a window manager that died leaves the root's property
    // naming a window that is gone (an X error, ignored here) or no longer names itself.
    XSync(d.get(), False);
    const auto previous = XSetErrorHandler(ignore_errors);
    const bool alive = check_window(d.get(), wm, check) == wm;
    XSync(d.get(), False);
    XSetErrorHandler(previous);
    return alive;
}

}  // namespace kiosk
