#include "cli/arg_parser.h"

#include <charconv>

namespace kiosk::cli {

bool ArgParser::parse(const std::vector<std::string>& args) {
    bool only_positional = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (only_positional || a.size() < 2 || a[0] != '-' || a[1] != '-') {
            if (!only_positional && a.size() > 1 && a[0] == '-') {
                error_ = "unknown option '" + a + "'";
                return false;
            }
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inline_value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (with_value_.count(name)) {
            if (inline_value) {
                values_[name] = *inline_value;
            } else if (i + 1 < args.size()) {
                values_[name] = args[++i];
            } else {
                error_ = "option '--" + name + "' needs a value";
                return false;
            }
        } else if (flags_.count(name)) {
            if (inline_value) {
                error_ = "option '--" + name + "' takes no value";
                return false;
            }
            set_flags_.insert(name);
        } else {
            error_ = "unknown option '--" + name + "'";
            return false;
        }
    }
    return true;
}

std::optional<std::string> ArgParser::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::optional<Size2> parse_size(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    Size2 s;
    const char* b = text.data();
    auto r1 = std::from_chars(b, b + x, s.w);
    auto r2 = std::from_chars(b + x + 1, b + text.size(), s.h);
    if (r1.ec != std::errc{} || r1.ptr != b + x || r2.ec != std::errc{} || r2.ptr != b + text.size()) return std::nullopt;
    if (s.w < 200 || s.h < 200 || s.w > 8192 || s.h > 8192) return std::nullopt;
    return s;
}

}  // namespace kiosk::cli
