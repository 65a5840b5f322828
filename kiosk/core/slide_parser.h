// One slide file → Slide: splits the +++ front matter from the Markdown, checks every key, the
// image (inside the slides folder, readable, not huge) and the text. Problems become
// Diagnostics that name the file and line and say what to do; a slide with an error is rejected.
#pragma once

#include "config.h"
#include "diagnostic.h"
#include "slide.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Decodes a picture whose bytes were read safely and whose header passed the size limits, for the
// layout it is shown in (the app passes one using SDL_image that decodes at the size the picture
// is drawn; the core itself never decodes). Returns the pixels, or an error sentence.
struct PictureDecode {
    std::shared_ptr<const Picture> pixels;
    std::string error;
};
using PictureDecoder = std::function<PictureDecode(const SlideImage&, std::string_view bytes, SlideLayoutKind)>;

// Largest slide file read: a slide is a few lines; anything bigger is a mistake.
inline constexpr std::uintmax_t kMaxSlideFileBytes = 64 * 1024;

struct SlideParseResult {
    std::optional<Slide> slide;  // empty when rejected
    Diagnostics diagnostics;     // errors (why rejected) and warnings
};

// `display_name` is how staff know the file, e.g. "slides/020-massage.md".
[[nodiscard]] SlideParseResult parse_slide_file(const std::filesystem::path& file, const std::filesystem::path& slides_dir,
                                                const std::string& display_name, const KioskConfig& config,
                                                const PictureDecoder& decode_picture = {});

// The same from text already in memory (used by parse_slide_file and by tests).
[[nodiscard]] SlideParseResult parse_slide_text(std::string_view text, const std::filesystem::path& slides_dir,
                                                const std::string& display_name, const KioskConfig& config,
                                                const PictureDecoder& decode_picture = {});

}  // namespace kiosk
