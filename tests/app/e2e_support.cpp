#include "app/e2e_support.h"

#include <algorithm>
#include <cctype>

namespace kiosk::test {

namespace fs = std::filesystem;

fs::path shots_dir() {
    const fs::path dir = fs::path(KIOSK_APP_SHOTS_DIR);
    fs::create_directories(dir);
    return dir;
}

const std::vector<Tool> kScreenTools = {
    {"Xvfb", "xvfb"},           {"xdpyinfo", "x11-utils"},  {"xdotool", "xdotool"},    {"import", "imagemagick"},
    {"compare", "imagemagick"}, {"convert", "imagemagick"}, {"zbarimg", "zbar-tools"}, {"tesseract", "tesseract-ocr"},
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
}  // namespace

bool contains_ignoring_case(const std::string& haystack, const std::string& needle) {
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

}  // namespace kiosk::test
