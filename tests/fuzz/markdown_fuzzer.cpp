// A slide's Markdown body. The input is handed over as a view whose end is the end of the fuzzer's
// own buffer, so an overread past it (md4c 0.4.8 has one) is the kiosk's to prevent.
#include "core/markdown.h"
#include "fuzz_input.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::Diagnostics diags;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kiosk::MarkdownSlide s = kiosk::parse_slide_markdown(text, "slides/010-fuzz.md", 3, diags);
    for (const auto& block : s.body) {
        kiosk::fuzz::require(!block.spans.empty(), "empty blocks are dropped");
        for (const auto& span : block.spans) kiosk::fuzz::require(!span.text.empty(), "empty spans are dropped");
    }
    return 0;
}
