#include "phone_number.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "wiping_allocator.h"

namespace kiosk {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_separator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// The words between the number and the extension's digits that mean "extension".
bool is_extension_marker(std::string_view marker) {
    std::string m;
    bool had_sign = false;
    for (const char c : marker) {
        if (c == '#' || c == ',' || c == ';') had_sign = true;
        if (c == ' ' || c == '.' || c == ':' || c == '=' || c == '#' || c == ',' || c == ';') continue;
        m += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (m.empty()) return had_sign;
    static constexpr std::array<std::string_view, 5> kWords = {"ext", "extension", "x", "ex", "extn"};
    return std::find(kWords.begin(), kWords.end(), m) != kWords.end();
}

// Calling codes of 1 digit (NANP, Russia/Kazakhstan) and 2 digits; all others have 3.
int country_code_length(std::string_view digits) {
    if (digits.empty()) return 0;
    if (digits[0] == '1' || digits[0] == '7') return 1;
    static constexpr std::array<std::string_view, 43> kTwo = {
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95"};
    if (digits.size() >= 2 && std::find(kTwo.begin(), kTwo.end(), digits.substr(0, 2)) != kTwo.end()) return 2;
    return 3;
}

// Groups of three from the left; a last group of one joins the one before it ("555 010 7777").
void append_groups(std::string_view digits, SecretString& out) {
    size_t i = 0;
    while (i < digits.size()) {
        size_t take = std::min<size_t>(3, digits.size() - i);
        if (digits.size() - i == 4) take = 4;
        if (!out.empty() && out.back() != ' ') out += ' ';
        out.append(digits.substr(i, take));
        i += take;
    }
}

}  // namespace

PhoneParse parse_phone(std::string_view text) {
    text = trim(text);
    if (text.empty()) return {std::nullopt, "it is empty"};
    // The number: up to the first character that cannot be part of one.
    size_t end = 0;
    std::string digits;
    for (; end < text.size(); ++end) {
        const char c = text[end];
        if (is_digit(c)) {
            digits += c;
        } else if (c == '+') {
            if (!digits.empty() || end != 0) return {std::nullopt, "a '+' may only stand at the very start"};
            digits += '+';
        } else if (!is_separator(c)) {
            break;
        }
    }
    const auto count = static_cast<int>(std::count_if(digits.begin(), digits.end(), is_digit));
    if (count < 3) return {std::nullopt, "it has fewer than 3 digits"};
    if (count > 15) return {std::nullopt, "it has more than 15 digits (an extension needs \"ext.\" before it)"};
    PhoneNumber n;
    n.dialable = std::string(trim(text.substr(0, end)));
    while (!n.dialable.empty() && (n.dialable.back() == '-' || n.dialable.back() == '.' || n.dialable.back() == '/')) {
        n.dialable.pop_back();
    }
    n.digits = std::move(digits);
    std::string_view rest = text.substr(end);
    if (rest.empty()) return {std::move(n), {}};
    size_t ext_start = 0;
    while (ext_start < rest.size() && !is_digit(rest[ext_start])) ++ext_start;
    std::string_view marker = rest.substr(0, ext_start);
    std::string_view ext = trim(rest.substr(ext_start));
    if (ext_start == rest.size() || !is_extension_marker(marker)) {
        return {std::nullopt, "\"" + std::string(trim(rest)) + "\" is not part of a number a phone can dial"};
    }
    if (!std::all_of(ext.begin(), ext.end(), is_digit)) {
        return {std::nullopt, "the extension \"" + std::string(ext) + "\" may only have digits"};
    }
    if (ext.size() > 8) return {std::nullopt, "the extension has more than 8 digits"};
    n.extension = std::string(ext);
    return {std::move(n), {}};
}

std::string tel_uri_for(const PhoneNumber& number) {
    if (number.digits.empty()) return {};
    std::string uri = "tel:" + number.digits;
    if (!number.extension.empty()) uri += ";ext=" + number.extension;
    return uri;
}

std::string group_phone_digits(std::string_view keyed) {
    // A patient's number: every intermediate copy is wiped before it is freed (wiping_allocator.h).
    keyed = trim(keyed);
    if (keyed.find(' ') != std::string_view::npos) return std::string(keyed);  // the patient's own grouping
    SecretString digits;
    for (const char c : keyed) {
        if (is_digit(c)) digits += c;
    }
    SecretString out;
    out.reserve(digits.size() * 2 + 2);
    std::string_view rest = digits;
    if (!keyed.empty() && keyed.front() == '+') {
        const auto cc = std::min(static_cast<size_t>(country_code_length(rest)), rest.size());
        out += '+';
        out.append(rest.substr(0, cc));
        rest.remove_prefix(cc);
    } else if (rest.size() == 10 || rest.size() == 11) {
        // A national number with a trunk prefix ("0612345678"): the first four read as one group.
        const size_t head = 4 - (rest.size() == 10 && rest[0] != '0' ? 1 : 0);
        out.append(rest.substr(0, head));
        rest.remove_prefix(head);
    }
    append_groups(rest, out);
    return std::string(out);
}

}  // namespace kiosk
