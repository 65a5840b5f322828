// A picture file's header (PNG, JPEG or SVG). What the probe accepts must be within the limits
// the decoder is allowed to be given.
#include "core/image_probe.h"
#include "fuzz_input.h"

#include <fstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file = kiosk::fuzz::scratch_dir() / "picture";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const kiosk::ImageProbe p = kiosk::probe_image(file);
    if (p.image) {
        kiosk::fuzz::require(p.image->width > 0 && p.image->height > 0, "an accepted picture has a size");
        kiosk::fuzz::require(p.image->width <= kiosk::kMaxImageSide && p.image->height <= kiosk::kMaxImageSide,
                             "an accepted picture is within the side limit");
        kiosk::fuzz::require(static_cast<long long>(p.image->width) * p.image->height <= kiosk::kMaxImagePixels,
                             "an accepted picture is within the pixel limit");
    } else {
        kiosk::fuzz::require(!p.error.empty(), "a refused picture says why");
    }
    return 0;
}
