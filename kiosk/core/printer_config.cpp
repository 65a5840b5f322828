#include "printer_config.h"

namespace kiosk {

void read_printer_extras(const toml_util::Context& ctx, const toml::table& t, PrinterConfig& p,
                         const PrinterConfig& last) {
    if (!toml_util::get_int(ctx, t, "print_width_dots", p.print_width_dots, 0, 2400)) {
        p.print_width_dots = last.print_width_dots;
    } else if (p.print_width_dots != 0 && p.print_width_dots < 96) {
        ctx.error(ctx.line_of(*t.get("print_width_dots")),
                  "print_width_dots " + std::to_string(p.print_width_dots) + " is too narrow for a receipt printer",
                  "Give the printer's dots per line from its manual or self-test page (e.g. 384, 512 or 576), or 0 "
                  "to take it from paper_width_mm");
        p.print_width_dots = last.print_width_dots;
    }
    if (!toml_util::get_number(ctx, t, "confirm_seconds", p.confirm_seconds, 0, 120)) {
        p.confirm_seconds = last.confirm_seconds;
    }
}

void read_desk_fallback(const toml_util::Context& ctx, const toml::table& t, DeskPrinterConfig& d,
                        const DeskPrinterConfig& last) {
    std::string value;
    if (!t.get("fallback")) return;
    if (!toml_util::get_string(ctx, t, "fallback", value)) {
        d.without = last.without;
    } else if (value == "hand_to_desk") {
        d.without = DeskFallback::HandToDesk;
    } else if (value == "hide") {
        d.without = DeskFallback::Hide;
    } else {
        ctx.error(ctx.line_of(*t.get("fallback")), "[desk_printer] fallback \"" + value + "\" is not known",
                  "Write \"hand_to_desk\" (the call-back slip prints at the kiosk and the patient hands it in) or "
                  "\"hide\" (no call-back choice without a desk printer)");
        d.without = last.without;
    }
}

int effective_print_dots(const PrinterConfig& p) {
    if (p.print_width_dots > 0) return p.print_width_dots;
    return p.paper_width_mm <= 58 ? 384 : 576;
}

CallbackRoute callback_route(const KioskConfig& c) {
    // A desk printer takes call-backs whether or not the kiosk has a printer of its own (a clinic
    // may have only the one behind the counter); without it the kiosk's printer must print them.
    if (c.desk_printer.configured()) return CallbackRoute::DeskPrinter;
    if (c.printer.uri == "none") return CallbackRoute::NotOffered;
    if (c.desk_printer.without == DeskFallback::Hide) return CallbackRoute::NotOffered;
    return CallbackRoute::HandToDesk;
}

}  // namespace kiosk
