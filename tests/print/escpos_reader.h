// Test-only: prints ESC/POS bytes onto imaginary paper the way a receipt printer with a given print
// area would, written from the command reference and sharing nothing with the encoder. Text goes
// into a line buffer at the active font and size; a line that would run past the area wraps (as a
// printer does, mid-word), which is what the slip must never make a printer do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::test {

struct PaperLine {
    std::string text;  // in the printer's code page
    int width_mul = 1, height_mul = 1;
    bool bold = false;
    bool font_b = false;
    int dots = 0;          // how wide the printed characters are
    bool wrapped = false;  // the printer had to break this line because it ran past the area
};

struct PaperRaster {
    int width_dots = 0, height = 0;
};

struct Paper {
    int area_dots = 0;  // the printer's area, narrowed by GS W
    std::vector<PaperLine> lines;
    std::vector<PaperRaster> rasters;
    std::vector<std::string> qr_payloads;  // printed (stored, then GS ( k fn 81)
    std::vector<std::string> problems;     // bytes it did not understand, rasters past the edge, ...
    int cuts = 0;

    [[nodiscard]] const PaperLine* line_with(const std::string& text) const;
    [[nodiscard]] std::string all_text() const;  // lines joined with '\n'
};

// `printer_dots`: the physical print area of the printer being imitated (384, 512, 576, ...).
[[nodiscard]] Paper print_on_paper(const std::vector<std::uint8_t>& bytes, int printer_dots);

}  // namespace kiosk::test
