// Reads a slide's picture file into memory without ever blocking or leaving the slides folder:
// a pipe or device put in a picture's place is refused (never opened for a blocking read), a link
// whose target is outside the folder is refused by where the opened file really is, and the size
// is capped before anything is read. Every picture the kiosk shows comes through here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk {

// Largest picture file read: a 4096×4096 photo is a few MB; anything near this is a mistake.
inline constexpr std::uintmax_t kMaxPictureFileBytes = 32ull * 1024 * 1024;

struct PictureFile {
    std::string bytes;  // the whole file, when error is empty
    std::string error;  // what is wrong, to follow the picture's name: "is a pipe, not a picture file"
    std::string fix;    // what to do about it
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// `file` is the picture's path (inside `slides_dir`, possibly through links that stay inside).
[[nodiscard]] PictureFile read_picture_file(const std::filesystem::path& file, const std::filesystem::path& slides_dir,
                                            std::uintmax_t max_bytes = kMaxPictureFileBytes);

// A short fingerprint of a picture's bytes: a changed picture gets a new one, so a slide's cached
// texture and its decoded pixels are never reused for different content.
[[nodiscard]] std::string picture_digest(std::string_view bytes);

}  // namespace kiosk
