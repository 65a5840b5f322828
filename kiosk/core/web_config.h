// [web] in kiosk.toml: the staff web page (`kiosk web`). Read apart from config.cpp so the listen
// address and TLS rules sit next to their messages; no SDL include (the web process has no screen).
#pragma once

#include "toml_helpers.h"

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

struct WebConfig {
    std::string listen = "0.0.0.0:8080";  // HOST:PORT; [::]:PORT for IPv6
    bool enabled = true;
    std::string password_hash;    // from `kiosk hash-pin --web`; empty = every login refused
    std::string tls_certificate;  // PEM path; HTTPS when both this and tls_key are set
    std::string tls_key;
    int idle_minutes = 30;  // a session unused this long is ended
    friend bool operator==(const WebConfig&, const WebConfig&) = default;
};

// "0.0.0.0:8080", "127.0.0.1:0", "[::1]:8443" → host and port; nullopt (with a reason) otherwise.
struct ListenAddress {
    std::string host;
    std::uint16_t port = 0;
    bool ipv6 = false;
};
[[nodiscard]] std::optional<ListenAddress> parse_listen_address(std::string_view text, std::string* error = nullptr);

// Reads [web]; a bad key is reported as file:line and keeps its value from `last`.
void parse_web_config(const toml_util::Context& ctx, const toml::table& table, WebConfig& out, const WebConfig& last);

}  // namespace kiosk
