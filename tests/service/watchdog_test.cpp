// systemd's Type=notify and watchdog, played by the test: the real kiosk under Xvfb with
// NOTIFY_SOCKET and WATCHDOG_USEC set sends READY=1 once its first slide is on screen, then
// WATCHDOG=1 at half the interval from its frame loop. Frozen with SIGSTOP, the pings stop (what
// makes systemd restart a hung kiosk); continued, they resume.
#include "app/x_session.h"
#include "service/notify_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <map>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;
using Clock = std::chrono::steady_clock;

namespace {

std::string settings(const fs::path& dir) {
    return "[kiosk]\nstate_dir = \"" + (dir / "state").string() + "\"\n[clinic]\nphone = \"+1 555 010 0142\"\n" +
           "[staff]\nstats_file = \"" + (dir / "state" / "usage.log").string() + "\"\n";
}

std::vector<double> gaps_seconds(const std::vector<Clock::time_point>& times) {
    std::vector<double> gaps;
    for (std::size_t i = 1; i < times.size(); ++i)
        gaps.push_back(std::chrono::duration<double>(times[i] - times[i - 1]).count());
    return gaps;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One kiosk under its own Xvfb, reporting to a NotifyListener.
struct NotifiedKiosk {
    TempDir dir{"kiosk-watchdog"};
    XSession x{1280, 720};
    NotifyListener notify{dir.path() / "notify.sock"};
    fs::path log = dir.path() / "kiosk.log";
    ChildProcess kiosk;

    explicit NotifiedKiosk(const std::string& watchdog_usec, const std::string& watchdog_pid = {}) {
        fs::create_directories(dir.path() / "state");
        const fs::path config = dir.write("kiosk.toml", settings(dir.path()));
        if (!x.ok() || !notify.ok()) return;
        std::map<std::string, std::string> env{
            {"DISPLAY", x.display()}, {"NOTIFY_SOCKET", notify.path().string()}, {"WATCHDOG_USEC", watchdog_usec}};
        if (!watchdog_pid.empty()) env["WATCHDOG_PID"] = watchdog_pid;
        kiosk = ChildProcess(
            {kiosk_binary().string(), "run", "--config", config.string(), "--slides", bundled_slides().string()}, env,
            log.string());
    }
    std::string log_text() const { return fs::exists(log) ? read_file(log) : std::string(); }
};

TEST(Watchdog, ReadyOnceTheFirstSlideIsOnScreenThenPingsThatStopWhenFrozenAndResume) {
    NotifiedKiosk k("2000000");  // 2 s: pings due every second
    ASSERT_TRUE(k.x.ok()) << k.x.error();
    ASSERT_TRUE(k.notify.ok()) << k.notify.error();

    ASSERT_TRUE(k.notify.wait_for("READY=1", 60s)) << "no READY=1 within 60 s; kiosk log:\n" << k.log_text();
    // READY=1 is sent after the first present: the slide must already be on the X server.
    const fs::path shot = k.dir.path() / "at-ready.png";
    ASSERT_TRUE(k.x.screenshot(shot));
    EXPECT_EQ(pixel_colour(shot, 2, 2), "#FAF7F2") << "READY=1 came before the first slide was on screen";
    const std::string ready = k.notify.received().back().text;
    std::size_t slides = 0;
    // The slides, not their translations (010-back-pain.es.md pairs with 010-back-pain.md).
    for (const auto& e : fs::directory_iterator(bundled_slides()))
        slides += e.path().extension() == ".md" && e.path().stem().extension().empty() ? 1 : 0;
    // The first frame comes before every picture is decoded: READY=1 may show fewer slides, but
    // then says the others are coming, and the whole count follows once they are decoded.
    const std::string whole = "STATUS=Showing " + std::to_string(slides) + " slides";
    if (ready.find(whole + "\n") == std::string::npos && !ready.ends_with(whole)) {
        EXPECT_NE(ready.find("the others once their pictures are decoded"), std::string::npos)
            << "READY=1 with part of the deck, not saying more are coming: " << ready;
        EXPECT_TRUE(k.notify.wait_for(whole, 20s))
            << "the whole deck's STATUS never came; READY message: " << ready << "\nkiosk log:\n" << k.log_text();
        EXPECT_EQ(k.notify.received().back().text, whole) << "the whole deck's STATUS still says more are coming";
    }

    k.notify.clear();
    k.notify.collect(4500ms);
    const auto pings = k.notify.times_of("WATCHDOG=1");
    EXPECT_GE(pings.size(), 3U) << "expected a WATCHDOG=1 about every second over 4.5 s";
    for (double gap : gaps_seconds(pings))
        EXPECT_LT(gap, 2.0) << "two pings further apart than WATCHDOG_USEC: systemd would have killed the kiosk";

    ASSERT_EQ(kill(k.kiosk.pid(), SIGSTOP), 0);
    k.notify.collect(300ms);  // a ping already in the socket when the kiosk froze
    k.notify.clear();
    k.notify.collect(3000ms);
    EXPECT_TRUE(k.notify.times_of("WATCHDOG=1").empty())
        << "a frozen kiosk kept pinging (from a side thread?): " << k.notify.times_of("WATCHDOG=1").size();

    ASSERT_EQ(kill(k.kiosk.pid(), SIGCONT), 0);
    const auto resumed_from = Clock::now();
    EXPECT_TRUE(k.notify.wait_for("WATCHDOG=1", 5s)) << "no WATCHDOG=1 after SIGCONT";
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - resumed_from).count(), 2.0);

