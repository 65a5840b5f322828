// Reading kiosk.toml's [display] timetable and [status] section. Kept apart from config.cpp so the
// schedule's rules (day names, time ranges, midnight crossing) live next to their error messages.
#pragma once

#include "display_schedule.h"
#include "status_config.h"
#include "toml_helpers.h"

namespace kiosk {

// Reads [display]: day keys (mon … sun, ranges such as mon-fri, every_day) with "HH:MM-HH:MM",
// several ranges separated by commas, "off" or "all day"; wake_minutes; power_off_screen.
// A bad entry is reported as file:line and costs only its own days, which then stay lit all day
// (a dark screen by mistake is worse than a lit one at night).
void parse_display_schedule(const toml_util::Context& ctx, const toml::table& table, DisplayScheduleConfig& out);
void parse_status_config(const toml_util::Context& ctx, const toml::table& table, StatusConfig& out);

}  // namespace kiosk
