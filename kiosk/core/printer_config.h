// The [printer] and [desk_printer] settings added for printers that are not 48 columns wide and
// for a desk printer, read apart from config.cpp so the printing rules sit next to their messages.
#pragma once

#include "config.h"
#include "toml_helpers.h"

#include <string_view>

namespace kiosk {

// print_width_dots (0, or 96..2400 dots) and confirm_seconds (0..120; 0 = do not wait for the printer
// to confirm). A bad value is reported as file:line and keeps `last`'s.
void read_printer_extras(const toml_util::Context& ctx, const toml::table& t, PrinterConfig& p,
                         const PrinterConfig& last);
// [desk_printer] fallback = "hand_to_desk" (default) or "hide".
void read_desk_fallback(const toml_util::Context& ctx, const toml::table& t, DeskPrinterConfig& d,
                        const DeskPrinterConfig& last);

// Dots per printed line: print_width_dots when set, else 384 on 58 mm paper and 576 on 80 mm.
[[nodiscard]] int effective_print_dots(const PrinterConfig& p);

// Where a call-back slip goes: the desk printer, the kiosk's own printer (hand it in), or nowhere.
enum class CallbackRoute { DeskPrinter, HandToDesk, NotOffered };
[[nodiscard]] CallbackRoute callback_route(const KioskConfig& c);

}  // namespace kiosk
