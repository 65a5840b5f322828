// Shared by the harnesses: the fuzzer's bytes as text (an owning std::string, so nothing in the
// kiosk can rely on bytes past the end), and a scratch folder for the parsers that read files.
#pragma once

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace kiosk::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// One folder per fuzzing process (libFuzzer may run several jobs side by side), removed at a normal
// exit; run_fuzzers.sh points TMPDIR at a RAM folder it removes, since a crash skips atexit.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "kiosk-fuzz-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) std::abort();
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratch_dir(), ec);
        });
        return std::filesystem::path(tmpl);
    }();
    return dir;
}

// Aborts (a libFuzzer crash) with a message when a property the harness checks does not hold.
inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz property broken: %s\n", what);
        std::abort();
    }
}

}  // namespace kiosk::fuzz
