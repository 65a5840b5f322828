#include "web/html.h"

namespace kiosk::web {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string csrf_field(std::string_view csrf_token) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + html_escape(csrf_token) + "\">";
}

std::string page(const PageFrame& frame, std::string_view body_html) {
    std::string out;
    out += "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    out += "<title>" + html_escape(frame.title) + " · Kiosk</title>";
    out += "<link rel=\"stylesheet\" href=\"/static/kiosk.css\">";
    out += "<script src=\"/static/kiosk.js\" defer></script></head><body>";
    out += "<header class=\"top\"><h1>" + html_escape(frame.title) + "</h1>";
    if (frame.logged_in) {
        out += "<nav><a href=\"/\">Slides</a> <a href=\"/removed\">Removed</a> <a href=\"/printer\">Printer</a></nav>";
        out += "<form method=\"post\" action=\"/logout\" class=\"logout\">" + csrf_field(frame.csrf_token) +
               "<button type=\"submit\">Log out</button></form>";
    }
    out += "</header><main>";
    out += body_html;
    out += "</main></body></html>\n";
    return out;
}

}  // namespace kiosk::web
