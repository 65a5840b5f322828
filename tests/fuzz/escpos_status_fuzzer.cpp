// What a device answers to DLE EOT 2 / DLE EOT 4 (kiosk::status_request()): the two answer bytes
// are decoded by decode_status() in print/escpos_printer.cpp's ask_status(). Any byte pair must
// decode to a definite printer state or be refused as "not an ESC/POS printer".
#include "core/escpos.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    for (std::size_t i = 0; i + kiosk::kStatusAnswerBytes <= size; i += kiosk::kStatusAnswerBytes) {
        const auto valid = [](std::uint8_t b) { return (b & 0x93U) == 0x12U; };
        const auto decoded = kiosk::decode_status(data[i], data[i + 1]);
        kiosk::fuzz::require(decoded.has_value() == (valid(data[i]) && valid(data[i + 1])),
                             "only status bytes with the fixed bits right are accepted");
        if (!decoded) continue;
        const kiosk::PrinterState s = kiosk::printer_state(*decoded);
        kiosk::fuzz::require(s != kiosk::PrinterState::Unknown && s != kiosk::PrinterState::None,
                             "a decoded answer is a definite state");
        if (decoded->paper_out)
            kiosk::fuzz::require(s == kiosk::PrinterState::PaperOut || s == kiosk::PrinterState::CoverOpen,
                                 "paper out is never reported as ready");
    }
    return 0;
}
