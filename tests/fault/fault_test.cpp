// One test per fault a bad file, a staff member, the printer or the box can cause. Each breaks one
// thing while the real kiosk runs, then asks what a patient would: the screen shows a slide, a
// touch opens the panel and Close closes it, and the kiosk stays inside its memory ceiling.
#include "core/slide_layout.h"
#include "fault/fault_stage.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

// Replaces a file the way an editor or a copy tool would: write beside it, rename over it.
void replace_file(const fs::path& target, const fs::path& with) {
    const fs::path tmp = target.parent_path() / (".tmp-" + target.filename().string());
    fs::copy_file(with, tmp, fs::copy_options::overwrite_existing);
    fs::rename(tmp, target);
}

std::string footer_clock_crop() {
    const kiosk::Rect c =
        kiosk::compute_regions(FaultStage::kW, FaultStage::kH, kiosk::SlideLayoutKind::TextOnly, false).footer_clock;
    return crop_of(c.x, c.y, c.w, c.h);
}

std::string hh_mm(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[8];
    std::strftime(buf, sizeof buf, "%H:%M", &tm);
    return buf;
}

// The footer clock reads `offset` from now (one minute either side, for a minute turning over).
bool footer_shows(FaultStage& s, std::chrono::seconds offset, const std::string& name, std::string* seen) {
    return wait_until(
        [&] {
            std::this_thread::sleep_for(700ms);
            const fs::path png = s.shot(name);
            if (!s.x().screenshot(png)) return false;
            *seen = ocr_region(png, footer_clock_crop(), true);
            const std::time_t now = std::time(nullptr) + offset.count();
            for (const std::time_t t : {now - 60, now, now + 60}) {
                if (seen->find(hh_mm(t)) != std::string::npos) return true;
            }
            return false;
        },
        scaled(15s));
}

// Two screenshots a slide's length apart differ over more than 2 % of the screen.
bool still_looping(FaultStage& s, const std::string& name) {
    const fs::path a = s.shot(name + "-a");
    const fs::path b = s.shot(name + "-b");
    if (!s.x().screenshot(a)) return false;
    std::this_thread::sleep_for(3s);
    return s.x().screenshot(b) && differing_pixels(a, b) > FaultStage::kW * FaultStage::kH / 50;
}

}  // namespace

TEST(FaultInjection, TruncatedPicture) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.wait_for_fault_slide(s.one_loop(), "before")) << "the fault slide never came up\n" << s.log();
    // Cut a valid PNG (a different colour) in the middle, as a copy that failed halfway would.
    const fs::path whole = s.dir() / "green.png";
    ASSERT_TRUE(write_plain_png(whole, 800, 600, "#2FA84F"));
    std::string bytes = read_file(whole);
    bytes.resize(bytes.size() / 2);
    const fs::path half = s.dir() / "half.png";
    std::ofstream(half, std::ios::binary) << bytes;
    replace_file(s.picture(), half);

    std::this_thread::sleep_for(s.one_loop());  // the slide comes round again with the fault in place
    EXPECT_TRUE(s.survived("after"));
    EXPECT_NE(s.log().find("fault.png"), std::string::npos) << "the log does not name the broken picture\n" << s.log();
}

TEST(FaultInjection, HugePicture) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.wait_for_fault_slide(s.one_loop(), "before")) << s.log();
    const fs::path huge = s.dir() / "huge.png";
    ASSERT_TRUE(write_huge_png(huge));
    replace_file(s.picture(), huge);

    // While the slide comes round again, the frame loop must neither stall nor balloon.
    std::this_thread::sleep_for(s.one_loop());  // the slide comes round again with the fault in place
    EXPECT_TRUE(s.survived("after"));
    EXPECT_NE(s.log().find("fault.png"), std::string::npos) << "the log does not name the refused picture\n" << s.log();
}

