// Small helpers every staff page uses, so escaping and the page frame are written once.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::web {

// Escapes & < > " ' for text and attribute values. Every string that came from a file or a request goes
// through this before it reaches HTML.
std::string html_escape(std::string_view text);

// A whole page: doctype, <head> with the shared stylesheet (/static/kiosk.css) and script
// (/static/kiosk.js, loaded with defer: the CSP forbids inline script), a header with the page title and,
// when logged_in, the navigation and a logout button (which needs csrf_token).
struct PageFrame {
    std::string_view title;
    bool logged_in = true;
    std::string_view csrf_token;
};
std::string page(const PageFrame& frame, std::string_view body_html);

// <input type="hidden" name="csrf" value="...">
std::string csrf_field(std::string_view csrf_token);

}  // namespace kiosk::web
