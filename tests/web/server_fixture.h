// A real HttpServer on 127.0.0.1 (a free port) with test routes registered on a real Router, and
// the server's log captured, for the HTTP tests. The routes are real handlers, not mocks: they are
// what the server protects, and they count their calls so a test can prove a refused request
// never reached one.
#pragma once

#include "core/web_password.h"
#include "http_client.h"
#include "web/html.h"
#include "web/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::test {

inline constexpr const char* kPassword = "front-desk-2026";

inline const std::string& password_hash() {
    static const std::string hash = hash_web_password(kPassword);
    return hash;
}

class WebServer {
public:
    // `routes` registers the pages to serve (the real staff pages, say); without it the server has
    // the two counting test routes below.
    using Routes = std::function<void(web::Router&)>;
    explicit WebServer(web::ServerOptions options = default_options(), const Routes& routes = {}) {
        web::Router router;
        if (routes) {
            routes(router);
        } else {
            add_test_routes(router);
        }
        options.host = "127.0.0.1";
        options.port = 0;
        options.log = [this](std::string_view line) {
            const std::lock_guard lock(mutex_);
            log_.emplace_back(line);
        };
        std::string error;
        server_ = web::HttpServer::start(std::move(router), std::move(options), &error);
        EXPECT_TRUE(server_) << error;
        port = server_ ? server_->port() : 0;
    }

    void add_test_routes(web::Router& router) {
        router.get("/", [this](const web::Request& r) {
            ++calls;
            return web::Response::html(web::page({"Slides", true, r.csrf_token}, "<p>slide list</p>"));
        });
        router.post("/echo", [this](const web::Request& r) {
            ++calls;
            std::string out = "saved " + (r.form.count("title") ? r.form.at("title") : std::string("-"));
            for (const auto& f : r.files) out += " file " + f.field + " " + std::to_string(f.data.size());
            return web::Response::text(out);
        });
    }

    static web::ServerOptions default_options() {
        web::ServerOptions o;
        o.password_hash = password_hash();
        o.throttle.first_delay = std::chrono::milliseconds(300);
        o.throttle.max_delay = std::chrono::milliseconds(2000);
        o.throttle.max_failures = 3;
        o.throttle.lockout = std::chrono::seconds(30);
        return o;
    }

    // Logs in from `source` and returns the session id ("" on failure).
    std::string login(const std::string& source = "127.0.0.1") const {
        HttpCall c;
        c.method = "POST";
        c.path = "/login";
        c.origin = "same";
        c.body = form_encode({{"password", kPassword}});
        c.source = source;
        return session_id_of(http(port, c));
    }
    // The CSRF token the logged-in page "/" embeds.
    std::string csrf_of(const std::string& session) const {
        HttpCall c;
        c.cookie = session;
        const HttpReply r = http(port, c);
        const std::string marker = "name=\"csrf\" value=\"";
        const auto at = r.body.find(marker);
        if (at == std::string::npos) return {};
        const auto start = at + marker.size();
        return r.body.substr(start, r.body.find('"', start) - start);
    }
    std::string log() const {
        const std::lock_guard lock(mutex_);
        std::string all;
        for (const auto& l : log_) all += l + "\n";
        return all;
    }

    int port = 0;
    std::atomic<int> calls{0};

private:
    mutable std::mutex mutex_;
    std::vector<std::string> log_;
    std::unique_ptr<web::HttpServer> server_;
};

}  // namespace kiosk::test
