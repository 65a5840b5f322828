// A problem found in a staff-edited file, worded for a person who is not a programmer:
// where it is (file and line), what is wrong, and what to do about it.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

enum class Severity { Warning, Error };

struct Diagnostic {
    std::string file;      // as the staff member knows it, e.g. "slides/020-massage.md"
    int line = 0;          // 1-based; 0 when the problem concerns the whole file
    Severity severity = Severity::Error;
    std::string message;   // what is wrong
    std::string hint;      // what to do (may be empty)

    // "file:line: error: message (hint)" – the format of `kiosk check`, the log and the staff panel.
    [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] bool has_errors(const Diagnostics& diags);

}  // namespace kiosk
