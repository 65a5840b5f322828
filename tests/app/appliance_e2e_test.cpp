// The appliance parts of the real `kiosk run` under a private Xvfb: the display schedule going dark
// (black screen, ~0 % CPU), a tap waking it without pressing anything, the schedule lighting it
// again; status.json read by `kiosk status`; `kiosk screenshot` matching what X shows.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/json.h"
#include "core/slide_layout.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1280, kH = 720;

// Mean brightness 0..1 of a picture (ImageMagick), -1 on error.
double brightness(const fs::path& png) {
    const CommandResult r =
        run_command({"convert", png.string(), "-colorspace", "Gray", "-format", "%[fx:mean]", "info:"});
    if (r.exit_code != 0) return -1;
    try {
        return std::stod(r.output);
    } catch (...) {
        return -1;
    }
}

// utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15).
long cpu_ticks(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(in, stat);
    const auto close = stat.rfind(')');  // the command name may hold spaces
    if (close == std::string::npos) return -1;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) stime = std::stol(field);
    }
    return utime + stime;
}

std::string hhmm(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", tm.tm_hour, tm.tm_min);
    return buf;
}

std::string still_slide(const std::string& title) {
    return "+++\nlayout = \"text-only\"\nduration = 300\n+++\n# " + title +
           "\n\nOur team is here to help you move again.\n";
}

struct Stage {
    TempDir dir{"kiosk-appliance"};
    fs::path slides = dir.path() / "slides";
    fs::path state = dir.path() / "state";
    fs::path config;
    XSession x{kW, kH};

    explicit Stage(const std::string& extra_toml = "") {
        fs::create_directories(slides);
        fs::create_directories(state);
        dir.write("slides/010-welcome.md", still_slide("Welcome to the clinic"));
        config = dir.write("kiosk.toml", "[kiosk]\nstate_dir = \"" + state.string() +
                                             "\"\n"
                                             "[clinic]\nphone = \"+1 555 010 0142\"\n"
                                             "[player]\nmin_slide_seconds = 2\nmax_slide_seconds = 600\n"
                                             "[staff]\nstats_file = \"" +
                                             (dir.path() / "usage.log").string() + "\"\n" + extra_toml);
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
    [[nodiscard]] CommandResult kiosk(const std::vector<std::string>& args) const {
        std::vector<std::string> argv{kiosk_binary().string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_command(argv, {}, 30s);
    }
};

std::optional<kiosk::json::Value> status_json(const Stage& s) {
    std::error_code ec;
    if (!fs::exists(s.state / "status.json", ec)) return std::nullopt;
    return kiosk::json::parse(read_file(s.state / "status.json"));
}

bool status_says_display_on(const Stage& s, bool on) {
    const auto v = status_json(s);
    const kiosk::json::Value* d = v ? v->get("display") : nullptr;
    const kiosk::json::Value* o = d ? d->get("on") : nullptr;
    return o && o->boolean() == on;
}

// One request over the control socket, as the staff web page will send it; the whole answer.
std::string ask(const fs::path& socket, const std::string& request) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket.c_str());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        if (fd >= 0) ::close(fd);
        return "connect failed";
    }
    (void)!::write(fd, request.data(), request.size());
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return answer;
}

// The slide status.json says is on screen.
std::string status_slide(const Stage& s) {
    const auto v = status_json(s);
    const kiosk::json::Value* slide = v ? v->get("slide") : nullptr;
    const kiosk::json::Value* file = slide ? slide->get("file") : nullptr;
    return file && file->string() ? *file->string() : std::string();
}

// The slide's own background in the top-left corner, not dimmed by the panel. A crossfade under
// way shifts it by a unit of rounding (#F9F6F1 was seen); the panel's dimming is far darker.
bool undimmed_slide(const fs::path& png) {
    const std::string c = pixel_colour(png, 2, 2);  // "#RRGGBB"
    if (c.size() != 7 || c[0] != '#') return false;
    const int background[3] = {0xFA, 0xF7, 0xF2};
    for (int i = 0; i < 3; ++i) {
        const int v = std::stoi(c.substr(1 + 2 * static_cast<size_t>(i), 2), nullptr, 16);
        if (std::abs(v - background[i]) > 4) return false;
    }
    return true;
}

}  // namespace

