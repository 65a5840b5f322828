// The kiosk's settings (kiosk.toml). Every field has a built-in default so the kiosk runs with no
// config file at all. A mistake costs that setting alone: it is reported as file:line and keeps its
// last good value (or its default), while every valid setting beside it is applied.
#pragma once

#include "audio_config.h"
#include "diagnostic.h"
#include "display_schedule.h"
#include "status_config.h"
#include "web_config.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// The article names the clinic but gives no number: this obviously fictional one (555-01xx is
// reserved for fiction) is used until the clinic sets its own, and the kiosk warns at start-up.
inline constexpr std::string_view kPlaceholderPhone = "+1 555 010 0199";

struct ClinicConfig {
    std::string name = "Epic Healthcare & Physical Medicine";
    std::string phone = std::string(kPlaceholderPhone);
    std::string hours = "Mon–Fri 8:00–18:00";
    // No trustworthy number: the file's phone is broken and there is no last good one. Then
    // `phone` is empty, nothing shows or prints a number, and patients read UiStrings::ask_at_desk.
    bool phone_hidden = false;
    [[nodiscard]] bool phone_is_placeholder() const { return !phone_hidden && phone == kPlaceholderPhone; }
    // A number the clinic set itself (not hidden, not the placeholder): worth keeping over a bad edit.
    [[nodiscard]] bool phone_is_real() const { return !phone_hidden && phone != kPlaceholderPhone; }
    friend bool operator==(const ClinicConfig&, const ClinicConfig&) = default;
};

struct ThemeConfig {
    Rgb background{0xFA, 0xF7, 0xF2};   // warm off-white
    Rgb text{0x1B, 0x26, 0x33};         // near-black navy: > 12:1 on the background
    Rgb accent{0x0A, 0x5A, 0x66};       // deep teal for titles and bullets: 7.4:1 on the background
    Rgb footer_background{0x1B, 0x26, 0x33};
    Rgb footer_text{0xFF, 0xFF, 0xFF};
    Rgb button_background{0xB8, 0x3B, 0x0E};  // warm burnt orange, white text ≥ 5.9:1 at large size
    Rgb button_text{0xFF, 0xFF, 0xFF};
    std::string font_family = "Noto Sans";
    friend bool operator==(const ThemeConfig&, const ThemeConfig&) = default;
};

struct PlayerConfig {
    double transition_seconds = 1.2;    // crossfade length
    double idle_timeout_seconds = 30;   // panels return to the loop after this
    double min_slide_seconds = 8;       // reading-time clamp
    double max_slide_seconds = 40;
    friend bool operator==(const PlayerConfig&, const PlayerConfig&) = default;
};

struct PrinterConfig {
    std::string uri = "none";           // tcp://HOST:PORT, file:///dev/usb/lp0, cups://QUEUE, none
    int paper_width_mm = 80;            // 58 or 80
    std::string codepage = "cp858";     // ESC/POS code page the text is transcoded to
    bool raster_qr = false;             // print the QR as a GS v 0 raster image instead of GS ( k
    int print_width_dots = 0;           // dots per line (384, 512, 576 ...); 0: from paper_width_mm
    double confirm_seconds = 10;        // wait this long for the printer to say the slip is done (GS ( H)
    double job_deadline_seconds = 60;   // a job not finished by then is cancelled
    double min_seconds_between_slips = 10;
    int max_slips_per_hour = 20;
    friend bool operator==(const PrinterConfig&, const PrinterConfig&) = default;
};

// [desk_printer]: where the desk's call-back slip (a patient's name and number) is printed, e.g. a
// printer behind the counter or a CUPS queue on the desk PC. uri "none": see `without`.
enum class DeskFallback {
    HandToDesk,  // print the call-back slip on [printer]; the screen asks the patient to hand it in
    Hide,        // no call-back choice at all
};
struct DeskPrinterConfig {
    PrinterConfig printer;  // same options as [printer]; uri "none" by default
    DeskFallback without = DeskFallback::HandToDesk;
    [[nodiscard]] bool configured() const { return printer.uri != "none"; }
    friend bool operator==(const DeskPrinterConfig&, const DeskPrinterConfig&) = default;
};

struct StaffConfig {
    std::string pin_hash;               // from `kiosk hash-pin`; empty = staff panel disabled
    int max_pin_attempts = 5;
    double lockout_seconds = 300;
    std::string stats_file = "/var/lib/kiosk/usage.log";  // counters; never personal data
    friend bool operator==(const StaffConfig&, const StaffConfig&) = default;
};

