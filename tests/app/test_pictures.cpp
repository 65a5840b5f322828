#include "app/test_pictures.h"

#include "app/sdl_ptrs.h"

#include <SDL_image.h>
#include <zlib.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace kiosk::test {

namespace {

void put_be32(std::string& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xFF));
}

void put_chunk(std::ofstream& out, const char* type, const std::string& data) {
    std::string c;
    put_be32(c, static_cast<std::uint32_t>(data.size()));
    c += type;
    c += data;
    const auto* typed = reinterpret_cast<const Bytef*>(c.data() + 4);
    put_be32(c, static_cast<std::uint32_t>(crc32(0, typed, static_cast<uInt>(4 + data.size()))));
    out.write(c.data(), static_cast<std::streamsize>(c.size()));
}

}  // namespace

bool write_solid_picture(const std::filesystem::path& file, int w, int h, std::uint32_t rgb) {
    sdl::Surface s(SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24));
    if (!s) return false;
    SDL_FillRect(s.get(), nullptr, SDL_MapRGB(s->format, (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
    std::filesystem::create_directories(file.parent_path());
    if (file.extension() == ".jpg") return IMG_SaveJPG(s.get(), file.c_str(), 90) == 0;
    return IMG_SavePNG(s.get(), file.c_str()) == 0;
}

bool write_black_png(const std::filesystem::path& file, int w, int h) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put_be32(ihdr, static_cast<std::uint32_t>(w));
    put_be32(ihdr, static_cast<std::uint32_t>(h));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
    put_chunk(out, "IHDR", ihdr);

    // The image data is h rows of (filter byte 0 + w×3 zero bytes): all zeros. Compress a block
    // of rows once with a full flush (each block then stands alone) and repeat it.
    const std::size_t row = 1 + static_cast<std::size_t>(w) * 3;
    const int rows_per_block = 50;
    const std::vector<Bytef> zeros(row * rows_per_block, 0);
    auto deflate_chunk = [](z_stream& z, const Bytef* in, std::size_t n, int flush) {
        std::string packed;
        std::array<Bytef, 65536> buf{};
        z.next_in = const_cast<Bytef*>(in);
        z.avail_in = static_cast<uInt>(n);
        do {
            z.next_out = buf.data();
            z.avail_out = buf.size();
            deflate(&z, flush);
            packed.append(reinterpret_cast<const char*>(buf.data()), buf.size() - z.avail_out);
        } while (z.avail_out == 0);
        return packed;
    };
    z_stream z{};
    if (deflateInit(&z, 9) != Z_OK) return false;
    const std::string first = deflate_chunk(z, zeros.data(), zeros.size(), Z_FULL_FLUSH);  // has the zlib header
    const std::string repeat = deflate_chunk(z, zeros.data(), zeros.size(), Z_FULL_FLUSH);
    int left = h - 2 * rows_per_block;
    std::string idat = first + repeat;
    uLong adler = adler32(0L, Z_NULL, 0);
    const uLong block_adler = adler32(adler32(0L, Z_NULL, 0), zeros.data(), static_cast<uInt>(zeros.size()));
    adler = adler32_combine(adler, block_adler, static_cast<z_off_t>(zeros.size()));
    adler = adler32_combine(adler, block_adler, static_cast<z_off_t>(zeros.size()));
    put_chunk(out, "IDAT", idat);
    while (left >= rows_per_block) {
        put_chunk(out, "IDAT", repeat);
        adler = adler32_combine(adler, block_adler, static_cast<z_off_t>(zeros.size()));
        left -= rows_per_block;
    }
    // The last rows, then the end of the stream. Its Adler-32 is replaced by the whole image's.
    std::string tail = deflate_chunk(z, zeros.data(), row * static_cast<std::size_t>(left), Z_FINISH);
    deflateEnd(&z);
    if (left > 0)
        adler = adler32_combine(adler, adler32(adler32(0L, Z_NULL, 0), zeros.data(), static_cast<uInt>(row * left)),
                                static_cast<z_off_t>(row * static_cast<std::size_t>(left)));
    if (tail.size() < 4) return false;
    tail.resize(tail.size() - 4);
    put_be32(tail, static_cast<std::uint32_t>(adler));
    put_chunk(out, "IDAT", tail);
    put_chunk(out, "IEND", "");
    return static_cast<bool>(out);
}

long peak_rss_mb(const std::string& pid) {
    std::ifstream in("/proc/" + pid + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream ss(line.substr(6));
            long kb = -1;
            ss >> kb;
            return kb < 0 ? -1 : kb / 1024;
        }
    }
    return -1;
}

std::string surface_pixel(const void* pixels, int pitch, int x, int y) {
    const auto* p = static_cast<const std::uint8_t*>(pixels) + static_cast<std::ptrdiff_t>(y) * pitch + x * 4;
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    return buf;
}

}  // namespace kiosk::test