    k.notify.clear();
    EXPECT_EQ(k.kiosk.stop(), 0) << "SIGTERM should end the kiosk cleanly; log:\n" << k.log_text();
    k.notify.collect(200ms);
    const auto stopping = k.notify.times_of("STOPPING=1");
    EXPECT_EQ(stopping.size(), 1U) << "no STOPPING=1 on the way out";
}

TEST(Watchdog, AnIntervalShorterThanTheLoopsLongestSleepIsHonoured) {
    // 300 ms: pings due every 150 ms, while an idle loop otherwise sleeps up to 500 ms.
    NotifiedKiosk k("300000");
    ASSERT_TRUE(k.x.ok()) << k.x.error();
    ASSERT_TRUE(k.notify.ok()) << k.notify.error();
    ASSERT_TRUE(k.notify.wait_for("READY=1", 60s)) << "no READY=1; kiosk log:\n" << k.log_text();
    k.notify.collect(1000ms);  // past the first crossfade, into the idle slide
    k.notify.clear();
    k.notify.collect(3000ms);
    const auto gaps = gaps_seconds(k.notify.times_of("WATCHDOG=1"));
    ASSERT_GE(gaps.size(), 5U);
    // The median, not the maximum: one late frame on a busy machine is not the rule being checked.
    EXPECT_LT(median(gaps), 0.3) << "pings follow the loop's 500 ms wake-ups instead of the 150 ms interval";
}

// systemd sets WATCHDOG_PID to the unit's main process: under kiosk.service that is cage, the
// kiosk's parent. The kiosk must keep that watchdog (sd_watchdog_enabled alone would drop it and
// systemd would kill a healthy kiosk every 20 s), and still ignore one meant for anyone else.
TEST(Watchdog, KeepsAWatchdogMeantForItsParentTheCompositorAndIgnoresOneForAnotherProcess) {
    NotifiedKiosk child_of_main("1000000", std::to_string(getpid()));  // this test is the kiosk's parent
    ASSERT_TRUE(child_of_main.x.ok()) << child_of_main.x.error();
    ASSERT_TRUE(child_of_main.notify.wait_for("READY=1", 60s)) << child_of_main.log_text();
    EXPECT_TRUE(child_of_main.notify.wait_for("WATCHDOG=1", 3s)) << "no pings for the parent's watchdog";
    child_of_main.kiosk.stop();

    NotifiedKiosk stranger("1000000", "1");
    ASSERT_TRUE(stranger.x.ok()) << stranger.x.error();
    ASSERT_TRUE(stranger.notify.wait_for("READY=1", 60s)) << stranger.log_text();
    stranger.notify.collect(2000ms);
    EXPECT_TRUE(stranger.notify.times_of("WATCHDOG=1").empty()) << "pinged a watchdog meant for PID 1";
}

}  // namespace
