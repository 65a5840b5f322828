// A patient's name and number must not outlive their desk slip: the real `kiosk run` under Xvfb,
// a real ESC/POS listener on loopback, the call-back flow tapped with xdotool, then the kiosk
// process's own memory read through /proc/PID/mem (the test runs as root) and searched.
#include "app/memory_scan.h"
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/phone_number.h"
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
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;
// Distinctive enough that a match in memory can only be this patient's.
constexpr const char* kDigits = "015733449182";
constexpr const char* kName = "Quirinus Zapf";             // short: kept inside std::string objects (SSO)
constexpr const char* kLongName = "Quirinus Zapfenstein";  // 20 letters, the most: on the heap

struct Stage {
    TempDir dir{"kiosk-privacy"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{kW, kH};

    explicit Stage(const std::string& printer_uri) {
        fs::create_directories(slides);
        dir.write("slides/010-welcome.md",
                  "+++\nlayout = \"text-only\"\nduration = 30\n+++\n# Welcome\n\nOur team is here to help.\n");
        config = dir.write("kiosk.toml",
                           state_dir_toml(dir.path()) + "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                           "[player]\nidle_timeout_seconds = 60\n"
                           "[printer]\nuri = \"" +
                               printer_uri +
                               "\"\n"
                               "job_deadline_seconds = 15\nmin_seconds_between_slips = 0\n"
                               "max_slips_per_hour = 100\n"
                               "[staff]\nstats_file = \"" +
                               (dir.path() / "usage.log").string() + "\"\n");
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
};

// A private cupsd on loopback with one queue to an ippeveprinter that keeps what it is sent (-k).
class CupsStage {
public:
    CupsStage() {
        for (const char* sub : {"root", "spool", "cache", "state", "tmp", "log", "ipp"})
            fs::create_directories(dir_.path() / sub);
        // cupsd runs filters as user lp: they must reach the config and temp dirs (mkdtemp makes 0700).
        fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        fs::permissions(dir_.path() / "tmp", fs::perms::all | fs::perms::sticky_bit);
        cups_port_ = free_loopback_port();
        ipp_port_ = free_loopback_port();
        while (ipp_port_ == cups_port_) ipp_port_ = free_loopback_port();
        const std::string d = dir_.path().string();
        dir_.write("cupsd.conf",
                   "Listen 127.0.0.1:" + std::to_string(cups_port_) +
                       "\nBrowsing No\nWebInterface No\nDefaultAuthType None\nPreserveJobFiles No\nLogLevel info\n"
                       "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                       "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n"
                       "  </Limit>\n</Policy>\n");
        dir_.write("cups-files.conf", "ServerRoot " + d + "/root\nRequestRoot " + d + "/spool\nCacheDir " + d +
                                          "/cache\nStateDir " + d + "/state\nTempDir " + d + "/tmp\nAccessLog " + d +
                                          "/log/access_log\nErrorLog " + d + "/log/error_log\nPageLog " + d +
                                          "/log/page_log\nPrintcap " + d + "/state/printcap\n");
        const std::string bus = "unix:path=" + d + "/bus";
        env_ = {{"DBUS_SYSTEM_BUS_ADDRESS", bus},
                {"DBUS_SESSION_BUS_ADDRESS", bus},
                {"CUPS_SERVER", "127.0.0.1:" + std::to_string(cups_port_)}};
        dbus_ = ChildProcess({"dbus-daemon", "--session", "--nofork", "--nopidfile", "--address=" + bus}, {},
                             d + "/log/dbus.log");
        ready_ = wait_until([&] { return fs::exists(dir_.path() / "bus"); }, 5s);
        ipp_ = ChildProcess({"ippeveprinter", "-n", "localhost", "-p", std::to_string(ipp_port_), "-d", d + "/ipp",
                             "-k", "-r", "off", "-f", "application/pdf", "-c", "/bin/true", "KioskDesk"},
                            env_, d + "/log/ippeveprinter.log");
        cupsd_ = ChildProcess({"cupsd", "-f", "-c", d + "/cupsd.conf", "-s", d + "/cups-files.conf"}, env_,
                              d + "/log/cupsd.log");
        ready_ = ready_ && wait_for_port(ipp_port_, 10s) && wait_for_port(cups_port_, 10s);
        if (!ready_) return;
        const CommandResult r =
            run_command({"lpadmin", "-p", "DeskQ", "-E", "-v",
                         "ipp://localhost:" + std::to_string(ipp_port_) + "/ipp/print", "-m", "everywhere"},
                        env_, 30s);
        ready_ = r.exit_code == 0 &&
                 wait_until(
                     [&] {
                         return read_file(dir_.path() / "log/error_log").find("Printer \"DeskQ\" is now available.") !=
                                std::string::npos;
                     },
                     15s);
    }
    [[nodiscard]] bool ready() const { return ready_; }
    [[nodiscard]] const std::map<std::string, std::string>& env() const { return env_; }
    // The PDFs the printer received (ippeveprinter -k keeps them).
    [[nodiscard]] std::vector<fs::path> received() const {
        std::vector<fs::path> out;
        for (const auto& e : fs::recursive_directory_iterator(dir_.path() / "ipp")) {
            if (e.is_regular_file() && e.path().extension() == ".pdf") out.push_back(e.path());
        }
        return out;
    }
    [[nodiscard]] std::string logs() const {
        return read_file(dir_.path() / "log/error_log") + read_file(dir_.path() / "log/ippeveprinter.log");
    }

private:
    TempDir dir_{"kiosk-privacy-cups"};
    int cups_port_ = 0, ipp_port_ = 0;
    std::map<std::string, std::string> env_;
    ChildProcess dbus_, ipp_, cupsd_;
    bool ready_ = false;
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
void tap_callback_slip(const XSession& x, const fs::path& scratch, const char* name = kName) {
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
    for (const char* c = name; *c != '\0'; ++c) {
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

// The whole ESC/POS round: type, check the scan sees the typed number, send, receive, wait, scan.
static void escpos_desk_slip_leaves_nothing(const char* name) {
    ASSERT_EQ(::geteuid(), 0U) << "reading another process's memory needs root (the CI runs the tests as root)";
    EscposListener printer(ListenerMode::Ok);
    Stage s("tcp://127.0.0.1:" + std::to_string(printer.port()));
    ASSERT_TRUE(missing_tools({{"Xvfb", "xvfb"}, {"xdotool", "xdotool"}, {"import", "imagemagick"}}).empty());
    ASSERT_TRUE(s.x.ok()) << s.x.error();
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path shot = shots_dir() / "privacy-panel.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 20s)) << kiosk.log();

    tap_callback_slip(s.x, shot, name);
    if (::testing::Test::HasFatalFailure()) return;
    // The scan must be able to see what it looks for: the number is on the keypad right now.
    std::this_thread::sleep_for(300ms);
    const MemoryScan typed = scan_process_memory(kiosk.pid(), kDigits);
    ASSERT_FALSE(typed.hits.empty()) << "the scan does not find the number while it is typed in: " << describe(typed);
    tap_send(s.x);
    if (::testing::Test::HasFatalFailure()) return;

    std::string text;
    const bool printed = wait_until(
        [&] {
            const auto commands = parse_escpos(printer.received()).commands;
            text = printed_text(commands);
            return std::any_of(commands.begin(), commands.end(), [](const Command& c) { return c.cmd == Cmd::Cut; });
        },
        20s);
    ASSERT_TRUE(printed) << "no desk slip reached the printer\n" << kiosk.log();
    ASSERT_NE(text.find(name), std::string::npos) << "the slip does not carry the typed name:\n" << text;
    // Printed grouped for reading aloud: that form must be gone from memory as well.
    const std::string grouped = ::kiosk::group_phone_digits(kDigits);
    ASSERT_NE(text.find(grouped), std::string::npos) << "the slip does not carry the typed number:\n" << text;

    // The print thread is idle again and the screen shows the confirmation: nothing should hold them.
    std::this_thread::sleep_for(4s);
    ASSERT_TRUE(kiosk.running()) << kiosk.log();
    expect_not_in_memory(kiosk.pid(), kDigits, "number");
    expect_not_in_memory(kiosk.pid(), grouped, "grouped number");
    expect_not_in_memory(kiosk.pid(), name, "name");
    expect_not_in_memory(kiosk.pid(), "Quirinus", "first name");
}

TEST(PatientDataE2E, NameAndNumberAreGoneFromMemoryAfterAnEscposDeskSlip) {
    escpos_desk_slip_leaves_nothing(kName);
}

TEST(PatientDataE2E, TheLongestNameIsGoneFromMemoryAfterAnEscposDeskSlip) {
    escpos_desk_slip_leaves_nothing(kLongName);
}

// The same through CUPS: the slip is a cairo PDF sent to a real cupsd; the PDF buffer, cairo's
// text and the wrapped lines must all be gone from the kiosk afterwards. With the longest name a
// patient can type, so its strings live on the heap, where growing and copying leave old buffers.
// (This path left no copy even before the wiping allocator: it guards against one appearing.)
TEST(PatientDataE2E, NameAndNumberAreGoneFromMemoryAfterACupsDeskSlip) {
    ASSERT_EQ(::geteuid(), 0U) << "reading another process's memory needs root (the CI runs the tests as root)";
    for (const char* tool : {"cupsd", "ippeveprinter", "dbus-daemon", "lpadmin", "pdftotext"}) {
        ASSERT_TRUE(have_program(tool)) << "missing " << tool << " (deploy/setup.sh test installs it)";
    }
    CupsStage cups;
    ASSERT_TRUE(cups.ready()) << "cupsd/ippeveprinter did not start\n" << cups.logs();
    Stage s("cups://DeskQ");
    ASSERT_TRUE(s.x.ok()) << s.x.error();
    // KioskRun passes on this process's environment: that is how the kiosk finds the server.
    ::setenv("CUPS_SERVER", cups.env().at("CUPS_SERVER").c_str(), 1);
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    ::unsetenv("CUPS_SERVER");
    const fs::path shot = shots_dir() / "privacy-cups-panel.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, shot, 20s)) << kiosk.log();
    // The panel offers the call-back choice once the worker has seen the queue ready.
    std::this_thread::sleep_for(2s);
    tap_callback_slip(s.x, shot, kLongName);
    if (HasFatalFailure()) return;
    tap_send(s.x);
    if (HasFatalFailure()) return;

    std::string text;
    const bool printed = wait_until(
        [&] {
            for (const fs::path& pdf : cups.received()) {
                text = run_command({"pdftotext", pdf.string(), "-"}).output;
                if (text.find(::kiosk::group_phone_digits(kDigits)) != std::string::npos) return true;
            }
            return false;
        },
        40s);
    ASSERT_TRUE(printed) << "no desk slip with the number reached the printer\n" << kiosk.log() << cups.logs();
    ASSERT_NE(text.find(kLongName), std::string::npos) << "the slip does not carry the typed name:\n" << text;

    std::this_thread::sleep_for(4s);
    ASSERT_TRUE(kiosk.running()) << kiosk.log();
    expect_not_in_memory(kiosk.pid(), kDigits, "number");
    expect_not_in_memory(kiosk.pid(), ::kiosk::group_phone_digits(kDigits), "grouped number");
    expect_not_in_memory(kiosk.pid(), kLongName, "name");
    expect_not_in_memory(kiosk.pid(), "Zapfenstein", "surname");
    expect_not_in_memory(kiosk.pid(), "Quirinus", "first name");
}
