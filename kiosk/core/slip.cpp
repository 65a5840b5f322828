#include "slip.h"

#include "phone_number.h"
#include "printer_config.h"

#include <cstdio>

namespace kiosk {

namespace {

std::string slip_number_text(std::uint32_t n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%04u", static_cast<unsigned>(n));
    return buf;
}

std::string time_and_number(const SlipRequest& r) {
    return format_slip_time(r.when) + "  " + slip_number_text(r.slip_number);
}

SlipText text(std::string s, TextSize size = TextSize::Normal, bool bold = false) {
    return SlipText{std::move(s), size, bold, Align::Center};
}

void compose_take_away(const KioskConfig& c, const SlipRequest& r, SecretVector<SlipElement>& out) {
    const UiStrings& t = c.text;
    out.emplace_back(text(c.clinic.name, TextSize::Large, true));
    out.emplace_back(SlipRule{});
    if (c.clinic.phone_hidden) {
        // Patients cannot get this slip then (the panel does not offer it); a staff test print says why.
        out.emplace_back(text(t.ask_at_desk, TextSize::Normal, true));
    } else {
        out.emplace_back(text(t.call_us, TextSize::Normal, true));
        // The extension on a line of its own: it is said to the receptionist, never dialled.
        const PhoneParse phone = parse_phone(c.clinic.phone);
        out.emplace_back(text(phone.number ? phone.number->dialable : c.clinic.phone, TextSize::Huge, true));
        if (phone.number && !phone.number->extension.empty()) {
            out.emplace_back(text(t.extension_label + " " + phone.number->extension, TextSize::Large, true));
        }
    }
    if (!c.clinic.hours.empty()) {
        out.emplace_back(SlipFeed{1});
        out.emplace_back(text(t.hours_label, TextSize::Normal, true));
        out.emplace_back(text(c.clinic.hours));
    }
    if (const std::string uri = tel_uri(c.clinic.phone); !uri.empty()) {
        out.emplace_back(SlipFeed{1});
        out.emplace_back(SlipQr{uri});
        out.emplace_back(text(t.scan_to_call));
    }
    out.emplace_back(SlipRule{});
    if (!r.topic.empty()) {
        out.emplace_back(text(t.you_were_reading));
        out.emplace_back(text(r.topic, TextSize::Normal, true));
        out.emplace_back(SlipFeed{1});
    }
    out.emplace_back(text(time_and_number(r)));
}

void compose_desk(const KioskConfig& c, const SlipRequest& r, SecretVector<SlipElement>& out) {
    const UiStrings& t = c.text;
    out.emplace_back(text(t.callback_slip_title, TextSize::Large, true));
    out.emplace_back(SlipRule{});
    // The number is what the desk dials: grouped for reading, and larger than the name on any paper.
    if (!r.patient_name.empty()) out.emplace_back(text(r.patient_name, TextSize::Normal, true));
    out.emplace_back(text(group_phone_digits(r.patient_phone), TextSize::Huge, true));
    if (!r.topic.empty()) {
        out.emplace_back(SlipFeed{1});
        out.emplace_back(text(t.interested_in));
        out.emplace_back(text(r.topic, TextSize::Normal, true));
    }
    out.emplace_back(SlipRule{});
    out.emplace_back(text(time_and_number(r)));
}

}  // namespace

void SlipLayout::wipe() {
    for (SlipElement& e : elements) {
        if (auto* t = std::get_if<SlipText>(&e)) scrub(t->text);
        if (auto* q = std::get_if<SlipQr>(&e)) scrub(q->payload);
    }
    elements.clear();
}

SlipLayout compose_slip(const KioskConfig& config, const SlipRequest& request) {
    SlipLayout layout;
    const PrinterConfig& printer = printer_for(config, request.kind);
    layout.kind = request.kind;
    layout.paper_width_mm = printer.paper_width_mm;
    layout.print_width_dots = effective_print_dots(printer);
    layout.elements.reserve(16);  // both slips fit: no reallocation leaves moved-from copies behind
    if (request.kind == SlipKind::Desk) {
        compose_desk(config, request, layout.elements);
    } else {
        compose_take_away(config, request, layout.elements);
    }
    return layout;
}

SlipLayout compose_test_slip(const KioskConfig& config, const SlipRequest& request, PrinterRole printer) {
    SlipRequest take_away = request;
    take_away.kind = SlipKind::TakeAway;
    SlipLayout layout = compose_slip(config, take_away);
    if (printer == PrinterRole::Desk && config.desk_printer.configured()) {
        layout.paper_width_mm = config.desk_printer.printer.paper_width_mm;
        layout.print_width_dots = effective_print_dots(config.desk_printer.printer);
    }
    return layout;
}

std::string tel_uri(std::string_view phone) {
    const PhoneParse parsed = parse_phone(phone);
    return parsed.number ? tel_uri_for(*parsed.number) : std::string{};
}

const PrinterConfig& printer_for(const KioskConfig& config, SlipKind kind) {
    return kind == SlipKind::Desk && config.desk_printer.configured() ? config.desk_printer.printer : config.printer;
}

void as_printed(SlipLayout& layout, Codepage codepage) {
    for (SlipElement& e : layout.elements) {
        if (auto* t = std::get_if<SlipText>(&e)) {
            std::string printed = printable_text(t->text, codepage);
            scrub(t->text);
            t->text = std::move(printed);
        }
    }
}

std::string format_slip_time(WallTime when) {
    const LocalTime t = to_local(when);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return buf;
}

}  // namespace kiosk
