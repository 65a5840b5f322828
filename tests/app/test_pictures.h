// Real picture files for tests: solid-colour PNGs and JPEGs written with SDL_image, and a real,
// decodable 20000×20000 PNG written without ever holding its pixels (zlib, one compressed block
// of zeros repeated), so a test can put "a huge photo" in the slides folder cheaply.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk::test {

// Writes a w×h picture of one colour (0xRRGGBB); .png or .jpg by the file's extension.
bool write_solid_picture(const std::filesystem::path& file, int w, int h, std::uint32_t rgb);
// A valid black RGB PNG of w×h pixels (decoding it needs w×h×3 bytes or more).
bool write_black_png(const std::filesystem::path& file, int w, int h);
// The peak resident memory of a process so far (VmHWM), in MB; -1 if unknown. "self" or a PID.
long peak_rss_mb(const std::string& pid = "self");
// "#RRGGBB" of one pixel of an ARGB8888 surface read back from a software renderer.
std::string surface_pixel(const void* pixels, int pitch, int x, int y);

}  // namespace kiosk::test
