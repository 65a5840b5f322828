// Shared helpers for reading staff-written TOML (kiosk.toml and slide front matter) with toml++:
// typed getters that turn a wrong type into a Diagnostic naming the line, and the
// unknown-key check with a "did you mean" suggestion, since most mistakes are typos.
#pragma once

#include "diagnostic.h"

#include <toml++/toml.h>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::toml_util {

struct Context {
    std::string file;
    int line_offset = 0;  // added to toml++'s line numbers (front matter starts after "+++")
    Diagnostics* out = nullptr;

    [[nodiscard]] int line_of(const toml::node& node) const {
        return static_cast<int>(node.source().begin.line) + line_offset;
    }
    void error(int line, std::string message, std::string hint = {}) const {
        out->push_back({file, line, Severity::Error, std::move(message), std::move(hint)});
    }
    void warning(int line, std::string message, std::string hint = {}) const {
        out->push_back({file, line, Severity::Warning, std::move(message), std::move(hint)});
    }
};

// The closest of `known` to `key` when it is plausibly a typo, else empty.
[[nodiscard]] std::string closest_key(std::string_view key, std::span<const std::string_view> known);
[[nodiscard]] inline std::string closest_key(std::string_view key, std::initializer_list<std::string_view> known) {
    return closest_key(key, std::span<const std::string_view>(known.begin(), known.size()));
}

// Reports every key of `table` not in `known` as an error. Returns false if any was found.
bool check_keys(const Context& ctx, const toml::table& table, std::string_view table_name,
                std::initializer_list<std::string_view> known);

// Each getter leaves `out` untouched when the key is absent, and reports a wrong type.
bool get_string(const Context& ctx, const toml::table& t, std::string_view key, std::string& out);
bool get_number(const Context& ctx, const toml::table& t, std::string_view key, double& out, double min, double max);
bool get_int(const Context& ctx, const toml::table& t, std::string_view key, int& out, int min, int max);
bool get_bool(const Context& ctx, const toml::table& t, std::string_view key, bool& out);

// Parses TOML text; on a syntax error adds a diagnostic (with the line) and returns an empty table.
// Text that toml++ 3.3.0 cannot take safely (toml_guard.h) is refused the same way, unparsed.
[[nodiscard]] std::optional<toml::table> parse(const Context& ctx, std::string_view text);

}  // namespace kiosk::toml_util
