// The kiosk under the real cage compositor, as on the box (kiosk.service), but with wlroots'
// headless backend and pixman renderer instead of a screen and GPU. cage refuses to run as root,
// so a root test runs it as `nobody`. Checked: the kiosk starts, loads the slides, says which SDL
// video driver it got and sends READY=1; grim captures the output (see the note in the test:
// not every run gets pixels); and a compositor that dies
// ends the kiosk with exit code 1 through both SDL drivers (x11 via Xwayland, native wayland).
#include "app/x_session.h"
#include "service/notify_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

const std::vector<Tool> kCageTools = {{"cage", "cage"},
                                      {"Xwayland", "xwayland"},
                                      {"grim", "grim"},
                                      {"setpriv", "util-linux"},
                                      {"convert", "imagemagick"}};

fs::path shots_dir() {
    const fs::path dir = fs::path(KIOSK_SERVICE_SHOTS_DIR);
    fs::create_directories(dir);
    return dir;
}

// As root: the same command as user nobody, with no supplementary groups.
std::vector<std::string> as_test_user(std::vector<std::string> argv) {
    if (getuid() != 0) return argv;
    std::vector<std::string> wrapped{"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
    wrapped.insert(wrapped.end(), argv.begin(), argv.end());
    return wrapped;
}

void give_to_test_user(const fs::path& p, mode_t mode) {
    if (getuid() == 0) {
        ASSERT_EQ(chown(p.c_str(), 65534, 65534), 0) << p;
    }
    ASSERT_EQ(chmod(p.c_str(), mode), 0) << p;
}

int read_int(const fs::path& file) {
    std::ifstream in(file);
    int value = -1;
    in >> value;
    return value;
}

// cage on the headless backend with the kiosk as its one client (through sh, which records the
// kiosk's PID and exit code: cage's own exit code says nothing about its client's).
struct CageKiosk {
    TempDir dir{"kiosk-cage"};
    fs::path runtime = dir.path() / "runtime";
    fs::path state = dir.path() / "state";
    fs::path log = dir.path() / "cage.log";
    fs::path kiosk_pid_file = dir.path() / "state" / "kiosk.pid";
    fs::path kiosk_rc_file = dir.path() / "state" / "kiosk.rc";
    std::unique_ptr<NotifyListener> notify;
    ChildProcess cage;

    // `slides` empty: the bundled deck.
    void start(const std::string& sdl_driver, const fs::path& slides = {}) {
        // The temp dir is root's 0700 by default; nobody needs to reach the runtime dir and socket.
        ASSERT_EQ(chmod(dir.path().c_str(), 0755), 0);
        fs::create_directories(runtime);
        give_to_test_user(runtime, 0700);  // XDG_RUNTIME_DIR must be private to its user
        fs::create_directories(state);
        give_to_test_user(state, 0755);
        notify = std::make_unique<NotifyListener>(dir.path() / "notify.sock", /*world_writable=*/true);
        ASSERT_TRUE(notify->ok()) << notify->error();
        const fs::path config = dir.write(
            "kiosk.toml", "[kiosk]\nstate_dir = \"" + state.string() + "\"\n[clinic]\nphone = \"+1 555 010 0142\"\n" +
                              "[staff]\nstats_file = \"" + (state / "usage.log").string() + "\"\n" +
                              "[player]\nmin_slide_seconds = 1\ntransition_seconds = 1.2\n");
        chmod(config.c_str(), 0644);
        std::vector<std::string> env{"env",
                                     "-i",
                                     "PATH=/usr/bin:/bin",
                                     "HOME=" + state.string(),
                                     "XDG_RUNTIME_DIR=" + runtime.string(),
                                     "WLR_BACKENDS=headless",
                                     "WLR_RENDERER=pixman",
                                     "WLR_LIBINPUT_NO_DEVICES=1",
                                     "NOTIFY_SOCKET=" + notify->path().string()};
        if (!sdl_driver.empty()) env.push_back("SDL_VIDEODRIVER=" + sdl_driver);
        std::vector<std::string> argv = env;
        const std::string script =
            "\"$0\" run --config \"$1\" --slides \"$2\" & echo $! > \"$3\"; wait $!; echo $? > \"$4\"";
        for (const std::string& a :
             {std::string("cage"), std::string("--"), std::string("sh"), std::string("-c"), script,
              kiosk_binary().string(), config.string(), slides.empty() ? bundled_slides().string() : slides.string(),
              kiosk_pid_file.string(), kiosk_rc_file.string()})
            argv.push_back(a);
        cage = ChildProcess(as_test_user(argv), {}, log.string());
    }
    [[nodiscard]] std::string log_text() const { return fs::exists(log) ? read_file(log) : std::string(); }
    ~CageKiosk() {
        // A kiosk left behind by a failed assertion is stopped by its PID.
        if (fs::exists(kiosk_pid_file) && !fs::exists(kiosk_rc_file)) {
            const int pid = read_int(kiosk_pid_file);
            if (pid > 1) kill(pid, SIGKILL);
        }
    }
};

// Kills cage outright (as a crash would) and expects the kiosk to end by itself with code 1.
void expect_kiosk_ends_when_cage_dies(CageKiosk& c, const std::string& expected_line) {
    ASSERT_EQ(kill(c.cage.pid(), SIGKILL), 0);
    c.cage.wait(5s);
    const bool ended =
        wait_until([&] { return fs::exists(c.kiosk_rc_file) && fs::file_size(c.kiosk_rc_file) > 0; }, 15s);
    ASSERT_TRUE(ended) << "the kiosk kept running after its compositor died; log:\n" << c.log_text();
    EXPECT_EQ(read_int(c.kiosk_rc_file), 1) << c.log_text();
    EXPECT_NE(c.log_text().find(expected_line), std::string::npos) << c.log_text();
}

TEST(Cage, KioskStartsUnderCageThroughXwaylandAndEndsWhenCageDies) {
    ASSERT_EQ(missing_tools(kCageTools), "");
    CageKiosk c;
    // Slides that change every 2 s: see the grim note below.
    const fs::path slides = c.dir.path() / "slides";
    for (const char* name : {"010-a", "020-b", "030-c"})
        c.dir.write("slides/" + std::string(name) + ".md",
                    std::string("+++\nlayout = \"text-only\"\nduration = 2\n+++\n# Slide ") + name +
                        "\n\nOur team is here to help you move again.\n");
    c.start("", slides);  // SDL's own choice of driver, as kiosk.service runs it
    ASSERT_TRUE(c.notify->wait_for("READY=1", 90s)) << "no READY=1 under cage; log:\n" << c.log_text();
    const std::string log = c.log_text();
    EXPECT_NE(log.find("3 slides from " + slides.string()), std::string::npos) << log;
    // SDL 2.26 prefers x11 when cage exports DISPLAY for its Xwayland: what kiosk.service gets.
    EXPECT_NE(log.find("kiosk: SDL video driver x11"), std::string::npos) << log;

    // grim through wlroots' screencopy. With wlroots 0.15's headless backend (cage logs "Basic
    // output test failed for HEADLESS-1" at every capture) the result varies from run to run on
    // these machines: in some runs grim gets the kiosk's whole frame within a second or two, in
    // others every capture is all black for as long as cage runs. So the capture is tried and
    // kept, a whole frame is checked for the slide's text, and a black one is reported, not
    // failed: READY=1 above is the proof that the kiosk is on screen.
    const fs::path shot = c.state / "grim.png";
    int black = 0;
    bool whole = false;
    for (int attempt = 0; attempt < 12 && !whole; ++attempt) {
        const auto grim = run_command(as_test_user({"env", "XDG_RUNTIME_DIR=" + c.runtime.string(),
                                                    "WAYLAND_DISPLAY=wayland-0", "grim", shot.string()}),
                                      {}, 30s);
        ASSERT_EQ(grim.exit_code, 0) << grim.output;
        ASSERT_EQ(run_command({"convert", shot.string(), "-format", "%wx%h", "info:"}, {}, 20s).output, "1280x720")
            << "grim did not capture cage's headless output";
        // A whole frame: the kiosk's background in the corner and the slide's many colours.
        whole = pixel_colour(shot, 2, 2) == "#FAF7F2" && colour_count(shot) > 100;
        if (!whole) {
            ++black;
            std::this_thread::sleep_for(400ms);
        }
    }
    fs::copy_file(shot, shots_dir() / "cage-grim.png", fs::copy_options::overwrite_existing);
    if (whole) {
        std::cout << "grim: a whole kiosk frame after " << black << " black capture(s)\n";
        EXPECT_NE(ocr(shot).find("Our team is here to help"), std::string::npos)
            << "the slide's text is not in grim's capture: " << shots_dir() / "cage-grim.png";
    } else {
        std::cout << "grim: " << black << " captures, all black (wlroots 0.15 headless rendered no frame)\n";
    }

    expect_kiosk_ends_when_cage_dies(c, "kiosk: the X display :");
}

TEST(Cage, NativeWaylandKioskEndsWhenTheCompositorDies) {
    ASSERT_EQ(missing_tools(kCageTools), "");
    CageKiosk c;
    c.start("wayland");
    ASSERT_TRUE(c.notify->wait_for("READY=1", 90s)) << "no READY=1 under cage; log:\n" << c.log_text();
    EXPECT_NE(c.log_text().find("kiosk: SDL video driver wayland"), std::string::npos) << c.log_text();
    expect_kiosk_ends_when_cage_dies(c, "kiosk: the Wayland compositor (wayland-0) went away");
}

}  // namespace
