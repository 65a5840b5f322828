#include "json.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk::json {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
    return out;
}

const Value* Value::get(std::string_view key) const {
    if (const auto* o = std::get_if<Object>(&v)) {
        for (const auto& [k, val] : *o) {
            if (k == key) return &val;
        }
    }
    return nullptr;
}

std::optional<double> Value::number() const {
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::nullopt;
}

std::optional<bool> Value::boolean() const {
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    return std::nullopt;
}

namespace {

class Parser {
public:
    explicit Parser(std::string_view t) : t_(t) {}
    std::optional<Value> document(std::string* error) {
        auto v = value(0);
        skip_ws();
        if (v && i_ != t_.size()) fail("text after the end");
        if (!error_.empty()) {
            if (error) *error = "at byte " + std::to_string(i_) + ": " + error_;
            return std::nullopt;
        }
        return v;
    }

private:
    void skip_ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    }
    std::optional<Value> fail(const char* why) {
        if (error_.empty()) error_ = why;
        return std::nullopt;
    }
    bool literal(std::string_view word) {
        if (t_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    std::optional<Value> value(int depth) {
        if (depth > 64) return fail("nested too deeply");
        skip_ws();
        if (i_ >= t_.size()) return fail("unexpected end");
        const char c = t_[i_];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') {
            auto s = string();
            if (!s) return std::nullopt;
            return Value{std::move(*s)};
        }
        if (literal("true")) return Value{true};
        if (literal("false")) return Value{false};
        if (literal("null")) return Value{nullptr};
        if (c == '-' || (c >= '0' && c <= '9')) {
            const std::string num(t_.substr(i_, t_.find_first_not_of("+-.eE0123456789", i_) - i_));
            char* end = nullptr;
            const double d = std::strtod(num.c_str(), &end);
            if (end == num.c_str()) return fail("bad number");
            i_ += static_cast<std::size_t>(end - num.c_str());
            return Value{d};
        }
        return fail("unexpected character");
    }
    std::optional<std::string> string() {
        ++i_;  // the opening quote
        std::string out;
        while (i_ < t_.size() && t_[i_] != '"') {
            char c = t_[i_++];
            if (static_cast<unsigned char>(c) < 0x20) {
                fail("control character in a string");
                return std::nullopt;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= t_.size()) break;
            c = t_[i_++];
            switch (c) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'u': {
                    if (i_ + 4 > t_.size()) break;
                    const unsigned cp =
                        static_cast<unsigned>(std::strtoul(std::string(t_.substr(i_, 4)).c_str(), nullptr, 16));
                    i_ += 4;
                    // Enough for what the kiosk writes (it escapes only control characters).
                    if (cp < 0x80) {
                        out += static_cast<char>(cp);
                    } else if (cp < 0x800) {
                        out += static_cast<char>(0xC0 | (cp >> 6));
                        out += static_cast<char>(0x80 | (cp & 0x3F));
                    } else {
                        out += static_cast<char>(0xE0 | (cp >> 12));
                        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                        out += static_cast<char>(0x80 | (cp & 0x3F));
                    }
                    break;
                }
                default:
                    out += c;  // \" \\ \/
            }
        }
        if (i_ >= t_.size()) {
            fail("unterminated string");
            return std::nullopt;
        }
        ++i_;
        return out;
    }
    std::optional<Value> array(int depth) {
        ++i_;
        Array a;
        skip_ws();
        if (i_ < t_.size() && t_[i_] == ']') {
            ++i_;
            return Value{std::move(a)};
        }
        while (true) {
            auto v = value(depth + 1);
            if (!v) return std::nullopt;
            a.push_back(std::move(*v));
            skip_ws();
            if (i_ < t_.size() && t_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < t_.size() && t_[i_] == ']') {
                ++i_;
                return Value{std::move(a)};
            }
            return fail("expected , or ]");
        }
    }
    std::optional<Value> object(int depth) {
        ++i_;
        Object o;
        skip_ws();
        if (i_ < t_.size() && t_[i_] == '}') {
            ++i_;
            return Value{std::move(o)};
        }
        while (true) {
            skip_ws();
            if (i_ >= t_.size() || t_[i_] != '"') return fail("expected a key");
            auto k = string();
            if (!k) return std::nullopt;
            skip_ws();
            if (i_ >= t_.size() || t_[i_] != ':') return fail("expected :");
            ++i_;
            auto v = value(depth + 1);
            if (!v) return std::nullopt;
            o.emplace_back(std::move(*k), std::move(*v));
            skip_ws();
            if (i_ < t_.size() && t_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < t_.size() && t_[i_] == '}') {
                ++i_;
                return Value{std::move(o)};
            }
            return fail("expected , or }");
        }
    }

    std::string_view t_;
    std::size_t i_ = 0;
    std::string error_;
};

}  // namespace

std::optional<Value> parse(std::string_view text, std::string* error) {
    return Parser(text).document(error);
}

}  // namespace kiosk::json
