#include "toml_helpers.h"

#include "toml_guard.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::toml_util {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string: return "text";
        case toml::node_type::integer:
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "true/false";
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "a list";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date and time";
        default: return "something else";
    }
}

}  // namespace

std::string closest_key(std::string_view key, std::span<const std::string_view> known) {
    std::string best;
    size_t best_d = 3;  // more than two edits away is not a typo
    for (const auto k : known) {
        const size_t d = edit_distance(key, k);
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    return best;
}

bool check_keys(const Context& ctx, const toml::table& table, std::string_view table_name,
                std::initializer_list<std::string_view> known) {
    bool ok = true;
    for (const auto& [k, v] : table) {
        const std::string_view key = k.str();
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        ok = false;
        std::string where = table_name.empty() ? "" : " in [" + std::string(table_name) + "]";
        std::string hint;
        if (const auto guess = closest_key(key, known); !guess.empty()) {
            hint = "Did you mean '" + guess + "'?";
        } else {
            std::string list;
            for (const auto kk : known) list += (list.empty() ? "" : ", ") + std::string(kk);
            hint = "Known keys here: " + list;
        }
        ctx.error(static_cast<int>(k.source().begin.line) + ctx.line_offset,
                  "unknown key '" + std::string(key) + "'" + where, hint);
    }
    return ok;
}

bool get_string(const Context& ctx, const toml::table& t, std::string_view key, std::string& out) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    if (const auto* s = n->as_string()) {
        out = s->get();
        return true;
    }
    ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' must be text in quotes, not " + type_name(*n),
              "Write it like: " + std::string(key) + " = \"...\"");
    return false;
}

bool get_number(const Context& ctx, const toml::table& t, std::string_view key, double& out, double min, double max) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    double v = 0;
    if (const auto* i = n->as_integer()) {
        v = static_cast<double>(i->get());
    } else if (const auto* f = n->as_floating_point()) {
        v = f->get();
    } else {
        ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' must be a number, not " + type_name(*n),
                  "Write it without quotes, like: " + std::string(key) + " = 12");
        return false;
    }
    if (!std::isfinite(v) || v < min || v > max) {
        auto fmt = [](double d) {
            std::string s = std::to_string(d);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        };
        ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' is " + fmt(v) + ", which is out of range",
                  "Use a value from " + fmt(min) + " to " + fmt(max));
        return false;
    }
    out = v;
    return true;
}

bool get_int(const Context& ctx, const toml::table& t, std::string_view key, int& out, int min, int max) {
    double v = out;
    const toml::node* n = t.get(key);
    if (n && n->is_floating_point()) {
        ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' must be a whole number", "");
        return false;
    }
    if (!get_number(ctx, t, key, v, min, max)) return false;
    out = static_cast<int>(v);
    return true;
}

bool get_bool(const Context& ctx, const toml::table& t, std::string_view key, bool& out) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    if (const auto* b = n->as_boolean()) {
        out = b->get();
        return true;
    }
    ctx.error(ctx.line_of(*n), "'" + std::string(key) + "' must be true or false", "");
    return false;
}

std::optional<toml::table> parse(const Context& ctx, std::string_view text) {
    // Debian's toml++ 3.3.0 has undefined behaviour on some non-ASCII characters (toml_guard.h):
    // such text never reaches it.
    if (const auto hazard = find_toml_hazard(text)) {
        ctx.error(hazard->line + ctx.line_offset, hazard->message, hazard->hint);
        return std::nullopt;
    }
    try {
        return toml::parse(text, ctx.file);
    } catch (const toml::parse_error& e) {
        std::string what(e.description());
        ctx.error(static_cast<int>(e.source().begin.line) + ctx.line_offset, "this line is not valid: " + what,
                  "Check the quotes, '=' signs and brackets on this line");
        return std::nullopt;
    }
}

}  // namespace kiosk::toml_util