TEST(FaultInjection, FifoInPlaceOfPicture) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.wait_for_fault_slide(s.one_loop(), "before")) << s.log();
    // A FIFO blocks whoever opens it for reading until a writer comes: nobody ever will.
    fs::remove(s.picture());
    ASSERT_EQ(::mkfifo(s.picture().c_str(), 0644), 0);

    std::this_thread::sleep_for(s.one_loop());  // the slide comes round again with the fault in place
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, SymlinkSwapToAFileOutsideTheFolder) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.wait_for_fault_slide(s.one_loop(), "before")) << s.log();
    // A magenta picture outside the slides folder: nothing on the kiosk is that colour, so any
    // screenshot that has it shows the outside file.
    constexpr const char* kOutside = "#FF00FF";
    const fs::path outside = s.dir() / "outside" / "private.png";
    fs::create_directories(outside.parent_path());
    ASSERT_TRUE(write_plain_png(outside, 800, 600, kOutside));
    const fs::path link = s.slides() / "art" / ".swap";
    fs::create_symlink(outside, link);
    fs::rename(link, s.picture());

    double worst = 0;
    fs::path worst_shot;
    // A loop and a bit: the slide comes round at least once after the swap (stop at the first sight).
    s.watch(s.one_loop() + 4s, "loop", [&](const fs::path& png) {
        const double f = colour_fraction(png, kOutside);
        if (f > worst) {
            worst = f;
            worst_shot = s.shot("outside-shown");
            fs::copy_file(png, worst_shot, fs::copy_options::overwrite_existing);
        }
        return worst < 0.001;
    });
    EXPECT_LT(worst, 0.001) << "the picture outside the slides folder was shown: " << worst * 100
                            << " % of the screen is its colour in " << worst_shot;
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, SlideWrittenInTwoHalves) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.wait_for_fault_slide(s.one_loop(), "before")) << s.log();
    const fs::path slide = s.slides() / FaultStage::kFaultSlide;
    {
        // The first half stops inside the settings block: a broken file while the pause lasts.
        std::ofstream out(slide, std::ios::trunc);
        out << "+++\nimage = \"art/fau";
        out.flush();
        std::this_thread::sleep_for(2500ms);  // longer than the kiosk's debounce
        EXPECT_TRUE(s.screen_is_non_blank("half")) << "with half a slide file on disk";
        out << "lt.png\"\nlayout = \"image-left\"\n+++\n# Halves 4711\nBoth halves of this file arrived.\n";
    }
    // The finished file shows up when its slide comes round.
    std::string seen;
    bool shown = false;
    s.watch(2 * s.one_loop(), "loop", [&](const fs::path& png) {
        if (colour_fraction(png, FaultStage::kFaultBlue) < 0.05) return true;
        seen = ocr(png);
        shown = seen.find("4711") != std::string::npos;
        return !shown;
    });
    EXPECT_TRUE(shown) << "the slide written in two halves never showed its new title; last OCR:\n" << seen << s.log();
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, FolderEmptiedAndRefilled) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    for (const auto& e : fs::directory_iterator(s.slides())) fs::remove_all(e.path());
    std::this_thread::sleep_for(3s);
    EXPECT_TRUE(s.survived("empty"));

    s.write_slides(s.slides());
    EXPECT_TRUE(s.wait_for_fault_slide(s.one_loop() + 5s, "refilled"))
        << "the slides did not come back after the folder was refilled\n"
        << s.log();
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, FolderDeletedAndRecreated) {
    FaultStage s;
    ASSERT_TRUE(s.start());
    fs::remove_all(s.slides());
    std::this_thread::sleep_for(3s);
    EXPECT_TRUE(s.survived("deleted"));
    // A folder briefly gone keeps the last good slides on screen, and those keep their pictures:
    // what is drawn was decoded when it was loaded, not read again from a folder that is gone.
    EXPECT_TRUE(s.wait_for_fault_slide(s.one_loop(), "deleted-loop"))
        << "while the folder was gone, the fault slide never showed its picture (last screenshot "
        << s.shot("deleted-loop") << ")";

    // Recreated the way a staff member restores a backup: a new folder under the same name.
    s.write_slides(s.slides());
    EXPECT_TRUE(s.wait_for_fault_slide(s.one_loop() + 5s, "recreated"))
        << "the slides did not come back after the folder was recreated\n"
        << s.log();
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, UnreadableFiles) {
    // The kiosk runs as `nobody` (FaultStage), so chmod 000 really makes the files unreadable to it.
    FaultStage s;
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.wait_for_fault_slide(s.one_loop(), "before")) << s.log();
    fs::permissions(s.picture(), fs::perms::none);
    fs::permissions(s.slides() / "020-massage.md", fs::perms::none);
    // A changed time stamp, as a save would give, so the watcher sees both files change.
    fs::last_write_time(s.picture(), fs::file_time_type::clock::now());
    fs::last_write_time(s.slides() / "020-massage.md", fs::file_time_type::clock::now());

    std::this_thread::sleep_for(s.one_loop());  // the slide comes round again with the fault in place
    EXPECT_TRUE(s.survived("after"));
    const std::string log = s.log();
    EXPECT_NE(log.find("020-massage.md"), std::string::npos) << "the log does not name the unreadable slide\n" << log;
}

