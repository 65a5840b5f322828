// Fault injection against the real kiosk: one `kiosk run` under a private Xvfb, on a temp copy of
// the bundled slides, printing to a real ESC/POS listener, run as an unprivileged user. A test breaks
// something (a file, the folder, the printer, the fonts, the clock) and then asks the questions a
// patient would: is there something on the screen, does it answer a touch, is the box still alive.
// The soak benchmark (tests/bench/soak.cpp) drives the same stage for minutes.
#pragma once

#include "app/x_session.h"
#include "print/escpos_listener.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::test {

struct FaultOptions {
    ListenerMode printer_mode = ListenerMode::Ok;
    bool printer_port_closed = false;              // the URI names a loopback port nobody listens on
    int listener_receive_buffer = 0;               // small = a printer that never reads fills up at once
    std::string font_family;                       // empty = the kiosk's default
    std::map<std::string, std::string> kiosk_env;  // FONTCONFIG_FILE, LD_PRELOAD, ...
};

class FaultStage {
public:
    // A smaller screen than the app suite's 1080p: every screenshot and OCR here costs less CPU.
    static constexpr int kW = 1280;
    static constexpr int kH = 720;
    // The slide every picture fault targets: first in file order, a plain blue picture that a
    // screenshot recognises by colour (no OCR needed to know it is on screen).
    static constexpr const char* kFaultSlide = "005-fault.md";
    static constexpr const char* kFaultPicture = "art/fault.png";
    static constexpr const char* kFaultBlue = "#3A7BD5";

    explicit FaultStage(FaultOptions options = {});
    ~FaultStage();
    FaultStage(const FaultStage&) = delete;
    FaultStage& operator=(const FaultStage&) = delete;

    // Tools present, Xvfb up, kiosk built, slides copied, kiosk started and on screen (or the reason).
    [[nodiscard]] ::testing::AssertionResult start();

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_.path(); }
    [[nodiscard]] const std::filesystem::path& slides() const { return slides_; }
    [[nodiscard]] std::filesystem::path picture() const { return slides_ / kFaultPicture; }
    [[nodiscard]] const XSession& x() const { return x_; }
    [[nodiscard]] EscposListener* printer() { return printer_.get(); }
    [[nodiscard]] int pid() const { return kiosk_.pid(); }
    [[nodiscard]] bool running() { return kiosk_.running(); }
    [[nodiscard]] std::string log() const;
    // Where a named screenshot goes (kept after the run, for a person to look at).
    [[nodiscard]] std::filesystem::path shot(const std::string& name) const;

    // Not one colour, and the slide area above the button has the many grey levels and contrast
    // of anti-aliased text (a blank background or a black screen has neither).
    [[nodiscard]] ::testing::AssertionResult screen_is_non_blank(const std::string& name);
    // Taps "Interested? Touch here", the panel dims the slide in a following screenshot, Close
    // taps it away and the slide is back.
    [[nodiscard]] ::testing::AssertionResult responsive(const std::string& name);
    // The kiosk's resident memory now and at its peak (VmRSS / VmHWM in /proc/PID/status); -1 if gone.
    [[nodiscard]] long rss_kib() const;
    [[nodiscard]] long vm_hwm_kib() const;
    [[nodiscard]] static long memory_ceiling_kib();
    [[nodiscard]] ::testing::AssertionResult within_memory_ceiling() const;
    // All of the above, plus "still running": what every fault test ends with.
    [[nodiscard]] ::testing::AssertionResult survived(const std::string& name);

    // Patient actions on the panel (true = the tap was delivered and the screen reacted).
    bool open_panel(const std::string& name);
    bool close_panel(const std::string& name);
    bool tap_print_choice();
    // Waits until the screen shows the clinic's number as a QR that dials it (the fallback when a
    // slip cannot be printed).
    bool wait_for_number_qr(std::chrono::milliseconds timeout, const std::string& name);
    // Slips fully received by the listener (each ends in a cut).
    [[nodiscard]] int slips_received() const;

    // Screenshots every ~second for `span`, handing each to `look` (return false to stop early).
    void watch(std::chrono::milliseconds span, const std::string& name,
               const std::function<bool(const std::filesystem::path&)>& look);
    // Time for every slide to have been on screen at least once, with margin.
    [[nodiscard]] std::chrono::milliseconds one_loop() const;
    // Waits until the fault slide's blue picture is on screen (the deck is live and looping).
    bool wait_for_fault_slide(std::chrono::milliseconds timeout, const std::string& name);

    // Writes the stage's slides (bundled copy + the fault slide) into `folder`.
    void write_slides(const std::filesystem::path& folder) const;

private:
    FaultOptions options_;
    TempDir dir_{"kiosk-fault"};
    std::filesystem::path slides_;
    std::filesystem::path config_;
    XSession x_{kW, kH};
    std::unique_ptr<EscposListener> printer_;
    ChildProcess kiosk_;
    std::filesystem::path log_;
};

// Timeouts grow under AddressSanitizer (deploy/setup.sh sets KIOSK_TEST_ASAN=1): the same checks,
// a slower program. Never a reason to skip.
[[nodiscard]] bool under_asan();
[[nodiscard]] std::chrono::milliseconds scaled(std::chrono::milliseconds t);

// Share of the picture's pixels within a few percent of `hex` ("#RRGGBB"), 0..1; -1 on error.
[[nodiscard]] double colour_fraction(const std::filesystem::path& png, const std::string& hex);
// Grey-level standard deviation (0..1) and distinct colours of a region ("WxH+X+Y").
[[nodiscard]] double grey_stddev(const std::filesystem::path& png, const std::string& crop = {});
// A plain PNG of one colour (ImageMagick).
bool write_plain_png(const std::filesystem::path& png, int w, int h, const std::string& hex);
// A valid 20000×20000 greyscale PNG (about 60 KB on disk, 400 MB once decoded), written with zlib.
bool write_huge_png(const std::filesystem::path& png, int w = 20000, int h = 20000);
// What tesseract reads in `crop` of the picture, enlarged (and inverted for light-on-dark text).
[[nodiscard]] std::string ocr_region(const std::filesystem::path& png, const std::string& crop, bool light_on_dark);
[[nodiscard]] std::string crop_of(int x, int y, int w, int h);

}  // namespace kiosk::test
