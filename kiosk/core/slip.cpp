#include "slip.h"

#include <cctype>
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
        out.emplace_back(text(c.clinic.phone, TextSize::Huge, true));
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
    if (!r.patient_name.empty()) out.emplace_back(text(r.patient_name, TextSize::Large, true));
    out.emplace_back(text(r.patient_phone, TextSize::Huge, true));
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
    layout.paper_width_mm = config.printer.paper_width_mm;
    layout.elements.reserve(16);  // both slips fit: no reallocation leaves moved-from copies behind
    if (request.kind == SlipKind::Desk) {
        compose_desk(config, request, layout.elements);
    } else {
        compose_take_away(config, request, layout.elements);
    }
    return layout;
}

std::string tel_uri(std::string_view phone) {
    std::string digits;
    for (const char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        } else if (c == '+' && digits.empty()) {
            digits = "+";
        }
    }
    if (digits.empty() || digits == "+") return {};
    return "tel:" + digits;
}

std::string format_slip_time(WallTime when) {
    const LocalTime t = to_local(when);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return buf;
}

}  // namespace kiosk
