// A phone number as people write it ("+34 912 345 678 ext. 1234") split into what a phone dials
// and the extension the receptionist asks for, so a QR code never dials the extension's digits as
// part of the number (RFC 3966: tel:+34912345678;ext=1234).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct PhoneNumber {
    std::string dialable;   // as written, without the extension: "+34 912 345 678"
    std::string digits;     // '+' (if written) and the digits: "+34912345678"
    std::string extension;  // digits only, "" for none: "1234"
    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;
};

struct PhoneParse {
    std::optional<PhoneNumber> number;
    std::string error;  // why not, in words, when `number` is empty
};

// Accepts digits, spaces and - . ( ) /, one leading '+', then optionally an extension written as
// "ext", "ext.", "extension", "x", "#", "," or ";ext=" followed by 1 to 8 digits. The number itself
// needs 3 to 15 digits (E.164 allows 15).
[[nodiscard]] PhoneParse parse_phone(std::string_view text);

// "tel:+34912345678;ext=1234"; "" when the text is not a number parse_phone accepts.
[[nodiscard]] std::string tel_uri_for(const PhoneNumber& number);

// A run of digits as keyed on the kiosk ("+15550107777") grouped for reading aloud:
// "+1 555 010 7777", "+34 912 345 678", "0612 345 678". Text that already has spaces is kept.
[[nodiscard]] std::string group_phone_digits(std::string_view keyed);

}  // namespace kiosk
