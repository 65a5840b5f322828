// Read aloud and A+ end to end: the real kiosk under Xvfb with SDL's disk audio driver, touched with
// xdotool at the rects of core/patient_controls_layout.h. One kiosk start covers: speech is
// non-silent and as long as the text needs, the loop holds while it speaks and goes on after,
// a second touch stops it (the audio file stops growing), A+ turns on and idle turns it off.
#include "app/speech_player.h"
#include "app/x_session.h"
#include "core/config.h"
#include "core/patient_controls_layout.h"
#include "core/slide_parser.h"
#include "core/speech_text.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kW = 1920, kH = 1080;
constexpr int kRate = 200;                  // words a minute: a short test, still a plausible voice
constexpr int kBytesPerSecond = 22050 * 2;  // espeak-ng's rate, mono 16-bit (SDL's disk file as opened)

std::uintmax_t size_of(const fs::path& f) {
    std::error_code ec;
    const auto n = fs::file_size(f, ec);
    return ec ? 0 : n;
}

// Polls `ok` until it holds or `timeout` passes.
template <class F>
bool eventually(F ok, std::chrono::milliseconds timeout) {
    const auto end = Clock::now() + timeout;
    while (Clock::now() < end) {
        if (ok()) return true;
        std::this_thread::sleep_for(50ms);
    }
    return ok();
}

// Waits until the file has not grown for `quiet`; returns its size then (or 0 on timeout).
std::uintmax_t settled_size(const fs::path& f, std::chrono::milliseconds quiet, std::chrono::milliseconds timeout) {
    const auto end = Clock::now() + timeout;
    std::uintmax_t last = size_of(f);
    auto since = Clock::now();
    while (Clock::now() < end) {
        std::this_thread::sleep_for(50ms);
        const auto now = size_of(f);
        if (now != last) {
            last = now;
            since = Clock::now();
        } else if (Clock::now() - since >= quiet) {
            return now;
        }
    }
    return 0;
}

struct AudioStats {
    double seconds = 0, rms = 0;
};
AudioStats measure(const fs::path& raw) {
    const CommandResult r = run_command(
        {"sox", "-t", "raw", "-r", "22050", "-e", "signed", "-b", "16", "-c", "1", raw.string(), "-n", "stat"});
    AudioStats s;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const double v = std::atof(line.c_str() + colon + 1);
        if (line.starts_with("Length (seconds)")) s.seconds = v;
        if (line.starts_with("RMS     amplitude")) s.rms = v;
    }
    return s;
}

