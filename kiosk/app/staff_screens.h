// The staff screens drawn with Dear ImGui: the PIN keypad and the staff panel. Like the patient
// screens they only report what was touched (StaffTouch); StaffFlow in the core decides.
#pragma once

#include "core/config.h"
#include "core/deck.h"
#include "core/print_status.h"
#include "core/staff_flow.h"
#include "core/usage_log.h"
#include "touch_fonts.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct StaffTouch {
    enum class Kind { Digit, Backspace, Ok, Cancel, Command } kind = Kind::Digit;
    int digit = 0;
    StaffCommand command = StaffCommand::Close;
};

// What the panel shows, filled by the app each frame the panel is open.
struct StaffPanelModel {
    const Deck* deck = nullptr;
    std::string current_slide;        // file name on screen
    bool paused = false;
    PrinterStatus printer;
    bool printer_configured = false;
    PrinterStatus desk_printer;  // [desk_printer], where call-back slips go
    bool desk_printer_configured = false;
    std::string folder_status;        // "watching slides/" or why not
    std::string settings_status;      // kiosk.toml problems staff must fix (hidden phone, a bad line); empty when fine
    DailyTotals today;
    std::string last_test_print;      // result of the last test print, one line per printer, if any
    std::string last_print_problem;   // "Desk printer: out of paper (…)": the last slip that failed; empty: none
    std::vector<StaffTouch> touches;  // out: what was touched this frame
};

// Geometry comes from staff_keypad_layout / staff_panel_layout (core), colours from the theme.
void draw_pin_keypad(const StaffView& view, StaffPanelModel& model, const ThemeConfig& theme, const UiFonts& fonts,
                     int w, int h);
void draw_staff_panel(const StaffView& view, StaffPanelModel& model, const ThemeConfig& theme, const UiFonts& fonts,
                      int w, int h);

}  // namespace kiosk
