// The staff web page's password: hashed like the staff PIN (libcrypt yescrypt, pin_lock.h's format,
// checked with verify_pin), but a password, not 4 to 8 digits, since the page is reachable from
// the clinic's network and a PIN would be guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr std::size_t kMinWebPasswordLength = 8;
inline constexpr std::size_t kMaxWebPasswordLength = 256;

// nullopt when `password` is acceptable, else what is wrong with it.
[[nodiscard]] std::optional<std::string> validate_web_password(std::string_view password);
// A fresh salted yescrypt hash ("$y$..."), or empty when the password is refused or libcrypt fails.
[[nodiscard]] std::string hash_web_password(std::string_view password);

}  // namespace kiosk