// The schedule's window closes at the next minute boundary and opens again one minute later.
TEST(ApplianceE2E, ScheduleGoesDarkIdlesWakesOnATapAndReopens) {
    // At least 12 s before the boundary, so the kiosk is surely up and drawing before it.
    std::time_t now = std::time(nullptr);
    if (60 - now % 60 < 12) std::this_thread::sleep_for(std::chrono::seconds(60 - now % 60 + 1));
    now = std::time(nullptr);
    const std::time_t close_at = now - now % 60 + 60;
    const std::string t1 = hhmm(close_at), t2 = hhmm(close_at + 60);
    ASSERT_NE(t1, "00:00") << "the window would start at midnight; run again in a minute";
    Stage s("[display]\nevery_day = \"00:00-" + t1 + ", " + t2 + "-24:00\"\nwake_minutes = 0.15\n");
    REQUIRE_SCREEN(s);
    // Three slides of 2 s, so "resumes where it was" can tell a paused loop from a restarted one.
    for (const char* name : {"010-welcome", "020-second", "030-third"}) {
        s.dir.write(std::string("slides/") + name + ".md",
                    "+++\nlayout = \"text-only\"\nduration = 2\n+++\n# " + std::string(name + 4) + "\n\nText.\n");
    }
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path lit = shots_dir() / "schedule-1-lit.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, lit, 15s)) << kiosk.log();
    EXPECT_GT(brightness(lit), 0.5);

    // The window closes: black within a few seconds of the boundary.
    const fs::path dark = shots_dir() / "schedule-2-dark.png";
    const auto until_close = std::chrono::seconds(close_at - std::time(nullptr));
    ASSERT_TRUE(wait_until([&] { return s.x.screenshot(dark) && brightness(dark) == 0.0; }, until_close + 10s))
        << "the screen did not turn black when the window closed at " << t1 << "\n"
        << kiosk.log();
    EXPECT_TRUE(wait_until([&] { return status_says_display_on(s, false); }, 5s)) << "status.json still says on";
    std::this_thread::sleep_for(2s);  // a crossfade under way when the window closed still finishes
    const std::string dark_slide = status_slide(s);
    ASSERT_FALSE(dark_slide.empty());
    std::this_thread::sleep_for(3s);
    EXPECT_EQ(status_slide(s), dark_slide) << "the loop must stand still while dark";

    // ~0 % CPU while dark: utime+stime over 5 s, generous bound 5 % of one core.
    const long ticks_per_s = sysconf(_SC_CLK_TCK);
    const long before = cpu_ticks(kiosk.pid());
    std::this_thread::sleep_for(5s);
    const long used = cpu_ticks(kiosk.pid()) - before;
    ASSERT_GE(before, 0);
    const double share = static_cast<double>(used) / static_cast<double>(ticks_per_s) / 5.0;
    std::cout << "[ figure ] CPU while dark: " << used << " ticks in 5 s = " << share * 100 << " % of a core\n";
    EXPECT_LT(share, 0.05) << "the dark kiosk must not keep drawing";

    // A tap on the dark screen, right where the touch button is, wakes it and presses nothing:
    // the slide comes back undimmed (the panel would dim the slide behind it).
    const kiosk::Rect b = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    ASSERT_TRUE(s.x.tap(b.x + b.w / 2, b.y + b.h / 2));
    const fs::path woken = shots_dir() / "schedule-3-woken.png";
    ASSERT_TRUE(wait_until([&] { return s.x.screenshot(woken) && undimmed_slide(woken); }, 5s))
        << "a tap did not wake the screen\n"
        << kiosk.log();
    EXPECT_TRUE(wait_until([&] { return status_says_display_on(s, true); }, 5s));
    EXPECT_EQ(status_slide(s), dark_slide) << "the loop resumes on the slide it was showing when the screen went dark";
    std::this_thread::sleep_for(1s);
    ASSERT_TRUE(s.x.screenshot(woken));
    EXPECT_TRUE(undimmed_slide(woken)) << "the waking tap opened the panel (slide dimmed): "
                                       << pixel_colour(woken, 2, 2);

    // The wake lasts 0.15 min = 9 s, then dark again until the window reopens at t2.
    ASSERT_TRUE(wait_until([&] { return s.x.screenshot(dark) && brightness(dark) == 0.0; }, 20s))
        << "the touch-wake never ended\n"
        << kiosk.log();
    const fs::path reopened = shots_dir() / "schedule-4-reopened.png";
    const auto until_open = std::chrono::seconds(close_at + 60 - std::time(nullptr));
    ASSERT_TRUE(wait_until([&] { return s.x.screenshot(reopened) && undimmed_slide(reopened); }, until_open + 10s))
        << "the screen did not light again at " << t2 << "\n"
        << kiosk.log();
    EXPECT_TRUE(wait_until([&] { return status_says_display_on(s, true); }, 5s));

    const std::string log = kiosk.log();
    EXPECT_NE(log.find("kiosk: display off (outside the schedule)"), std::string::npos) << log;
    EXPECT_NE(log.find("kiosk: display on (woken by a touch)"), std::string::npos) << log;
    EXPECT_NE(log.find("kiosk: display on (schedule)"), std::string::npos) << log;
    EXPECT_NE(log.find("kiosk: display power: dpms: "), std::string::npos) << "what powering did is logged\n" << log;
    EXPECT_TRUE(kiosk.running());
}

