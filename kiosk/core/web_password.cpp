#include "web_password.h"

#include <crypt.h>
#include <string.h>  // explicit_bzero

#include <algorithm>
#include <memory>

namespace kiosk {

std::optional<std::string> validate_web_password(std::string_view password) {
    if (password.size() < kMinWebPasswordLength)
        return "the password needs at least " + std::to_string(kMinWebPasswordLength) + " characters";
    if (password.size() > kMaxWebPasswordLength)
        return "the password may have at most " + std::to_string(kMaxWebPasswordLength) + " characters";
    if (std::any_of(password.begin(), password.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return "the password may not contain control characters (tabs, line breaks, NUL)";
    return std::nullopt;
}

std::string hash_web_password(std::string_view password) {
    if (validate_web_password(password)) return {};
    char setting[CRYPT_GENSALT_OUTPUT_SIZE] = {};
    if (crypt_gensalt_rn("$y$", 0, nullptr, 0, setting, sizeof setting) == nullptr || setting[0] == '*') return {};
    // crypt_data is ~32 KB and holds the password while hashing: on the heap, wiped after.
    auto data = std::make_unique<crypt_data>();
    std::string phrase(password);
    const char* out = crypt_rn(phrase.c_str(), setting, data.get(), sizeof(crypt_data));
    std::string hash = (out == nullptr || out[0] == '*') ? std::string() : std::string(out);
    explicit_bzero(phrase.data(), phrase.size());
    explicit_bzero(data.get(), sizeof(crypt_data));
    return hash;
}

}  // namespace kiosk
