// Checks what a patient typed on the callback keypad before it goes on a desk slip.
// Pure functions: the UI calls them on every key and on "Send to the desk".
#pragma once

#include "config.h"

#include <string>
#include <string_view>

namespace kiosk {

enum class EntryError {
    None,
    PhoneEmpty,
    PhoneTooShort,     // fewer than 7 digits
    PhoneTooLong,      // more than 15 digits (the E.164 maximum)
    PhoneBadCharacter, // anything but digits, one leading '+', spaces and dashes
    NameTooLong,       // more than 20 characters
    NameBadCharacter,  // anything but letters, space, hyphen and apostrophe
};

struct EntryCheck {
    std::string value;              // normalised: "+15550100199" / "Anne-Marie"; empty on error
    EntryError error = EntryError::None;
    [[nodiscard]] bool ok() const { return error == EntryError::None; }
};

inline constexpr int kMinPhoneDigits = 7;
inline constexpr int kMaxPhoneDigits = 15;
inline constexpr int kMaxNameChars = 20;

// 7–15 digits with an optional leading '+'; spaces and dashes may be typed and are dropped.
[[nodiscard]] EntryCheck validate_phone(std::string_view typed);

// Optional (empty is fine). Letters (ASCII and accented Latin), space, hyphen, apostrophe; at most
// 20 characters. Surrounding spaces are trimmed and inner runs of spaces collapsed.
[[nodiscard]] EntryCheck validate_name(std::string_view typed);

// The sentence a patient sees for an error; phone errors use config.text.invalid_phone.
// Names have no configurable sentence yet, so a plain English one is returned for them.
[[nodiscard]] std::string error_sentence(EntryError error, const UiStrings& text);

}  // namespace kiosk
