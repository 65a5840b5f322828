#include "web/login_page.h"

#include "web/html.h"

namespace kiosk::web {

namespace {

constexpr std::string_view kHowToSetUp =
    "<ol><li>On the kiosk, run <code>kiosk hash-pin --web</code> and type the new password twice.</li>"
    "<li>Put the <code>password_hash = \"...\"</code> line it prints under <code>[web]</code> in "
    "<code>/etc/kiosk/kiosk.toml</code>.</li>"
    "<li>Run <code>sudo systemctl restart kiosk-web</code>, then reload this page.</li></ol>";

}  // namespace

std::string login_page(LoginState state, std::string_view message) {
    std::string body = "<section class=\"login\">";
    if (!message.empty()) body += "<p class=\"message error\" role=\"alert\">" + html_escape(message) + "</p>";
    if (state == LoginState::Ready) {
        body +=
            "<form method=\"post\" action=\"/login\">"
            "<label for=\"password\">Staff password</label>"
            "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" "
            "required autofocus>"
            "<button type=\"submit\">Log in</button></form>";
    } else {
        body += state == LoginState::NotSetUp
                    ? "<p class=\"message warn\">No password is set for this page yet, so nobody can log in.</p>"
                    : "<p class=\"message warn\">The password setting (<code>[web] password_hash</code>) is not a "
                      "valid hash, so nobody can log in.</p>";
        body += "<p>To set a password:</p>";
        body += kHowToSetUp;
    }
    body += "</section>";
    return page(PageFrame{"Staff log in", false, {}}, body);
}

}  // namespace kiosk::web
