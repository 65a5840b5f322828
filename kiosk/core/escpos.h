// ESC/POS, the command language of thermal receipt printers: a slip layout encoded as the bytes
// to send (no I/O here), and the decoding of the printer's real-time status answers.
#pragma once

#include "codepage.h"
#include "print_status.h"
#include "slip.h"
#include "wiping_allocator.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk {

// What goes to the printer: a desk slip's bytes carry a patient's name and number, so the buffer
// (and every one it outgrew) is zeroed when freed.
using Bytes = SecretVector<std::uint8_t>;

struct EscposOptions {
    Codepage codepage = Codepage::Cp858;
    bool raster_qr = false;  // GS v 0 image instead of the printer's own QR (GS ( k) for old models
};

// Dots per printed line at 203 dpi: 384 on 58 mm paper, 576 on 80 mm paper.
[[nodiscard]] int printable_dots(int paper_width_mm);
// Font A characters are 12 dots wide.
inline constexpr int kFontAWidthDots = 12;
// Font B (ESC M 1) characters are 9 dots wide: used only for a word font A cannot fit.
inline constexpr int kFontBWidthDots = 9;

// The whole slip: ESC @, ESC t, the elements, feed and partial cut.
[[nodiscard]] Bytes encode_escpos(const SlipLayout& layout, const EscposOptions& options);

// QR module size in dots used for the paper width (both the native and the raster form).
[[nodiscard]] int qr_module_dots(int paper_width_mm);
// The same for a print area of `print_width_dots` (what the encoder uses).
[[nodiscard]] int qr_module_dots_for(int print_width_dots);

// GS ( H fn 48: the printer sends back 37 22 d1..d4 00 once it has processed (printed) everything
// before it. Unlike DLE EOT, it is answered in order, so it confirms the slip really came out.
// `id` is four ASCII digits.
[[nodiscard]] Bytes process_id_request(std::uint16_t id);
inline constexpr size_t kProcessIdAnswerBytes = 7;
// True when `answer` (7 bytes) is the process ID response for `id`.
[[nodiscard]] bool is_process_id_answer(const std::uint8_t* answer, std::uint16_t id);

// DLE EOT 2 (offline cause) followed by DLE EOT 4 (paper sensor): the printer answers each with
// one byte at once, even while busy, so a missing answer within a second means "not there".
[[nodiscard]] Bytes status_request();
inline constexpr size_t kStatusAnswerBytes = 2;

struct EscposStatus {
    bool cover_open = false;
    bool paper_out = false;       // stopped for paper end, or the paper-end sensor
    bool paper_near_end = false;
    bool error = false;           // cutter jam, overheating, ...
};

// Decodes the answers to status_request(); nullopt when a byte is not a valid status byte
// (bits 1 and 4 set, bits 0 and 7 clear), e.g. a device that is not an ESC/POS printer.
[[nodiscard]] std::optional<EscposStatus> decode_status(std::uint8_t offline_cause, std::uint8_t paper_sensor);

// Worst condition first: cover open, paper out, error, paper low, ready.
[[nodiscard]] PrinterState printer_state(const EscposStatus& status);

}  // namespace kiosk
