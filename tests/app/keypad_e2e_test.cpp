// The call-back keypad under a real Xvfb, the way a patient uses it: one tap, then hands off the
// screen. Every touch must show in the next frame with no further input (the kiosk draws only on
// change, so a key that changes the view without asking for a frame stays invisible until the next
// touch). Screenshots stay in the shots folder for a person to look at.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "core/slide_layout.h"
#include "core/touch_panel_layout.h"
#include "print/escpos_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

constexpr int kW = 1920, kH = 1080;

std::string crop_of(const kiosk::Rect& r) {
    return std::to_string(r.w) + "x" + std::to_string(r.h) + "+" + std::to_string(r.x) + "+" + std::to_string(r.y);
}

bool tap_centre(const XSession& x, const kiosk::Rect& r) {
    return x.tap(r.x + r.w / 2, r.y + r.h / 2);
}

// A kiosk with a working ESC/POS printer (so "Ask us to call you" is offered) on one text slide.
struct KeypadStage {
    EscposListener printer{ListenerMode::Ok};
    TempDir dir{"kiosk-keypad"};
    fs::path slides = dir.path() / "slides";
    fs::path config;
    XSession x{kW, kH};

    KeypadStage() {
        fs::create_directories(slides);
        dir.write("slides/010-welcome.md",
                  "+++\nlayout = \"text-only\"\nduration = 20\n+++\n# Welcome\n\nOur team is here to help.\n");
        config = dir.write("kiosk.toml",
                           state_dir_toml(dir.path()) + "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                           "hours = \"Mon-Fri 8:00-18:00\"\n"
                           "[player]\nidle_timeout_seconds = 120\n"
                           "[printer]\nuri = \"tcp://127.0.0.1:" +
                               std::to_string(printer.port()) +
                               "\"\nmin_seconds_between_slips = 0\nmax_slips_per_hour = 100\n"
                               "[staff]\nstats_file = \"" +
                               (dir.path() / "usage.log").string() + "\"\n");
    }
    [[nodiscard]] std::vector<std::string> run_args() const {
        return {"--config", config.string(), "--slides", slides.string()};
    }
};

// Waits until a region stops changing (two equal screenshots in a row), for screens that animate in.
bool settled(const XSession& x, const std::string& crop, const fs::path& out, std::chrono::milliseconds timeout) {
    const fs::path previous = fs::path(out).replace_extension(".prev.png");
    return wait_until(
        [&] {
            std::this_thread::sleep_for(150ms);
            if (!x.screenshot(out, crop)) return false;
            const bool same = fs::exists(previous) && differing_pixels(previous, out) == 0;
            fs::copy_file(out, previous, fs::copy_options::overwrite_existing);
            return same;
        },
        timeout);
}

const kiosk::KeyRect* key_for(const std::vector<kiosk::KeyRect>& keys, char32_t ch) {
    const auto it = std::find_if(keys.begin(), keys.end(),
                                 [&](const kiosk::KeyRect& k) { return k.kind == kiosk::KeyKind::Char && k.ch == ch; });
    return it == keys.end() ? nullptr : &*it;
}

// What tesseract reads inside `r` (inset by `inset_px` past its outline, 8th of the size when
// negative, on a white margin, doubled): one glyph (page segmentation 10) or one line ("7"), with no
// spaces or line breaks.
std::string read_glyph(const XSession& x, const kiosk::Rect& r, const fs::path& png, const char* psm = "10",
                       int inset_px = -1) {
    const int dx = inset_px >= 0 ? inset_px : r.w / 8, dy = inset_px >= 0 ? inset_px : r.h / 8;
    if (!x.screenshot(png, crop_of(kiosk::Rect{r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy})))
        return "(no screenshot)";
    const fs::path padded = fs::path(png).replace_extension(".ocr.png");
    run_command({"convert", png.string(), "-bordercolor", "white", "-border", "30", "-resize", "200%", padded.string()},
                {}, 30s);
    // Into a file: the command's output also carries tesseract's chatter on stderr.
    const fs::path base = fs::path(png).replace_extension("");
    run_command({"tesseract", padded.string(), base.string(), "--psm", psm}, {{"OMP_THREAD_LIMIT", "1"}}, 60s);
    const fs::path txt = fs::path(base.string() + ".txt");
    std::string out = fs::exists(txt) ? read_file(txt) : std::string();
    out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
              out.end());
    return out;
}

}  // namespace

