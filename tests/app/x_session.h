// End-to-end helpers: a private Xvfb per test, the real `kiosk run` on it, taps through xdotool, and
// the look-at-the-screen tools (import, compare, zbarimg, tesseract) wrapped so assertions stay short.
#pragma once

#include "support/process.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::test {

// The program and the Debian package it comes from, so a missing tool fails with an install hint.
struct Tool {
    const char* program;
    const char* package;
};
// Empty when all are installed, else "missing: Xvfb (apt-get install xvfb), ...".
[[nodiscard]] std::string missing_tools(const std::vector<Tool>& tools);

// An Xvfb server on its own display number, stopped by its PID when this goes out of scope.
class XSession {
public:
    XSession(int width = 1920, int height = 1080);
    [[nodiscard]] bool ok() const { return display_ >= 0; }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] std::string display() const { return ":" + std::to_string(display_); }
    // Environment for a program that should use this display.
    [[nodiscard]] std::map<std::string, std::string> env() const { return {{"DISPLAY", display()}}; }

    // The whole screen, or just `crop` ("WxH+X+Y"), as a PNG.
    bool screenshot(const std::filesystem::path& png, const std::string& crop = {}) const;
    // A finger on the screen: move, rest a moment (ImGui polls the pointer), press, release.
    bool tap(int x, int y) const;
    CommandResult xdotool(const std::vector<std::string>& args) const;

private:
    ChildProcess xvfb_;
    int display_ = -1;
    std::string error_;
};

// The first lines of every test kiosk's kiosk.toml ("[kiosk]\nstate_dir = \"DIR/state\"\n"): its
// status.json, control socket and PIN lockout then go to the test's own temp folder, never to the
// machine's /var/lib/kiosk (tests run as root).
[[nodiscard]] std::string state_dir_toml(const std::filesystem::path& dir);
// Empty when `kiosk run` ARGS give a --config whose file sets [kiosk] state_dir; else what is wrong.
[[nodiscard]] std::string missing_state_dir(const std::vector<std::string>& args);

// `kiosk run` on an XSession, its stdout and stderr in a log file. Fails the test when the kiosk
// would keep its state in the machine's /var/lib/kiosk (see state_dir_toml).
class KioskRun {
public:
    KioskRun(const XSession& x, const std::vector<std::string>& args, const std::filesystem::path& log);
    // Stops the kiosk and fails the current test if its log holds a sanitizer report: in the ASan
    // build the e2e suites are how the kiosk's own memory errors are found.
    ~KioskRun();
    KioskRun(const KioskRun&) = delete;
    KioskRun& operator=(const KioskRun&) = delete;
    [[nodiscard]] bool running() { return process_.running(); }
    [[nodiscard]] int pid() const { return process_.pid(); }
    [[nodiscard]] std::string log() const;
    int stop() { return process_.stop(); }
    // Waits for the kiosk to end by itself: its exit code, or -1 on timeout or a signal.
    int wait(std::chrono::milliseconds timeout) { return process_.wait(timeout); }

private:
    std::filesystem::path log_;
    ChildProcess process_;
};

// The first AddressSanitizer / LeakSanitizer / UBSan report in a log (up to 4000 characters), or empty.
[[nodiscard]] std::string sanitizer_report(const std::string& log);

// Waits until the kiosk's background colour (#FAF7F2) shows at the screen's top-left corner.
bool wait_for_kiosk_on_screen(const XSession& x, const std::filesystem::path& scratch_png,
                              std::chrono::milliseconds timeout);

// Pixels that differ between two PNGs of the same size (ImageMagick `compare -metric AE`); -1 on error.
[[nodiscard]] long differing_pixels(const std::filesystem::path& a, const std::filesystem::path& b);
// "#RRGGBB" of one pixel, or empty on error.
[[nodiscard]] std::string pixel_colour(const std::filesystem::path& png, int x, int y);
// Number of distinct colours in the picture (ImageMagick %k); -1 on error.
[[nodiscard]] long colour_count(const std::filesystem::path& png);
// What zbarimg reads from the picture (payloads joined by '\n'), empty when it finds no code.
[[nodiscard]] std::string decode_qr(const std::filesystem::path& png);
// What tesseract reads in the picture.
[[nodiscard]] std::string ocr(const std::filesystem::path& png);

// The kiosk binary and the bundled slides.
[[nodiscard]] std::filesystem::path kiosk_binary();
[[nodiscard]] std::filesystem::path bundled_slides();

}  // namespace kiosk::test
