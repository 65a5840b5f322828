// Full screen on an X display with and without a window manager. With none (a bare X server,
// Xvfb) the kiosk makes a borderless screen-sized window at 0,0 itself instead of asking for
// fullscreen and waiting 100 ms for an answer nobody gives; with one (cage's Xwayland, a desktop)
// it still asks. A fake EWMH window manager here is just the two properties a real one sets.
#include "app/x11_window_manager.h"
#include "app/x_session.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

// Last: Xlib's macros (None, Bool, Status) would clash with names in the headers above.
#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

// _NET_SUPPORTING_WM_CHECK on the root window and on a child naming itself, as EWMH says.
class FakeWindowManager {
public:
    explicit FakeWindowManager(const std::string& display) : d_(XOpenDisplay(display.c_str())) {
        if (!d_) return;
        const Window root = DefaultRootWindow(d_);
        check_ = XCreateSimpleWindow(d_, root, 0, 0, 1, 1, 0, 0, 0);
        const Atom atom = XInternAtom(d_, "_NET_SUPPORTING_WM_CHECK", False);
        for (const Window on : {root, check_}) {
            XChangeProperty(d_, on, atom, XA_WINDOW, 32, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(&check_), 1);
        }
        XSync(d_, False);
    }
    ~FakeWindowManager() {
        if (d_) XCloseDisplay(d_);  // its check window goes with the connection; the root keeps the property
    }
    FakeWindowManager(const FakeWindowManager&) = delete;
    FakeWindowManager& operator=(const FakeWindowManager&) = delete;
    [[nodiscard]] bool ok() const { return d_ != nullptr; }

private:
    Display* d_;
    Window check_ = 0;
};

class ScopedDisplay {
public:
    explicit ScopedDisplay(const std::string& display) {
        if (const char* old = std::getenv("DISPLAY")) old_ = old;
        ::setenv("DISPLAY", display.c_str(), 1);
    }
    ~ScopedDisplay() {
        if (old_.empty()) ::unsetenv("DISPLAY");
        else ::setenv("DISPLAY", old_.c_str(), 1);
    }

private:
    std::string old_;
};

}  // namespace

TEST(WindowManager, FoundOnlyWhileOneRuns) {
    XSession x(640, 480);
    ASSERT_TRUE(x.ok()) << x.error();
    const ScopedDisplay on(x.display());
    EXPECT_FALSE(kiosk::x11_has_window_manager()) << "a bare Xvfb has none";
    {
        FakeWindowManager wm(x.display());
        ASSERT_TRUE(wm.ok());
        EXPECT_TRUE(kiosk::x11_has_window_manager());
    }
    EXPECT_FALSE(kiosk::x11_has_window_manager())
        << "the root still names the check window of a window manager that is gone: not a window manager";
    ::setenv("DISPLAY", ":1999", 1);
    EXPECT_FALSE(kiosk::x11_has_window_manager()) << "no X display to ask";
}

// The real kiosk on a bare display covers it, from 0,0, at once; with a window manager it asks
// for fullscreen instead (and says nothing about covering the screen itself).
TEST(WindowManager, TheKioskCoversABareScreenAndAsksAWindowManager) {
    TempDir dir("kiosk-wm");
    fs::create_directories(dir.path() / "slides");
    dir.write("slides/010-welcome.md", "# Welcome\n\nOur team is here to help.\n");
    const fs::path config = dir.write("kiosk.toml", state_dir_toml(dir.path()) + "[staff]\nstats_file = \"" +
                                                        (dir.path() / "usage.log").string() + "\"\n");
    const std::vector<std::string> args{"--config", config.string(), "--slides", (dir.path() / "slides").string()};
    {
        XSession x(1024, 768);
        ASSERT_TRUE(x.ok()) << x.error();
        KioskRun kiosk(x, args, dir.path() / "bare.log");
        ASSERT_TRUE(wait_for_kiosk_on_screen(x, dir.path() / "bare.png", 20s)) << kiosk.log();
        EXPECT_NE(kiosk.log().find("no window manager on this X display: a borderless 1024x768 window at 0,0"),
                  std::string::npos)
            << kiosk.log();
        const CommandResult geometry = x.xdotool({"search", "--class", "kiosk", "getwindowgeometry"});
        EXPECT_NE(geometry.output.find("Position: 0,0"), std::string::npos) << geometry.output;
        EXPECT_NE(geometry.output.find("Geometry: 1024x768"), std::string::npos) << geometry.output;
    }
    {
        XSession x(1024, 768);
        ASSERT_TRUE(x.ok()) << x.error();
        FakeWindowManager wm(x.display());
        ASSERT_TRUE(wm.ok());
        KioskRun kiosk(x, args, dir.path() / "wm.log");
        ASSERT_TRUE(wait_for_kiosk_on_screen(x, dir.path() / "wm.png", 20s)) << kiosk.log();
        EXPECT_EQ(kiosk.log().find("no window manager"), std::string::npos) << kiosk.log();
    }
}