TEST(KeypadE2E, EachTouchShowsInTheNextFrameWithNoFurtherInput) {
    const std::string missing = missing_tools({{"Xvfb", "xvfb"},
                                               {"xdotool", "xdotool"},
                                               {"import", "imagemagick"},
                                               {"compare", "imagemagick"},
                                               {"tesseract", "tesseract-ocr"}});
    ASSERT_TRUE(missing.empty()) << missing;
    KeypadStage s;
    ASSERT_TRUE(s.x.ok()) << s.x.error();
    ASSERT_TRUE(fs::exists(kiosk_binary())) << "not built: " << kiosk_binary();
    KioskRun kiosk(s.x, s.run_args(), s.dir.path() / "kiosk.log");
    const fs::path scratch = shots_dir() / "keypad-scratch.png";
    ASSERT_TRUE(wait_for_kiosk_on_screen(s.x, scratch, 20s)) << kiosk.log();

    const kiosk::PanelFrame frame = kiosk::panel_frame(kW, kH);
    const kiosk::KeypadLayout pad = kiosk::keypad_layout(frame);
    const std::vector<kiosk::KeyRect> digits = kiosk::digit_keys(pad.keyboard, kW, kH);
    const std::vector<kiosk::KeyRect> letters = kiosk::letter_keys(pad.keyboard, kW, kH);
    const kiosk::KeyRect* five = key_for(digits, U'5');
    ASSERT_NE(five, nullptr) << "the digit pad has no 5";

    // Open the panel, then "Ask us to call you" (the second of three choices).
    const kiosk::Rect button = kiosk::compute_regions(kW, kH, kiosk::SlideLayoutKind::TextOnly, false).button;
    ASSERT_TRUE(tap_centre(s.x, button));
    ASSERT_TRUE(wait_until([&] { return s.x.screenshot(scratch) && pixel_colour(scratch, 2, 2) != "#FAF7F2"; }, 10s))
        << "tapping the touch button did not open the panel\n"
        << kiosk.log();
    std::this_thread::sleep_for(300ms);
    ASSERT_TRUE(tap_centre(s.x, kiosk::choice_rects(frame, 3).at(1)));

    // The keypad is up with the phone field active and empty: the "before" picture.
    const fs::path empty_field = shots_dir() / "keypad-1-phone-empty.png";
    ASSERT_TRUE(settled(s.x, crop_of(pad.phone_field), empty_field, 10s)) << kiosk.log();
    const fs::path digit_pad = shots_dir() / "keypad-1-digit-pad.png";
    ASSERT_TRUE(s.x.screenshot(digit_pad, crop_of(pad.keyboard)));

    // One tap on 5, then nothing: the digit must appear by itself.
    ASSERT_TRUE(tap_centre(s.x, five->rect));
    const fs::path typed = shots_dir() / "keypad-2-phone-after-5.png";
    long changed = 0;
    wait_until(
        [&] {
            std::this_thread::sleep_for(200ms);
            return s.x.screenshot(typed, crop_of(pad.phone_field)) &&
                   (changed = differing_pixels(empty_field, typed)) > 200;
        },
        5s);
    EXPECT_GT(changed, 200) << "the phone field did not change within 5 s of one tap on 5 (no further input): "
                               "the key was handled but never drawn. Compare "
                            << empty_field << " with " << typed;
    // The field shows the 5 and its caret (read as a bar or bracket, if at all): no other digit.
    const std::string field_read = read_glyph(s.x, pad.phone_field, shots_dir() / "keypad-2-phone-ocr.png", "7", 10);
    std::string field_digits;
    std::copy_if(field_read.begin(), field_read.end(), std::back_inserter(field_digits),
                 [](char c) { return c >= '0' && c <= '9'; });
    EXPECT_EQ(field_digits, "5") << "OCR of the phone field after one tap on 5 read '" << field_read << "'";

    // Touch the name field, then nothing: the letter keyboard must replace the digit pad.
    ASSERT_TRUE(tap_centre(s.x, pad.name_field));
    const fs::path keyboard = shots_dir() / "keypad-3-letter-keyboard.png";
    changed = 0;
    wait_until(
        [&] {
            std::this_thread::sleep_for(200ms);
            return s.x.screenshot(keyboard, crop_of(pad.keyboard)) &&
                   (changed = differing_pixels(digit_pad, keyboard)) > 5000;
        },
        5s);
    EXPECT_GT(changed, 5000) << "the digit pad stayed on screen within 5 s of touching the name field";
    // The letters a patient sees: read the first keys one by one (tesseract skips boxed text, so
    // each key is read inside its outline).
    for (const char32_t ch : {U'Q', U'W', U'E'}) {
        const kiosk::KeyRect* key = key_for(letters, ch);
        ASSERT_NE(key, nullptr);
        const char letter = static_cast<char>(ch);
        EXPECT_EQ(read_glyph(s.x, key->rect, shots_dir() / (std::string("keypad-3-key-") + letter + ".png")),
                  std::string(1, letter))
            << "the key where the letter keyboard has " << letter << " does not show it";
    }

    EXPECT_TRUE(kiosk.running()) << kiosk.log();
    EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
}
