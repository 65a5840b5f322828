#include "diagnostic.h"

#include <algorithm>

namespace kiosk {

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += message;
    if (!hint.empty()) {
        out += ". ";
        out += hint;
    }
    return out;
}

bool has_errors(const Diagnostics& diags) {
    return std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace kiosk
