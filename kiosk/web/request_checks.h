// The server's refusal rules as plain functions (no socket), so each can be read and tested on its own.
#pragma once

#include "web/http_message.h"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::web {

// A decoded request path the server may route: starts with '/', no "." or ".." segment, no empty
// segment ("//"), no backslash or control character. Routing is by exact match anyway; this
// refuses traversal attempts outright (400) before they reach any handler.
[[nodiscard]] bool is_clean_path(std::string_view path);

// nullopt when a POST comes from this server's own pages: its Origin (or, without one, its
// Referer) is scheme://Host of this request. Else the reason it is refused.
[[nodiscard]] std::optional<std::string> cross_origin_problem(const Request& request, bool tls);

// Compares in time that depends only on the lengths (which are public: tokens are fixed-size).
[[nodiscard]] bool tokens_equal(std::string_view a, std::string_view b);

// The CSRF token a POST carries: form field "csrf", else header X-CSRF-Token.
[[nodiscard]] std::string posted_csrf_token(const Request& request);

inline constexpr std::string_view kSessionCookie = "kiosk_session";
// Set-Cookie values: the session (HttpOnly, SameSite=Strict, Secure under TLS) and its removal.
[[nodiscard]] std::string session_cookie(std::string_view id, bool tls);
[[nodiscard]] std::string expired_session_cookie(bool tls);

// The headers every response carries. `private_page`: Cache-Control no-store (all but /static).
void add_security_headers(Response& response, bool private_page);

}  // namespace kiosk::web
