// The little JSON the kiosk writes (status.json, the control socket's answers) and reads back
// (`kiosk status`): string escaping for writers, and a small parser that keeps key order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::json {

// `s` as a JSON string literal, quotes included: ", \, control characters escaped; UTF-8 kept.
[[nodiscard]] std::string quote(std::string_view s);

struct Value;
using Object = std::vector<std::pair<std::string, Value>>;  // file order, for printing to a person
using Array = std::vector<Value>;

struct Value {
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> v = nullptr;

    [[nodiscard]] const Value* get(std::string_view key) const;  // object member, else null
    [[nodiscard]] const std::string* string() const { return std::get_if<std::string>(&v); }
    [[nodiscard]] std::optional<double> number() const;
    [[nodiscard]] std::optional<bool> boolean() const;
};

// Parses one JSON document; nullopt and `error` ("at byte N: ...") when it is not JSON.
[[nodiscard]] std::optional<Value> parse(std::string_view text, std::string* error = nullptr);

}  // namespace kiosk::json