TEST(FaultInjection, NoFonts) {
    // fontconfig with no font directories at all, and a family nobody has.
    TempDir conf_dir("kiosk-nofonts");
    fs::permissions(conf_dir.path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
    const fs::path conf = conf_dir.write(
        "fonts.conf",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n");
    fs::permissions(conf, fs::perms::owner_all | fs::perms::others_read);
    FaultOptions o;
    o.font_family = "No Such Typeface";
    o.kiosk_env["FONTCONFIG_FILE"] = conf.string();
    FaultStage s(o);
    ASSERT_TRUE(s.start()) << "with no usable font the kiosk must still light the screen";
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, PrinterThatNeverReads) {
    FaultOptions o;
    o.printer_mode = ListenerMode::NeverRead;
    o.listener_receive_buffer = 4096;
    FaultStage s(o);
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.open_panel("panel"));
    ASSERT_TRUE(s.tap_print_choice());
    // The slip cannot go out: within the job deadline (10 s) the patient gets the number instead.
    EXPECT_TRUE(s.wait_for_number_qr(25s, "number")) << "no number on screen after a printer that never reads\n"
                                                     << s.log();
    EXPECT_TRUE(s.close_panel("closed"));
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, PrinterPortClosed) {
    FaultOptions o;
    o.printer_port_closed = true;
    FaultStage s(o);
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.open_panel("panel"));
    ASSERT_TRUE(s.tap_print_choice());
    EXPECT_TRUE(s.wait_for_number_qr(15s, "number")) << "no number on screen with the printer's port closed\n"
                                                     << s.log();
    EXPECT_TRUE(s.close_panel("closed"));
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, PaperOutThenRefilled) {
    FaultOptions o;
    o.printer_mode = ListenerMode::PaperOut;
    FaultStage s(o);
    ASSERT_TRUE(s.start());
    ASSERT_TRUE(s.open_panel("out-panel"));
    ASSERT_TRUE(s.tap_print_choice());
    EXPECT_TRUE(s.wait_for_number_qr(15s, "out-number")) << "paper out: no number on screen\n" << s.log();
    EXPECT_EQ(s.slips_received(), 0) << "a slip was sent to a printer reporting paper out";
    ASSERT_TRUE(s.close_panel("out-closed"));

    // Staff refill the paper; the next patient who asks gets a slip.
    s.printer()->set_mode(ListenerMode::Ok);
    ASSERT_TRUE(s.open_panel("ok-panel"));
    ASSERT_TRUE(s.tap_print_choice());
    const bool printed = wait_until([&] { return s.slips_received() >= 1; }, scaled(12s));
    EXPECT_TRUE(printed) << "after the paper was refilled, a patient's print request printed nothing within "
                         << scaled(12s).count() << " ms (the kiosk connected to the printer "
                         << s.printer()->connections() << " times in all)\n"
                         << s.log();
    if (!printed) std::this_thread::sleep_for(1s);
    // Whatever the panel shows now (confirmation or number), Close brings the slides back.
    EXPECT_TRUE(s.close_panel("ok-closed"));
    EXPECT_TRUE(s.survived("after"));
}

TEST(FaultInjection, WallClockJumpsAnHourForwardAndBack) {
    // libfaketime re-reads the offset file on every clock call (no cache), so writing it jumps the
    // kiosk's wall clock while it runs. The monotonic clock is left alone, as with a real NTP step.
    const fs::path lib = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
    ASSERT_TRUE(fs::exists(lib)) << "missing " << lib << " (apt-get install faketime)";
    FaultOptions o;
    TempDir offset_dir("kiosk-faketime");
    fs::permissions(offset_dir.path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
    const fs::path offset = offset_dir.write("offset", "+0\n");
    fs::permissions(offset, fs::perms::owner_all | fs::perms::others_read);
    o.kiosk_env = {{"LD_PRELOAD", lib.string()},
                   {"FAKETIME_TIMESTAMP_FILE", offset.string()},
                   {"FAKETIME_NO_CACHE", "1"},
                   {"FAKETIME_DONT_FAKE_MONOTONIC", "1"},
                   {"FAKETIME_DISABLE_SHM", "1"},  // no shared start time: one process, no /dev/shm
                   // ASan wants to be the first library; libfaketime in LD_PRELOAD comes before it.
                   {"ASAN_OPTIONS", std::string(std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "") +
                                        ":verify_asan_link_order=0"}};
    FaultStage s(o);
    ASSERT_TRUE(s.start());
    std::string seen;
    EXPECT_TRUE(footer_shows(s, 0s, "clock-now", &seen)) << "footer clock before the jump; OCR read: " << seen;

    std::ofstream(offset, std::ios::trunc) << "+3600\n";
    EXPECT_TRUE(footer_shows(s, 3600s, "clock-forward", &seen)) << "footer clock after +1 h; OCR read: " << seen;
    EXPECT_TRUE(still_looping(s, "loop-forward")) << "the slides stopped after the clock jumped forward";

    std::ofstream(offset, std::ios::trunc) << "-3600\n";
    EXPECT_TRUE(footer_shows(s, -3600s, "clock-back", &seen)) << "footer clock after -1 h; OCR read: " << seen;
    EXPECT_TRUE(still_looping(s, "loop-back")) << "the slides stopped after the clock jumped back";
    EXPECT_TRUE(s.survived("after"));
}
