// A patient's name and number must not outlive their desk slip: the real `kiosk run` under Xvfb,
// a real ESC/POS listener on loopback, the call-back flow tapped with xdotool, then the kiosk
// process's own memory read through /proc/PID/mem (the test runs as root) and searched.
#include "app/memory_scan.h"
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "core/touch_panel_layout.h"
#include "print/escpos_listener.h"
#include "print/escpos_parser.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
// Distinctive enough that a match in memory can only be this patient's.
constexpr const char* kDigits = "015733449182";
constexpr const char* kName = "Quirinus Zapf";

fs::path shots_dir() {
    const fs::path dir = fs::path(KIOSK_APP_SHOTS_DIR);
    fs::create_directories(dir);
    return dir;
}

struct Stage {
    TempDir dir{"kiosk-privacy"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{kW, kH};

    explicit Stage(const std::string& printer_uri) {
        fs::create_directories(slides);
        dir.write("slides/010-welcome.md",
                  "+++\nlayout = \"text-only\"\nduration = 30\n+++\n# Welcome\n\nOur team is here to help.\n");
        config = dir.write("kiosk.toml", "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                                         "[player]\nidle_timeout_seconds = 60\n"
                                         "[printer]\nuri = \"" + printer_uri + "\"\n"
                                         "job_deadline_seconds = 15\nmin_seconds_between_slips = 0\n"
                                         "max_slips_per_hour = 100\n"
                                         "[staff]\nstats_file = \"" + (dir.path() / "usage.log").string() + "\"\n");
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
};

bool tap_rect(const XSession& x, const kiosk::Rect& r) {
    const bool ok = x.tap(r.x + r.w / 2, r.y + r.h / 2);
    std::this_thread::sleep_for(120ms);  // one frame for the press, one for the release
    return ok;
}

// Taps the key that types `ch` (a capital for letters, ' ' for the space bar).
bool tap_key(const XSession& x, const std::vector<kiosk::KeyRect>& keys, char32_t ch) {
    const auto key = std::find_if(keys.begin(), keys.end(), [&](const kiosk::KeyRect& k) {
        return (ch == ' ' && k.kind == kiosk::KeyKind::Space) || (k.kind == kiosk::KeyKind::Char && k.ch == ch);
    });
    return key != keys.end() && tap_rect(x, key->rect);
}

// Opens the panel, chooses "Ask us to call you", types the number and the name, sends.
void tap_callback_slip(const XSession& x, const fs::path& scratch) {
    const kiosk::Rect button = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    ASSERT_TRUE(tap_rect(x, button));
    ASSERT_TRUE(wait_until([&] { return x.screenshot(scratch) && pixel_colour(scratch, 2, 2) != "#FAF7F2"; }, 5s))
        << "the touch button did not open the panel";
    const kiosk::PanelFrame frame = kiosk::panel_frame(kW, kH);
    ASSERT_TRUE(tap_rect(x, kiosk::choice_rects(frame, 3).at(1)));  // 2. Ask us to call you
    std::this_thread::sleep_for(300ms);
    const kiosk::KeypadLayout pad = kiosk::keypad_layout(frame);
    // The phone field is active first.
    const auto digits = kiosk::digit_keys(pad.keyboard, kW, kH);
    for (const char* d = kDigits; *d != '\0'; ++d) ASSERT_TRUE(tap_key(x, digits, static_cast<char32_t>(*d))) << *d;
    ASSERT_TRUE(tap_rect(x, pad.name_field));
    std::this_thread::sleep_for(200ms);
    const auto letters = kiosk::letter_keys(pad.keyboard, kW, kH);
    for (const char* c = kName; *c != '\0'; ++c) {
        const char up = static_cast<char>(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
        ASSERT_TRUE(tap_key(x, letters, static_cast<char32_t>(up))) << *c;
    }
    x.screenshot(shots_dir() / "privacy-keypad.png");
}

void tap_send(const XSession& x) {
    ASSERT_TRUE(tap_rect(x, kiosk::keypad_layout(kiosk::panel_frame(kW, kH)).submit));
}

void expect_not_in_memory(int pid, const std::string& needle, const char* what) {
    const MemoryScan scan = scan_process_memory(pid, needle);
    ASSERT_TRUE(scan.error.empty()) << scan.error;
    ASSERT_GT(scan.bytes_scanned, 1000000UL) << "the scan read almost nothing: " << describe(scan);
    EXPECT_TRUE(scan.hits.empty()) << "the patient's " << what << " '" << needle
                                   << "' is still in the kiosk's memory after the slip: " << describe(scan);
}

}  // namespace

TEST(PatientDataE2E, NameAndNumberAreGoneFromMemoryAfterAnEscposDeskSlip) {
    ASSERT_EQ(::geteuid(), 0U) << "reading another process's memory needs root (the CI runs the tests as root)";
    EscposListener printer(ListenerMode::Ok);
    Stage s("tcp://127.0.0.1:" + std::to_string(printer.port()));
    ASSERT_TRUE(missing_tools({{"Xvfb", "xvfb"}, {"xdotool", "xdotool"}, {"import", "imagemagick"}}).empty());
    ASSERT_TRUE(s.x.ok()) << s.x.error();
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "privacy-panel.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 20s)) << kiosk.log();

    tap_callback_slip(s.x, shot);
    if (HasFatalFailure()) return;
    // The scan must be able to see what it looks for: the number is on the keypad right now.
    std::this_thread::sleep_for(300ms);
    const MemoryScan typed = scan_process_memory(kiosk.pid(), kDigits);
    ASSERT_FALSE(typed.hits.empty()) << "the scan does not find the number while it is typed in: " << describe(typed);
    tap_send(s.x);
    if (HasFatalFailure()) return;

    std::string text;
    const bool printed = wait_until(
        [&] {
            const auto commands = parse_escpos(printer.received()).commands;
            text = printed_text(commands);
            return std::any_of(commands.begin(), commands.end(), [](const Command& c) { return c.cmd == Cmd::Cut; });
        },
        20s);
    ASSERT_TRUE(printed) << "no desk slip reached the printer\n" << kiosk.log();
    ASSERT_NE(text.find(kName), std::string::npos) << "the slip does not carry the typed name:\n" << text;
    ASSERT_NE(text.find(kDigits), std::string::npos) << "the slip does not carry the typed number:\n" << text;

    // The print thread is idle again and the screen shows the confirmation: nothing should hold them.
    std::this_thread::sleep_for(4s);
    ASSERT_TRUE(kiosk.running()) << kiosk.log();
    expect_not_in_memory(kiosk.pid(), kDigits, "number");
    expect_not_in_memory(kiosk.pid(), kName, "name");
    expect_not_in_memory(kiosk.pid(), "Quirinus", "first name");
}
