#include "phone_entry.h"

#include "codepage.h"

namespace kiosk {

namespace {

bool is_name_letter(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    // Latin-1 Supplement letters (not × and ÷) and Latin Extended-A: José, Zoë, Łukasz, Ñuño.
    if (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7) return true;
    return false;
}

}  // namespace

EntryCheck validate_phone(std::string_view typed) {
    // Reserved once: a string that grows leaves its outgrown buffer behind, unwiped.
    std::string digits;
    digits.reserve(typed.size() + 1);
    bool plus = false;
    for (const char c : typed) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '+' && !plus && digits.empty()) {
            plus = true;
        } else if (c == ' ' || c == '-') {
            continue;
        } else {
            return {{}, EntryError::PhoneBadCharacter};
        }
    }
    if (digits.empty()) return {{}, EntryError::PhoneEmpty};
    if (digits.size() < static_cast<size_t>(kMinPhoneDigits)) return {{}, EntryError::PhoneTooShort};
    if (digits.size() > static_cast<size_t>(kMaxPhoneDigits)) return {{}, EntryError::PhoneTooLong};
    if (plus) digits.insert(digits.begin(), '+');
    return {std::move(digits), EntryError::None};
}

EntryCheck validate_name(std::string_view typed) {
    std::string out;
    out.reserve(typed.size() + 1);  // never outgrown: the result is at most as long as what was typed
    int chars = 0;
    bool pending_space = false;
    std::string_view rest = typed;
    while (!rest.empty()) {
        const std::string_view before = rest;
        const char32_t c = next_code_point(rest);
        if (c == ' ') {
            pending_space = !out.empty();
            continue;
        }
        if (!is_name_letter(c) && c != '-' && c != '\'' && c != 0x2019) return {{}, EntryError::NameBadCharacter};
        if (pending_space) {
            out += ' ';
            ++chars;
            pending_space = false;
        }
        // A typographic apostrophe (O’Brien) is stored as the plain one.
        if (c == 0x2019) {
            out += '\'';
        } else {
            out.append(before.substr(0, before.size() - rest.size()));
        }
        ++chars;
    }
    if (chars > kMaxNameChars) return {{}, EntryError::NameTooLong};
    return {out, EntryError::None};
}

std::string error_sentence(EntryError error, const UiStrings& text) {
    switch (error) {
        case EntryError::None: return {};
        case EntryError::PhoneEmpty:
        case EntryError::PhoneTooShort:
        case EntryError::PhoneTooLong:
        case EntryError::PhoneBadCharacter: return text.invalid_phone;
        case EntryError::NameTooLong: return text.name_too_long;
        case EntryError::NameBadCharacter: return text.invalid_name;
    }
    return text.invalid_phone;
}

}  // namespace kiosk
