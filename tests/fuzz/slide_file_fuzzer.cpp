// A slide file as staff might save it: front matter (TOML between +++ lines) and a Markdown body,
// with pictures that exist in the folder. A rejected slide must say why.
#include "core/slide_parser.h"
#include "fuzz_input.h"

#include <fstream>

namespace {

const std::filesystem::path& slides_dir() {
    static const std::filesystem::path dir = [] {
        const auto d = kiosk::fuzz::scratch_dir() / "slides";
        std::filesystem::create_directories(d / "art");
        std::ofstream(d / "art/pic.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"600\"/>";
        std::ofstream(d / "pic.svg") << "<svg viewBox=\"0 0 nan 10\"/>";
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kiosk::KioskConfig config;
    const std::string text = kiosk::fuzz::text_of(data, size);
    const kiosk::SlideParseResult r = kiosk::parse_slide_text(text, slides_dir(), "slides/010-fuzz.md", config);
    bool any_error = false;
    for (const auto& d : r.diagnostics) {
        kiosk::fuzz::require(!d.message.empty(), "every diagnostic says what is wrong");
        kiosk::fuzz::require(d.line >= 0, "a diagnostic's line is never negative");
        any_error = any_error || d.severity == kiosk::Severity::Error;
        (void)d.to_string();
    }
    kiosk::fuzz::require(r.slide.has_value() || any_error, "a rejected slide has an error saying why");
    return 0;
}
