// POST /login: the password check behind the throttle, and a fresh session on success. Apart from
// the server's plumbing so the rules a login follows can be read in one place.
#pragma once

#include "web/http_message.h"
#include "web/login_page.h"
#include "web/login_throttle.h"
#include "web/session_store.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::web {

struct LoginContext {
    const std::string& password_hash;
    LoginThrottle& throttle;
    SessionStore& sessions;
    bool tls;
    std::function<void(const std::string&)> log;  // never given the password
};

// Ready with a usable hash; NotSetUp when empty; Unusable when malformed (logins then all fail).
[[nodiscard]] LoginState login_state_of(std::string_view password_hash);

// Refuses (403) without a usable hash and (429, Retry-After) while the client must wait or is
// locked out, without checking the password then; a wrong password is 401 and counts against the
// client's address. The right one ends `current` (no session fixation) and sets a new session's
// cookie with a 303 to "/". The password is wiped from `request` either way.
[[nodiscard]] Response handle_login(Request& request, const std::optional<SessionStore::Session>& current,
                                    const LoginContext& context);

}  // namespace kiosk::web
