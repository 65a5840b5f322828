#include "web/request_checks.h"

namespace kiosk::web {

bool is_clean_path(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    for (const char c : path) {
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    if (path == "/") return true;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        start = end + 1;
    }
    return true;
}

std::optional<std::string> cross_origin_problem(const Request& request, bool tls) {
    const auto host = request.headers.find("host");
    if (host == request.headers.end() || host->second.empty()) return "the request has no Host header";
    const std::string own = std::string(tls ? "https://" : "http://") + host->second;
    if (const auto origin = request.headers.find("origin"); origin != request.headers.end()) {
        if (origin->second == own) return std::nullopt;
        return "it came from another site (Origin " + origin->second + ", expected " + own + ")";
    }
    if (const auto referer = request.headers.find("referer"); referer != request.headers.end()) {
        const std::string& r = referer->second;
        if (r == own || r.rfind(own + "/", 0) == 0) return std::nullopt;
        return "it came from another site (its Referer is not " + own + ")";
    }
    return "it does not say which page sent it (no Origin or Referer header)";
}

bool tokens_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
    return diff == 0;
}

std::string posted_csrf_token(const Request& request) {
    if (const auto f = request.form.find("csrf"); f != request.form.end()) return f->second;
    if (const auto h = request.headers.find("x-csrf-token"); h != request.headers.end()) return h->second;
    return {};
}

std::string session_cookie(std::string_view id, bool tls) {
    return std::string(kSessionCookie) + "=" + std::string(id) + "; Path=/; HttpOnly; SameSite=Strict" +
           (tls ? "; Secure" : "");
}

std::string expired_session_cookie(bool tls) {
    return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "");
}

void add_security_headers(Response& response, bool private_page) {
    auto& h = response.headers;
    // No inline script or style anywhere: the pages load /static/kiosk.js and /static/kiosk.css.
    h.emplace_back("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
                   "form-action 'self'; frame-ancestors 'none'");
    h.emplace_back("X-Frame-Options", "DENY");
    h.emplace_back("X-Content-Type-Options", "nosniff");
    h.emplace_back("Referrer-Policy", "same-origin");
    h.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
    h.emplace_back("Cache-Control", private_page ? "no-store" : "no-cache");
}

}  // namespace kiosk::web
