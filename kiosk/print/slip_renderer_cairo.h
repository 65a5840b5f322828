// Draws a slip with cairo at its paper width: the PDF that goes to a CUPS queue, and the PNG or
// PDF previews of `kiosk slip --preview`. One renderer, so a preview shows what CUPS prints.
#pragma once

#include "core/slip.h"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

struct RenderResult {
    std::string error;  // empty on success
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// How long the slip comes out, in mm: the page length of its PDF (the width is paper_width_mm).
[[nodiscard]] double slip_length_mm(const SlipLayout& slip);

// A one-page PDF exactly as wide as the paper and as long as the slip; nullopt if cairo failed.
// In wiping storage: a desk slip's PDF carries a patient's name and number.
[[nodiscard]] std::optional<SecretString> render_slip_pdf(const SlipLayout& slip);

[[nodiscard]] RenderResult write_slip_pdf(const SlipLayout& slip, const std::filesystem::path& file);

// `pixels_per_mm` 8 is the 203 dpi of a thermal printer; QR modules land on whole pixels.
[[nodiscard]] RenderResult write_slip_png(const SlipLayout& slip, const std::filesystem::path& file,
                                          double pixels_per_mm = 8.0);

// Chooses PNG or PDF by the file's extension (.png / .pdf); anything else is an error.
[[nodiscard]] RenderResult write_slip_preview(const SlipLayout& slip, const std::filesystem::path& file);

}  // namespace kiosk
