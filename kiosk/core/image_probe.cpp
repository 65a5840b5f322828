#include "image_probe.h"

#include "memory_stream.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <vector>

namespace kiosk {

namespace {

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

bool probe_png(std::istream& in, SlideImage& img) {
    std::array<unsigned char, 24> h{};
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(h.data()), h.size())) return false;
    if (std::string_view(reinterpret_cast<const char*>(h.data() + 12), 4) != "IHDR") return false;
    img.width = static_cast<int>(std::min<std::uint32_t>(be32(h.data() + 16), 1u << 30));
    img.height = static_cast<int>(std::min<std::uint32_t>(be32(h.data() + 20), 1u << 30));
    return true;
}

// Walks JPEG segments to the first start-of-frame marker, which holds the size.
bool probe_jpeg(std::istream& in, SlideImage& img) {
    in.seekg(2);
    for (int guard = 0; guard < 1000; ++guard) {
        int c = in.get();
        while (c == 0xFF) c = in.get();
        if (c == EOF) return false;
        const int marker = c;
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
        unsigned char len[2];
        if (!in.read(reinterpret_cast<char*>(len), 2)) return false;
        const int seglen = (len[0] << 8) | len[1];
        if (seglen < 2) return false;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            unsigned char d[5];
            if (!in.read(reinterpret_cast<char*>(d), 5)) return false;
            img.height = (d[1] << 8) | d[2];
            img.width = (d[3] << 8) | d[4];
            return true;
        }
        in.seekg(seglen - 2, std::ios::cur);
    }
    return false;
}

double svg_number(const std::string& s) {
    double v = 0;
    const char* b = s.data();
    std::from_chars(b, b + s.size(), v);
    return v;
}

// Size from the root element's width/height, else its viewBox. Units other than px are
// converted at 96 dpi like nanosvg does; percentages fall back to the viewBox.
bool probe_svg(const std::string& head, SlideImage& img) {
    const auto root = head.find("<svg");
    if (root == std::string::npos) return false;
    const auto end = head.find('>', root);
    const std::string tag = head.substr(root, end == std::string::npos ? std::string::npos : end - root);
    // The value of attribute `name` on the root tag ("" when absent). A plain scan: SVG headers
    // are small, and this runs on every slide reload.
    auto attr = [&tag](std::string_view name) -> std::string {
        for (size_t pos = tag.find(name); pos != std::string::npos; pos = tag.find(name, pos + 1)) {
            const bool starts_word = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' ||
                                                 tag[pos - 1] == '\n' || tag[pos - 1] == '\r');
            size_t p = pos + name.size();
            while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t' || tag[p] == '\n')) ++p;
            if (!starts_word || p >= tag.size() || tag[p] != '=') continue;
            ++p;
            while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t' || tag[p] == '\n')) ++p;
            if (p >= tag.size() || (tag[p] != '"' && tag[p] != '\'')) continue;
            const char quote = tag[p];
            const size_t end_quote = tag.find(quote, p + 1);
            if (end_quote == std::string::npos) return {};
            return tag.substr(p + 1, end_quote - p - 1);
        }
        return {};
    };
    auto length = [](const std::string& v) -> double {
        if (v.empty() || v.find('%') != std::string::npos) return 0;
        double n = svg_number(v);
        if (v.find("mm") != std::string::npos) n *= 96.0 / 25.4;
        else if (v.find("cm") != std::string::npos) n *= 96.0 / 2.54;
        else if (v.find("in") != std::string::npos) n *= 96.0;
        else if (v.find("pt") != std::string::npos) n *= 96.0 / 72.0;
        return n;
    };
    // Staff (or a fuzzer) can write width="nan", "inf" or "1e999": only a finite positive size is a
    // size. Casting NaN or infinity to int is undefined behaviour, so nothing else may reach the cast.
    const auto usable = [](double v) { return std::isfinite(v) && v > 0; };
    double w = length(attr("width")), h = length(attr("height"));
    if (!usable(w) || !usable(h)) {
        const std::string vb = attr("viewBox");
        double v[4] = {0, 0, 0, 0};
        const char* p = vb.data();
        const char* e = vb.data() + vb.size();
        for (double& x : v) {
            while (p < e && (*p == ' ' || *p == ',')) ++p;
            auto r = std::from_chars(p, e, x);
            p = r.ptr;
        }
        w = v[2];
        h = v[3];
    }
    if (!usable(w) || !usable(h)) return false;
    // Finite and positive, so the clamp keeps the cast in int's range; probe_image refuses the size.
    img.width = static_cast<int>(std::min(w, 1e9));
    img.height = static_cast<int>(std::min(h, 1e9));
    return true;
}

}  // namespace

// From any seekable stream: a file's own (probe_image) or bytes already read (probe_image_data).
static ImageProbe probe_stream(std::istream& in, const std::filesystem::path& file) {
    ImageProbe r;
    std::vector<char> head(4096);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    in.clear();
    const auto starts = [&head](std::string_view magic) {
        return head.size() >= magic.size() && std::equal(magic.begin(), magic.end(), head.begin());
    };
    SlideImage img;
    img.path = file;
    bool ok = false;
    if (starts("\x89PNG\r\n\x1a\n")) {
        img.format = ImageFormat::Png;
        ok = probe_png(in, img);
    } else if (starts("\xFF\xD8\xFF")) {
        img.format = ImageFormat::Jpeg;
        ok = probe_jpeg(in, img);
    } else {
        const std::string text(head.begin(), head.end());
        if (text.find("<svg") != std::string::npos) {
            img.format = ImageFormat::Svg;
            ok = probe_svg(text, img);
        } else {
            r.error = "the picture is not a PNG, JPEG or SVG file";
            return r;
        }
    }
    if (!ok || img.width <= 0 || img.height <= 0) {
        r.error = "the picture's size cannot be read (the file may be damaged)";
        return r;
    }
    if (img.width > kMaxImageSide || img.height > kMaxImageSide ||
        static_cast<long long>(img.width) * img.height > kMaxImagePixels) {
        r.error = "the picture is too large (" + std::to_string(img.width) + "×" + std::to_string(img.height) +
                  " pixels)";
        return r;
    }
    r.image = img;
    return r;
}

ImageProbe probe_image(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return ImageProbe{std::nullopt, "the picture cannot be opened"};
    return probe_stream(in, file);
}

ImageProbe probe_image_data(std::string_view bytes, const std::filesystem::path& file) {
    MemoryStream in(bytes);
    return probe_stream(in, file);
}

}  // namespace kiosk
