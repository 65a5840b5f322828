// The X server killed under a running kiosk: the kiosk ends by itself within seconds with exit
// code 1 (so systemd restarts it) and one log line that says what happened, rather than Xlib's
// "X connection to :0 broken" or a process that spins or hangs.
#include "app/x_session.h"
#include "service/notify_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

// The Xvfb's PID, from the lock file every X server writes for its display.
int x_server_pid(const XSession& x) {
    std::ifstream lock("/tmp/.X" + x.display().substr(1) + "-lock");
    int pid = -1;
    lock >> pid;
    return pid;
}

TEST(DisplayLoss, XServerKilledEndsTheKioskWithExitCodeOneAndAClearLine) {
    TempDir dir("kiosk-xloss");
    XSession x(1280, 720);
    ASSERT_TRUE(x.ok()) << x.error();
    NotifyListener notify(dir.path() / "notify.sock");
    ASSERT_TRUE(notify.ok()) << notify.error();
    const fs::path log = dir.path() / "kiosk.log";
    fs::create_directories(dir.path() / "state");
    const fs::path config = dir.write("kiosk.toml", "[kiosk]\nstate_dir = \"" + (dir.path() / "state").string() +
                                                        "\"\n[staff]\nstats_file = \"" +
                                                        (dir.path() / "state/usage.log").string() + "\"\n");
    ChildProcess kiosk(
        {kiosk_binary().string(), "run", "--config", config.string(), "--slides", bundled_slides().string()},
        {{"DISPLAY", x.display()}, {"NOTIFY_SOCKET", notify.path().string()}}, log.string());
    ASSERT_TRUE(notify.wait_for("READY=1", 60s)) << "kiosk not on screen; log:\n" << read_file(log);

    const int xvfb = x_server_pid(x);
    ASSERT_GT(xvfb, 1);
    ASSERT_EQ(kill(xvfb, SIGKILL), 0);

    const auto killed_at = std::chrono::steady_clock::now();
    const int code = kiosk.wait(10s);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed_at).count();
    const std::string text = read_file(log);
    EXPECT_EQ(code, 1) << "the kiosk must end with exit code 1 (-1: still running or killed by a signal)\n" << text;
    EXPECT_LT(seconds, 10.0);
    EXPECT_NE(text.find("kiosk: the X display " + x.display() + " went away"), std::string::npos) << text;
    EXPECT_EQ(text.find("X connection to"), std::string::npos) << "Xlib's own message still printed:\n" << text;
}

}  // namespace
