// A small GNU-style option parser shared by the sub-commands: `--name value`, `--name=value`,
// boolean `--flag`, and positional arguments. Unknown options are usage errors with a message.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::cli {

class ArgParser {
public:
    // `with_value` options take a value; `flags` do not.
    ArgParser(std::set<std::string> with_value, std::set<std::string> flags)
        : with_value_(std::move(with_value)), flags_(std::move(flags)) {}

    // Returns false and sets error() on an unknown option or a missing value.
    bool parse(const std::vector<std::string>& args);

    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    [[nodiscard]] bool flag(const std::string& name) const { return set_flags_.count(name) != 0; }
    [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    std::set<std::string> with_value_;
    std::set<std::string> flags_;
    std::map<std::string, std::string> values_;
    std::set<std::string> set_flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

// Parses "1920x1080". Returns nullopt for anything else.
struct Size2 {
    int w = 0, h = 0;
};
std::optional<Size2> parse_size(const std::string& text);

}  // namespace kiosk::cli
