// Test-only: reads ESC/POS bytes back into commands, so tests can assert what a printer would do
// with what the kiosk sent (no maintained decoder exists that understands GS ( k).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::test {

enum class Cmd {
    Text,        // printable bytes up to the next command or LF; `data` holds them
    LineFeed,
    Init,        // ESC @
    Codepage,    // ESC t n
    Align,       // ESC a n
    Bold,        // ESC E n
    Size,        // GS ! n
    FeedLines,   // ESC d n
    QrModel,     // GS ( k fn 65
    QrModuleSize,// GS ( k fn 67
    QrErrorLevel,// GS ( k fn 69
    QrStore,     // GS ( k fn 80: `data` is the payload
    QrPrint,     // GS ( k fn 81
    Raster,      // GS v 0: `width_bytes`, `height`, `data` the bitmap
    Cut,         // GS V m [n]
    StatusRequest,// DLE EOT n
    PrintWidth,   // GS W nL nH: `arg` dots
    Font,         // ESC M n: 0 font A (12 dots), 1 font B (9 dots)
    FeedDots,     // ESC J n
    ProcessId,    // GS ( H fn 48: `data` the four ID digits
};

struct Command {
    Cmd cmd = Cmd::Text;
    int arg = 0;
    int width_bytes = 0, height = 0;
    std::string data;
};

struct ParseResult {
    std::vector<Command> commands;
    std::string error;  // empty when every byte was understood
};

ParseResult parse_escpos(const std::vector<std::uint8_t>& bytes);

// All Text commands joined with '\n' at line feeds (still in the printer's code page).
std::string printed_text(const std::vector<Command>& commands);

}  // namespace kiosk::test