TEST(ApplianceE2E, ScreenshotIsWhatXShows) {
    Stage s;
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path scratch = shots_dir() / "screenshot-scratch.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, scratch, 15s)) << kiosk.log();
    std::this_thread::sleep_for(1500ms);  // past the first crossfade

    const fs::path mine = shots_dir() / "screenshot-kiosk.png";
    const fs::path xs = shots_dir() / "screenshot-import.png";
    fs::remove(mine);
    const CommandResult r = s.kiosk({"screenshot", mine.string(), "--config", s.config.string()});
    ASSERT_EQ(r.exit_code, 0) << r.output << kiosk.log();
    ASSERT_TRUE(s.x.screenshot(xs));
    const CommandResult size = run_command({"identify", "-format", "%m %wx%h", mine.string()});
    EXPECT_EQ(size.output, "PNG 1280x720") << "a real PNG of the whole screen";
    const long diff = differing_pixels(mine, xs);
    EXPECT_GE(diff, 0);
    EXPECT_LT(diff, kW * kH / 200) << "kiosk screenshot differs from X's own picture in " << diff << " pixels";
    EXPECT_GT(kiosk::test::colour_count(mine), 50) << "a real slide, not a blank picture";

    kiosk.stop();
    const CommandResult gone =
        s.kiosk({"screenshot", (shots_dir() / "none.png").string(), "--config", s.config.string()});
    EXPECT_NE(gone.exit_code, 0);
    EXPECT_NE(gone.output.find("the kiosk is not running"), std::string::npos) << gone.output;
}

TEST(ApplianceE2E, StatusWhileRunningAndAfterStop) {
    Stage s("[status]\nprometheus_dir = \"" + std::string("PROM") + "\"\n");
    const fs::path prom = s.dir.path() / "prom";
    fs::create_directories(prom);
    {
        std::string cfg = read_file(s.config);
        cfg.replace(cfg.find("PROM"), 4, prom.string());
        std::ofstream(s.config) << cfg;
    }
    REQUIRE_SCREEN(s);
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path scratch = shots_dir() / "status-scratch.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, scratch, 15s)) << kiosk.log();
    ASSERT_TRUE(wait_until([&] { return fs::exists(s.state / "status.json"); }, 5s));

    const CommandResult st = s.kiosk({"status", "--config", s.config.string()});
    EXPECT_EQ(st.exit_code, 0) << st.output;
    EXPECT_NE(st.output.find("running (pid " + std::to_string(kiosk.pid()) + ")"), std::string::npos) << st.output;
    EXPECT_NE(st.output.find("010-welcome.md \"Welcome to the clinic\""), std::string::npos) << st.output;
    EXPECT_NE(st.output.find("Display:  on"), std::string::npos) << st.output;
    const std::string metrics = read_file(prom / "kiosk.prom");
    EXPECT_NE(metrics.find("\nkiosk_up 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("\nkiosk_display_on 1\n"), std::string::npos) << metrics;
    EXPECT_EQ(fs::status(s.state / "control.sock").permissions() & fs::perms::others_all, fs::perms::none)
        << "the control socket is for the kiosk user and its group only";

    // The control socket's "status" answers the same JSON; an unknown request gets a plain ERR line.
    const std::string answer = ask(s.state / "control.sock", "status\n");
    ASSERT_EQ(answer.rfind("OK application/json ", 0), 0u) << answer;
    const auto body = kiosk::json::parse(answer.substr(answer.find('\n') + 1));
    ASSERT_TRUE(body.has_value()) << answer;
    ASSERT_NE(body->get("pid"), nullptr);
    EXPECT_EQ(body->get("pid")->number().value_or(0), kiosk.pid());
    EXPECT_EQ(ask(s.state / "control.sock", "reboot\n"), "ERR unknown request 'reboot'; known: screenshot, screenshot-public, status, test-print\n");

    kiosk.stop();
    const CommandResult after = s.kiosk({"status", "--config", s.config.string()});
    EXPECT_EQ(after.exit_code, 1) << after.output;
    EXPECT_NE(after.output.find("not running"), std::string::npos) << after.output;
    EXPECT_NE(read_file(prom / "kiosk.prom").find("\nkiosk_up 0\n"), std::string::npos);
}

// The two ways a status file lies: its kiosk died without saying so, or its loop stopped writing.
TEST(ApplianceE2E, StatusCommandCatchesAGonePidAndAStaleFile) {
    TempDir dir("kiosk-status");
    const long long now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto write = [&](int pid, long long written) {
        std::ofstream(dir.path() / "status.json")
            << "{\"running\": true, \"pid\": " << pid
            << ", \"version\": \"0.1.0\", \"written\": \"x\", \"written_unix\": " << written << "}\n";
    };
    auto status = [&] {
        return run_command({kiosk_binary().string(), "status", "--state-dir", dir.path().string()}, {}, 30s);
    };
    write(static_cast<int>(getpid()), now);
    EXPECT_EQ(status().exit_code, 0) << status().output;

    write(static_cast<int>(getpid()), now - 600);
    CommandResult r = status();
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("stale"), std::string::npos) << r.output;

    const pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);  // a pid that surely belongs to no one now
    write(static_cast<int>(child), now);
    r = status();
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("is gone"), std::string::npos) << r.output;

    fs::remove(dir.path() / "status.json");
    r = status();
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("not running"), std::string::npos) << r.output;
}
