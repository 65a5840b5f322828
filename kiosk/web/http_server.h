// The staff page's HTTP server (GNU libmicrohttpd). It turns each request into a Request and, BEFORE
// any handler runs, enforces what every page relies on: a session for everything but /login and
// /static/*, a per-session CSRF token and a same-origin Origin/Referer on every POST, the size and
// connection limits, and 404/405. It owns login (password check, throttling), logout and the two
// static files, and adds the security headers to every answer. Handlers run one at a time (so the
// pages need no locking of their own) but only after their request is fully read: a slow client
// holds its own connection thread, never the handlers, and only until the time caps cut it off.
#pragma once

#include "web/http_message.h"
#include "web/login_throttle.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::web {

struct ServerLimits {
    std::size_t max_request_bytes = 34u * 1024 * 1024;   // a whole request body
    std::size_t max_upload_bytes = 32u * 1024 * 1024;    // one uploaded file (the deck loader's limit)
    std::size_t max_field_bytes = 256u * 1024;           // one text field (a slide file is at most 64 KB)
    std::size_t max_buffered_bytes = 96u * 1024 * 1024;  // all bodies being received at once
    std::size_t header_memory_bytes = 32u * 1024;        // request line + headers per connection
    unsigned max_connections = 32;
    unsigned max_connections_per_ip = 8;
    unsigned idle_timeout_seconds = 15;  // a connection silent this long is closed
    // A client that sends a byte now and then is never idle, so two caps on the clock as well: the
    // request line and headers (a browser sends them in one packet) from the connection's start or
    // its last answer, and the whole request with its body and answer (a 32 MB upload at ~1 Mbit/s).
    unsigned header_timeout_seconds = 10;
    unsigned request_timeout_seconds = 300;
};

struct ServerOptions {
    std::string host = "0.0.0.0";
    std::uint16_t port = 8080;  // 0: any free port (see HttpServer::port())
    bool ipv6 = false;
    std::string password_hash;        // `kiosk hash-pin --web`; empty: every login refused
    std::string tls_certificate_pem;  // both set: HTTPS
    std::string tls_key_pem;
    std::chrono::seconds session_idle{30 * 60};
    LoginThrottleRules throttle;
    ServerLimits limits;
    // One line per event (start, login, refusals, errors). Never receives a password, a form
    // field or a query value. Called from the connection threads, one call at a time.
    std::function<void(std::string_view)> log;
};

class HttpServer {
public:
    // Starts serving on its own threads; nullptr (and `error`) when the address cannot be bound or
    // the TLS certificate/key is refused.
    static std::unique_ptr<HttpServer> start(Router router, ServerOptions options, std::string* error);
    ~HttpServer();  // stops and waits for the connection threads
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    [[nodiscard]] std::uint16_t port() const;
    [[nodiscard]] bool tls() const;

    struct Impl;

private:
    explicit HttpServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::web
