#include "web/login_handler.h"

#include "core/pin_lock.h"
#include "web/request_checks.h"

#include <string.h>  // explicit_bzero

namespace kiosk::web {

namespace {

std::string seconds_of(std::chrono::milliseconds wait) {
    return std::to_string((wait.count() + 999) / 1000);
}

}  // namespace

LoginState login_state_of(std::string_view password_hash) {
    if (password_hash.empty()) return LoginState::NotSetUp;
    return is_usable_pin_hash(password_hash) ? LoginState::Ready : LoginState::Unusable;
}

Response handle_login(Request& r, const std::optional<SessionStore::Session>& current, const LoginContext& c) {
    const LoginState state = login_state_of(c.password_hash);
    auto field = r.form.find("password");
    std::string password = field == r.form.end() ? std::string() : field->second;
    if (field != r.form.end()) explicit_bzero(field->second.data(), field->second.size());
    struct Wipe {
        std::string& s;
        ~Wipe() { explicit_bzero(s.data(), s.size()); }
    } wipe{password};

    if (state != LoginState::Ready) {
        c.log("login refused for " + r.client + ": no usable [web] password_hash is set");
        return Response::html(login_page(state, {}), 403);
    }
    const auto verdict = c.throttle.check(r.client);
    if (!verdict.allowed) {
        const std::string seconds = seconds_of(verdict.wait);
        c.log("login refused for " + r.client +
              (verdict.locked_out ? ": locked out" : ": too soon after a wrong password") + " (" + seconds +
              " s left)");
        Response res = Response::html(
            login_page(state, verdict.locked_out
                                  ? "Too many wrong passwords from this computer. Try again in " + seconds + " seconds."
                                  : "Please wait " + seconds + " seconds before trying again."),
            429);
        res.headers.emplace_back("Retry-After", seconds);
        return res;
    }
    if (password.empty() || !verify_pin(password, c.password_hash)) {
        const int failures = c.throttle.failed(r.client);
        const int max = c.throttle.rules().max_failures;
        const bool locked = failures >= max;
        c.log("wrong web password from " + r.client + " (" + std::to_string(failures) + " of " + std::to_string(max) +
              ")" + (locked ? ": locked out" : ""));
        const std::string seconds = seconds_of(c.throttle.check(r.client).wait);
        return Response::html(
            login_page(state,
                       locked ? "Wrong password. Too many wrong tries: this computer must wait " + seconds + " seconds."
                              : "Wrong password. Wait " + seconds + " seconds, then try again."),
            401);
    }
    c.throttle.succeeded(r.client);
    if (current) c.sessions.end(current->id);
    const auto session = c.sessions.create();
    c.log("staff logged in from " + r.client);
    Response res = Response::redirect("/");
    res.headers.emplace_back("Set-Cookie", session_cookie(session.id, c.tls));
    return res;
}

}  // namespace kiosk::web