// Every sentence a patient can read, so a clinic can translate or reword them.
struct UiStrings {
    std::string button_label = "Interested? Touch here";
    std::string panel_title = "How can we help?";
    std::string choice_print = "Print our number";
    std::string choice_callback = "Ask us to call you";
    std::string choice_show = "Show the number";
    std::string close = "Close";
    std::string back = "Back";
    std::string call_us = "Call us";
    std::string hours_label = "Opening hours";
    std::string scan_to_call = "Scan to call";
    std::string printing = "Your slip is printing, please take it from the slot below.";
    std::string callback_printing = "Thank you. The desk will call you back.";
    // While a call-back slip goes to the desk's own printer: nothing comes out here.
    std::string callback_sending = "Sending your request to the desk…";
    std::string printed = "Your slip has been printed. Please take it from the slot below.";
    std::string sent_not_confirmed = "Your slip was sent to the printer. If nothing comes out, please ask at the desk.";
    std::string callback_sent_not_confirmed =
        "Your request was sent to the desk's printer. If nobody calls you, please ask at the desk.";
    std::string callback_hand_in = "Please take the slip from the slot below and hand it to the desk. They will call you back.";
    std::string extension_label = "Extension";
    std::string printer_out_of_paper = "The printer is out of paper.";
    std::string printer_offline = "The printer is not available right now.";
    std::string checking_printer = "Checking the printer…";
    std::string printer_error = "The slip could not be printed.";
    std::string rate_limited = "Please wait a moment before printing another slip.";
    std::string here_is_number = "Here is our number:";
    std::string keypad_name = "Your first name (optional)";
    std::string keypad_phone = "Your phone number";
    std::string keypad_submit = "Send to the desk";
    std::string keypad_submit_hand_in = "Print a slip for the desk";  // no desk printer: it prints here
    std::string invalid_phone = "Please check the number: it needs 7 to 15 digits.";
    std::string invalid_name = "Please use only letters in the name.";
    std::string name_too_long = "Please use at most 20 letters for the name.";
    std::string disclaimer = "General information, not medical advice. Please ask our staff.";
    std::string no_slides = "Welcome. Please ask our staff if you have any questions.";
    std::string you_were_reading = "You were reading:";
    std::string callback_slip_title = "Please call back";
    std::string interested_in = "Interested in:";
    // Shown instead of the clinic's number while it is hidden (see ClinicConfig::phone_hidden).
    std::string ask_at_desk = "Please ask at the desk.";
    std::string read_aloud = "Read aloud";  // the Read aloud control, beside a speaker symbol
    std::string stop_reading = "Stop";      // the same control while it speaks
    friend bool operator==(const UiStrings&, const UiStrings&) = default;
};

// [languages] and [text.xx]: the deck's own language and the others a patient may choose (parsed in
// language_config.cpp). With no other language the kiosk shows no language button.
struct LanguageOption {
    std::string code;  // "es": slides named NNN-name.es.md, sentences in [text.es]
    std::string name;  // as its speakers write it: "Español"
    UiStrings text;    // [text.es] over [text], key by key
    friend bool operator==(const LanguageOption&, const LanguageOption&) = default;
};
struct LanguagesConfig {
    std::string default_code = "en";
    std::string default_name = "English";
    std::vector<LanguageOption> others;  // in the file's order
    [[nodiscard]] const LanguageOption* find(std::string_view code) const {
        for (const auto& l : others) {
            if (l.code == code) return &l;
        }
        return nullptr;
    }
    friend bool operator==(const LanguagesConfig&, const LanguagesConfig&) = default;
};

// Where the kiosk keeps what must outlive a restart: the PIN lockout, the status file, the
// screenshot request socket. The package creates it (owned by the kiosk user).
struct SystemConfig {
    std::string state_dir = "/var/lib/kiosk";
    friend bool operator==(const SystemConfig&, const SystemConfig&) = default;
};

// The screen as mounted. Helper H's on/off schedule keys join this section (own parse function).
struct DisplayConfig {
    // Degrees clockwise the picture is turned for a screen mounted sideways or upside down when the
    // compositor cannot rotate: 0, 90, 180 or 270. At 90/270 a 1920×1080 panel gets the portrait layout.
    int rotate = 0;
    friend bool operator==(const DisplayConfig&, const DisplayConfig&) = default;
};

struct KioskConfig {
    ClinicConfig clinic;
    ThemeConfig theme;
    PlayerConfig player;
    PrinterConfig printer;
    DeskPrinterConfig desk_printer;
    StaffConfig staff;
    UiStrings text;
    SystemConfig system;
    DisplayScheduleConfig display_schedule;  // [display] on/off times, touch-wake
    StatusConfig status;                     // [status]
    DisplayConfig display;                   // [display] rotate
    WebConfig web;                           // [web] the staff web page (web_config.h)
    LanguagesConfig languages;               // [languages], [text.xx]
    AudioConfig audio;                       // [audio] Read aloud
    friend bool operator==(const KioskConfig&, const KioskConfig&) = default;
};

struct ConfigResult {
    KioskConfig config;        // the file's valid settings over the defaults; bad ones as in `last_good`
    Diagnostics diagnostics;   // each error names the one setting that kept its previous value
    bool readable = true;      // false: the file could not be read or parsed at all (config ≈ last_good)
};

// Parses kiosk.toml text; `source_name` is used in diagnostics. The merge rules, per setting:
//  * written and valid: applied;  * left out: its default (deleting a line restores the default);
//  * written but invalid, or misspelt (an unknown key that is a typo of it, or a misspelt section):
//    the value in `last_good` (the settings in use; the defaults at first start).
//  * The clinic's phone never falls back to the fictional placeholder: with no real last good
//    number it becomes hidden (ClinicConfig::phone_hidden).
// A syntax error keeps `last_good` whole; at first start the phone is then taken only from the
// lines above the broken one, when they parse on their own (else it is hidden).
[[nodiscard]] ConfigResult parse_config(std::string_view toml_text, const std::string& source_name,
                                        const KioskConfig& last_good = {});
// Reads and parses a file. An unreadable file is an error diagnostic and `last_good` is returned.
[[nodiscard]] ConfigResult load_config(const std::filesystem::path& file, const KioskConfig& last_good = {});

}  // namespace kiosk