std::string crop(const Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

TEST(PatientAidsE2E, ReadAloudSpeaksHoldsTheLoopStopsOnTouchAndAPlusTimesOut) {
    const std::string missing =
        missing_tools({{"Xvfb", "xvfb"}, {"xdotool", "xdotool"}, {"import", "imagemagick"}, {"sox", "sox"}});
    ASSERT_TRUE(missing.empty()) << missing;
    TempDir dir{"kiosk-aids"};
    const fs::path audio = dir.path() / "audio.raw";
    const fs::path shots = KIOSK_APP_SHOTS_DIR;
    fs::create_directories(shots);
    const fs::path config = dir.write(
        "kiosk.toml", "[kiosk]\nstate_dir = \"" + (dir.path() / "state").string() + "\"\n[staff]\nstats_file = \"" +
                          (dir.path() / "usage.log").string() +
                          "\"\n[player]\ntransition_seconds = 0.3\nidle_timeout_seconds = 5\nmin_slide_seconds = 2\n"
                          "max_slide_seconds = 3\n[audio]\nrate = " +
                          std::to_string(kRate) + "\n");
    XSession x{kW, kH};
    ASSERT_TRUE(x.ok()) << x.error();
    auto env = x.env();
    env["SDL_AUDIODRIVER"] = "disk";
    env["SDL_DISKAUDIOFILE"] = audio.string();
    const fs::path log = dir.path() / "kiosk.log";
    ChildProcess kiosk(
        {kiosk_binary().string(), "run", "--config", config.string(), "--slides", bundled_slides().string()}, env,
        log.string());
    const auto log_text = [&] {
        std::ifstream in(log);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, shots / "aids-start.png", 20s)) << log_text();

    PatientControlsWanted wanted;
    wanted.read_aloud = wanted.text_size = true;
    wanted.arrows = true;  // helper L: the ‹ › arrows keep their room in the same layout
    const ScreenRegions regions = compute_regions(kW, kH, SlideLayoutKind::TextOnly, false);
    const PatientControlsLayout controls = patient_controls_layout(regions, wanted);
    const Rect content{regions.margin, regions.margin, kW - 2 * regions.margin,
                       controls.content_bottom - regions.margin};
    // Inside the control's outline, clear of its symbol and word: white when off, dark when on.
    const auto fill_of = [&](const Rect& r, const char* name) {
        const fs::path png = shots / (std::string("aids-") + name + ".png");
        if (!x.screenshot(png)) return std::string();
        return pixel_colour(png, r.x + r.h / 8 + 4, r.y + r.h / 2);
    };
    // The first slide: its text, as the kiosk will speak it.
    const auto first =
        parse_slide_file(bundled_slides() / "010-back-pain.md", bundled_slides(), "010-back-pain.md", KioskConfig{});
    ASSERT_TRUE(first.slide.has_value());
    const double expected = expected_speech_seconds(speech_text(*first.slide), kRate);

    // 1. Read aloud on the first slide: it speaks it all, holding the slide though it is due to
    // change every 3 s, then the loop goes on.
    const fs::path before = shots / "aids-before-speech.png";
    ASSERT_TRUE(x.screenshot(before, crop(content)));
    ASSERT_TRUE(
        x.tap(controls.read_aloud.x + controls.read_aloud.w / 2, controls.read_aloud.y + controls.read_aloud.h / 2));
    ASSERT_TRUE(eventually([&] { return size_of(audio) > kBytesPerSecond / 2; }, 10s)) << "no audio came\n"
                                                                                       << log_text();
    EXPECT_EQ(fill_of(controls.read_aloud, "speaking"), "#1B2633") << "the control shows it is speaking (Stop)";
    // 3.5 s of speech played: past the slide's 3 s, still speaking (the text needs > 5 s).
    ASSERT_GT(expected, 5.0);
    ASSERT_TRUE(eventually([&] { return size_of(audio) > 7 * kBytesPerSecond / 2; }, 15s)) << log_text();
    const fs::path during = shots / "aids-during-speech.png";
    ASSERT_TRUE(x.screenshot(during, crop(content)));
    EXPECT_EQ(differing_pixels(before, during), 0) << "the slide did not change while it was read aloud";
    const std::uintmax_t full = settled_size(audio, 800ms, 30s);
    ASSERT_GT(full, 0u) << "the speech never ended";
    const AudioStats spoken = measure(audio);
    EXPECT_GT(spoken.rms, 0.02) << "the speech is not silence";
    EXPECT_GT(spoken.seconds, 0.6 * expected) << "long enough for " << expected << " s of text";
    EXPECT_LT(spoken.seconds, 2.0 * expected + 1.0) << "not much longer than " << expected << " s of text";
    EXPECT_GT(spoken.seconds, 3.0) << "longer than the slide's own 3 s, so the hold was tested";
    const fs::path later = shots / "aids-resumed.png";
    EXPECT_TRUE(
        eventually([&] { return x.screenshot(later, crop(content)) && differing_pixels(before, later) > 1000; }, 10s))
        << "the loop resumed after the speech";

    // 2. Read aloud again, then a second touch: the speech stops at once (the file stops growing
    // well short of the text's length).
    ASSERT_TRUE(
        x.tap(controls.read_aloud.x + controls.read_aloud.w / 2, controls.read_aloud.y + controls.read_aloud.h / 2));
    ASSERT_TRUE(eventually([&] { return size_of(audio) > kBytesPerSecond; }, 10s)) << log_text();
    ASSERT_TRUE(
        x.tap(controls.read_aloud.x + controls.read_aloud.w / 2, controls.read_aloud.y + controls.read_aloud.h / 2));
    const std::uintmax_t stopped = settled_size(audio, 1000ms, 10s);
    ASSERT_GT(stopped, 0u) << "the audio kept growing after the second touch";
    EXPECT_LT(static_cast<double>(stopped) / kBytesPerSecond, 3.0) << "stopped early, within a moment of the touch";
    EXPECT_EQ(fill_of(controls.read_aloud, "stopped"), "#FFFFFF") << "the control is back to Read aloud";

    // 3. A+ on, then nothing touched for the idle timeout: back to normal.
    ASSERT_TRUE(
        x.tap(controls.text_size.x + controls.text_size.w / 2, controls.text_size.y + controls.text_size.h / 2));
    EXPECT_TRUE(eventually([&] { return fill_of(controls.text_size, "large") == "#1B2633"; }, 5s)) << "A+ turned on";
    const fs::path large = shots / "aids-large-content.png";
    ASSERT_TRUE(x.screenshot(large, crop(content)));
    EXPECT_EQ(pixel_colour(large, 2, content.h - 4), "#FAF7F2") << "no picture at the bottom-left in the large view";
    EXPECT_TRUE(eventually([&] { return fill_of(controls.text_size, "after-idle") == "#FFFFFF"; }, 10s))
        << "the idle timeout returned to the normal view";
    EXPECT_NE(log_text().find("disk"), std::string::npos);
    kiosk.stop();
    EXPECT_EQ(sanitizer_report(log_text()), "");
}

