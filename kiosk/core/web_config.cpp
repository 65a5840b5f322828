#include "web_config.h"

#include "pin_lock.h"

#include <arpa/inet.h>

#include <charconv>

namespace kiosk {

std::optional<ListenAddress> parse_listen_address(std::string_view text, std::string* error) {
    const auto fail = [&](std::string why) -> std::optional<ListenAddress> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    ListenAddress out;
    std::string_view port_text;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return fail("an IPv6 address is written [ADDRESS]:PORT");
        out.host = std::string(text.substr(1, close - 1));
        out.ipv6 = true;
        port_text = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos) return fail("it has no port (write HOST:PORT)");
        out.host = std::string(text.substr(0, colon));
        port_text = text.substr(colon + 1);
    }
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
        return fail("the port must be a number from 0 to 65535");
    out.port = static_cast<std::uint16_t>(port);
    unsigned char buf[16];
    if (inet_pton(out.ipv6 ? AF_INET6 : AF_INET, out.host.c_str(), buf) != 1)
        return fail("'" + out.host + "' is not a numeric " + (out.ipv6 ? "IPv6" : "IPv4") + " address");
    return out;
}

void parse_web_config(const toml_util::Context& ctx, const toml::table& t, WebConfig& out, const WebConfig& last) {
    using toml_util::get_bool;
    using toml_util::get_int;
    using toml_util::get_string;
    toml_util::check_keys(ctx, t, "web",
                          {"listen", "enabled", "password_hash", "tls_certificate", "tls_key", "idle_minutes"});
    if (!get_bool(ctx, t, "enabled", out.enabled)) out.enabled = last.enabled;
    if (!get_int(ctx, t, "idle_minutes", out.idle_minutes, 1, 24 * 60)) out.idle_minutes = last.idle_minutes;
    if (get_string(ctx, t, "listen", out.listen)) {
        std::string why;
        if (!parse_listen_address(out.listen, &why)) {
            ctx.error(ctx.line_of(*t.get("listen")), "listen \"" + out.listen + "\" is not an address: " + why,
                      "Write HOST:PORT, for example \"0.0.0.0:8080\" (all networks) or \"127.0.0.1:8080\"");
            out.listen = last.listen;
        }
    } else {
        out.listen = last.listen;
    }
    if (get_string(ctx, t, "password_hash", out.password_hash)) {
        if (!out.password_hash.empty()) {
            if (const auto problem = pin_hash_problem(out.password_hash)) {
                // Kept as written: the server then refuses every login and its page says why.
                ctx.error(ctx.line_of(*t.get("password_hash")),
                          "password_hash is not usable (" + *problem + "): every login to the web page is refused",
                          "Run `kiosk hash-pin --web` and put the password_hash line it prints under [web]");
            }
        }
    } else {
        out.password_hash = last.password_hash;
    }
    if (!get_string(ctx, t, "tls_certificate", out.tls_certificate)) out.tls_certificate = last.tls_certificate;
    if (!get_string(ctx, t, "tls_key", out.tls_key)) out.tls_key = last.tls_key;
    if (out.tls_certificate.empty() != out.tls_key.empty()) {
        const char* given = out.tls_certificate.empty() ? "tls_key" : "tls_certificate";
        const toml::node* n = t.get(given);
        ctx.error(
            n ? ctx.line_of(*n) : 0,
            std::string("only ") + given + " is set: the web page needs both tls_certificate and tls_key for HTTPS",
            "Set both to PEM files (certificate and its private key), or neither for plain HTTP");
    }
}

}  // namespace kiosk
