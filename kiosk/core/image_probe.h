// Reads an image's format and pixel size from its header only, so an enormous picture (say
// 20000×20000, 1.6 GB decoded) is refused before anything tries to decode it.
#pragma once

#include "slide.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Largest picture the kiosk accepts: a 4K screen needs no more, and decoding stays under ~70 MB.
inline constexpr int kMaxImageSide = 8192;
inline constexpr long long kMaxImagePixels = 4096LL * 4096LL;

struct ImageProbe {
    std::optional<SlideImage> image;  // set when the header was understood
    std::string error;                // otherwise: why, in plain words
};

[[nodiscard]] ImageProbe probe_image(const std::filesystem::path& file);
// The same from the file's bytes, already read safely (read_picture_file); `file` names the picture.
[[nodiscard]] ImageProbe probe_image_data(std::string_view bytes, const std::filesystem::path& file);

}  // namespace kiosk