// A box with no sound card is told from /dev/snd before SDL (and ALSA's noise) is asked.
TEST(SpeechPlayer, APlaybackDeviceNodeIsWhatCountsAsASoundCard) {
    TempDir dev("kiosk-dev-snd");
    EXPECT_FALSE(has_playback_device(dev.path() / "missing")) << "no /dev/snd at all";
    EXPECT_FALSE(has_playback_device(dev.path())) << "an empty /dev/snd";
    dev.write("controlC0", "");
    dev.write("pcmC0D0c", "");
    EXPECT_FALSE(has_playback_device(dev.path())) << "a microphone only";
    dev.write("pcmC0D0p", "");
    EXPECT_TRUE(has_playback_device(dev.path()));
}

// The voice without a window: no usable driver means not available, with the reason for the log;
// SDL's dummy driver plays (and discards) a real synthesis, which ends by itself or on stop().
TEST(SpeechPlayer, NoDeviceSaysWhyAndADeviceSpeaksAndStops) {
    {
        setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
        SpeechPlayer none(0);
        EXPECT_FALSE(none.available());
        EXPECT_FALSE(none.unavailable_reason().empty());
        none.speak({"Hello", "en", 150, 0.8});
        EXPECT_FALSE(none.speaking()) << "nothing to speak with";
    }
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    SpeechPlayer voice(0);
    ASSERT_TRUE(voice.available()) << voice.unavailable_reason();
    voice.speak({"One two three.", "en", 300, 0.8});
    EXPECT_TRUE(voice.speaking());
    EXPECT_TRUE(eventually([&] { return !voice.speaking(); }, 15s)) << "a short sentence ends by itself";
    voice.speak(
        {"This sentence is long enough to be stopped before it ends, many words later, at the end.", "en", 150, 0.8});
    voice.stop();
    EXPECT_FALSE(voice.speaking()) << "stop() ends it at once";
    voice.speak({"Hello", "xx-no-such-voice", 150, 0.8});
    EXPECT_TRUE(eventually([&] { return !voice.speaking(); }, 15s));
    EXPECT_NE(voice.take_problem().find("no voice"), std::string::npos) << "a missing voice is reported";
    unsetenv("SDL_AUDIODRIVER");
}

}  // namespace
}  // namespace kiosk::test
