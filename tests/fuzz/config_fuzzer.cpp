// kiosk.toml as staff might write it. toml++ is compiled into this harness with the sanitizers, so
// any text that gets past core/toml_guard.h and still trips toml++ 3.3.0's undefined behaviour is a
// crash here.
#include "core/config.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = kiosk::fuzz::text_of(data, size);
    const kiosk::ConfigResult r = kiosk::parse_config(text, "kiosk.toml");
    for (const auto& d : r.diagnostics) {
        kiosk::fuzz::require(!d.message.empty(), "every diagnostic says what is wrong");
        kiosk::fuzz::require(d.line >= 0, "a diagnostic's line is never negative");
        (void)d.to_string();
    }
    return 0;
}
