// A QR code as a plain grid of modules, so every consumer draws it its own way: ESC/POS raster,
// cairo (PDF/PNG preview and CUPS) and the on-screen "Show the number" panel (SDL).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk {

struct QrMatrix {
    int size = 0;                        // modules per side; 0 when encoding failed
    std::vector<std::uint8_t> modules;   // size*size, row-major, 1 = dark; no quiet zone included

    [[nodiscard]] bool empty() const { return size == 0; }
    [[nodiscard]] bool dark(int x, int y) const {
        return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0;
    }
};

// The quiet zone scanners need around the code, in modules (ISO/IEC 18004 asks for 4).
inline constexpr int kQrQuietZone = 4;

// Encodes `payload` as 8-bit data at error correction level M (survives a smudged receipt).
// Returns an empty matrix for an empty or too long payload.
[[nodiscard]] QrMatrix make_qr(std::string_view payload);

}  // namespace kiosk
