// What a printed slip says and in what order, independent of how it is printed: the ESC/POS
// encoder (escpos.h) and the cairo renderer (print/slip_renderer_cairo.h) both draw this model.
#pragma once

#include "codepage.h"
#include "config.h"
#include "print_status.h"
#include "slip_request.h"
#include "wiping_allocator.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk {

enum class TextSize {
    Normal,
    Large,  // headings: the clinic's name, the desk slip's title
    Huge,   // the phone number: as large as still fits on one line
};

enum class Align { Left, Center, Right };

struct SlipText {
    std::string text;  // UTF-8, one paragraph; renderers wrap it at word boundaries
    TextSize size = TextSize::Normal;
    bool bold = false;
    Align align = Align::Center;
    friend bool operator==(const SlipText&, const SlipText&) = default;
};

struct SlipQr {
    std::string payload;  // e.g. "tel:+15550100199"
    friend bool operator==(const SlipQr&, const SlipQr&) = default;
};

// A thin horizontal line across the paper.
struct SlipRule {
    friend bool operator==(const SlipRule&, const SlipRule&) = default;
};

// Blank space, in lines of normal text.
struct SlipFeed {
    int lines = 1;
    friend bool operator==(const SlipFeed&, const SlipFeed&) = default;
};

using SlipElement = std::variant<SlipText, SlipQr, SlipRule, SlipFeed>;

struct SlipLayout {
    SlipKind kind = SlipKind::TakeAway;  // the print worker sends a Desk slip to [desk_printer]
    int paper_width_mm = 80;
    int print_width_dots = 0;  // the printer's dots per line (0: from paper_width_mm); lines are laid out for it
    // Wiping storage: a short name or number lives inside the element itself, and is zeroed
    // with it when the vector frees (or outgrows) its block.
    SecretVector<SlipElement> elements;

    // A desk slip holds a patient's name and number: the print worker calls this once the job
    // is done, so the text does not linger in freed memory.
    void wipe();
};

// Composes the take-away slip (clinic, big phone number, hours, QR to call, what the patient was
// reading, time and slip number) or the desk slip ("Please call back: name, number, topic, time").
// Wording comes from config.text and config.clinic; the widths from the printer the slip goes to
// (config.desk_printer for a desk slip when one is configured, else config.printer).
[[nodiscard]] SlipLayout compose_slip(const KioskConfig& config, const SlipRequest& request);
// Staff's test slip for one printer: the take-away slip (nothing of a patient's in it) laid out for
// that printer's width, so a test on the desk printer shows what the desk printer prints.
[[nodiscard]] SlipLayout compose_test_slip(const KioskConfig& config, const SlipRequest& request, PrinterRole printer);

// "+1 555 010 0199" -> "tel:+15550100199", "+34 912 345 678 ext. 1234" -> "tel:+34912345678;ext=1234"
// (phone_number.h). Returns "" when it is not a number a phone can dial.
[[nodiscard]] std::string tel_uri(std::string_view phone);

// The printer that gets `kind`'s slip ([desk_printer] for a desk slip when configured).
[[nodiscard]] const PrinterConfig& printer_for(const KioskConfig& config, SlipKind kind);

// Replaces every text by what a printer in `codepage` prints for it ("–" -> "-", emoji -> "?"), so a
// preview drawn from the layout shows the paper as it will come out.
void as_printed(SlipLayout& layout, Codepage codepage);

// "2024-05-14 10:32" in the kiosk's local time: unambiguous in every language.
[[nodiscard]] std::string format_slip_time(WallTime when);

}  // namespace kiosk
