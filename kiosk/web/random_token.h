// Unguessable tokens (session ids, CSRF tokens) straight from the kernel's CSPRNG.
#pragma once

#include <cstddef>
#include <string>

namespace kiosk::web {

// `bytes` random bytes from getrandom(2) as lower-case hex (so 2×bytes characters). Aborts the
// process if the kernel cannot give randomness: a guessable session id must never be issued.
[[nodiscard]] std::string random_hex_token(std::size_t bytes = 32);

}  // namespace kiosk::web
