// The login page: the only page (with /static/*) reachable without a session.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::web {

enum class LoginState {
    Ready,     // a usable password_hash is set
    NotSetUp,  // password_hash is empty: every login is refused
    Unusable,  // password_hash is set but malformed: every login is refused
};

// The page; `message` (escaped here) is shown above the form, e.g. "Wrong password".
[[nodiscard]] std::string login_page(LoginState state, std::string_view message);

}  // namespace kiosk::web
