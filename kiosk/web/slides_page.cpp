#include "web/slides_page.h"

#include "web/html.h"
#include "web/kiosk_link.h"
#include "web/kiosk_status_html.h"

#include "core/print_status.h"
#include "core/translations.h"

namespace kiosk::web {

namespace {

std::string action_button(const Request& request, const std::string& action, const std::string& name,
                          const std::string& label, const std::string& css = "", const std::string& extra = "") {
    return "<form method=\"post\" action=\"" + action + "\" class=\"inline\">" + csrf_field(request.csrf_token) +
           "<input type=\"hidden\" name=\"name\" value=\"" + html_escape(name) + "\">" + extra +
           "<button type=\"submit\"" + (css.empty() ? "" : " class=\"" + css + "\"") + ">" + label + "</button></form>";
}

std::string note_html(const Request& request) {
    const std::string note = note_sentence(query_value(request, "note"));
    return note.empty() ? "" : "<p class=\"message ok\" role=\"status\">" + html_escape(note) + "</p>";
}

std::string error_html(const std::string& message) {
    return "<p class=\"message error\" role=\"alert\">" + html_escape(message) + "</p>";
}

// "Spanish: edit" links for a slide's translations, by the language names in kiosk.toml.
std::string translations_html(const SlideEntry& e, const KioskConfig& config) {
    if (e.translations.empty()) return "";
    std::string out = "<p class=\"translations\">Translations: ";
    for (std::size_t i = 0; i < e.translations.size(); ++i) {
        const std::string& t = e.translations[i];
        const auto lang = slide_translation_name(t);
        std::string label = lang ? lang->language : t;
        if (const LanguageOption* l = lang ? config.languages.find(lang->language) : nullptr; l && !l->name.empty())
            label = l->name;
        out += std::string(i ? " · " : "") + "<a href=\"/slide?name=" + url_encode(t) + "\">" + html_escape(label) +
               "</a>";
    }
    return out + "</p>";
}

// "Move to place [n]": one step for a slide that goes far, which ↑/↓ would take many for.
std::string place_form(const Request& request, const SlideEntry& e, std::size_t place, std::size_t count) {
    std::string out = "<form method=\"post\" action=\"/slides/move\" class=\"inline place\">" +
                      csrf_field(request.csrf_token) + "<input type=\"hidden\" name=\"name\" value=\"" +
                      html_escape(e.name) + "\"><label>Place <select name=\"place\" data-autosubmit>";
    for (std::size_t i = 1; i <= count; ++i) {
        out += "<option value=\"" + std::to_string(i) + "\"" + (i == place ? " selected" : "") + ">" +
               std::to_string(i) + "</option>";
    }
    return out + "</select></label><button type=\"submit\" class=\"noscript\">Move</button></form>";
}

std::string slide_card(const Request& request, const SlideEntry& e, const KioskConfig& config, std::size_t place,
                       std::size_t count) {
    const bool first = place == 1, last = place == count;
    const std::string status_class = e.status == SlideStatus::Playing     ? "playing"
                                     : e.status == SlideStatus::Scheduled ? "scheduled"
                                     : e.status == SlideStatus::Off       ? "off"
                                                                          : "problems";
    std::string out = "<li class=\"slide-card " + status_class + "\">";
    out += "<a class=\"thumb\" href=\"/slide?name=" + url_encode(e.name) +
           "\"><img src=\"/slide/thumb?name=" + url_encode(e.name) +
           "\" alt=\"\" width=\"320\" height=\"180\" loading=\"lazy\"></a>";
    out += "<div class=\"slide-info\"><h2><a href=\"/slide?name=" + url_encode(e.name) + "\">" +
           html_escape(e.title.empty() ? "(no title)" : e.title) + "</a></h2>";
    // A switched-off slide says whether it would switch on, so staff need not try to find out.
    const std::string status =
        std::string(to_string(e.status)) + (e.switch_on_error.empty() ? "" : " — has errors: " + e.switch_on_error);
    out += "<p><span class=\"status " + status_class + "\">" + html_escape(status) + "</span> ";
    if (e.duration_seconds > 0) out += std::to_string(e.duration_seconds) + " s · ";
    if (!e.show_window.empty()) out += "shows " + html_escape(e.show_window) + " · ";
    out += "<span class=\"file\">" + html_escape(e.name) + "</span></p>";
    out += translations_html(e, config);
    if (!e.messages.empty()) {
        out += "<ul class=\"messages\">";
        for (const auto& m : e.messages) out += "<li>" + html_escape(m) + "</li>";
        out += "</ul>";
    }
    out += "<div class=\"actions\"><a class=\"button\" href=\"/slide?name=" + url_encode(e.name) + "\">Edit</a>";
    if (!first)
        out += action_button(request, "/slides/move", e.name, "↑ Earlier", "",
                             "<input type=\"hidden\" name=\"step\" value=\"-1\">");
    if (!last)
        out += action_button(request, "/slides/move", e.name, "↓ Later", "",
                             "<input type=\"hidden\" name=\"step\" value=\"1\">");
    if (count > 2) out += place_form(request, e, place, count);
    out += e.status == SlideStatus::Off ? action_button(request, "/slides/on", e.name, "Switch on")
                                        : action_button(request, "/slides/off", e.name, "Switch off");
    out += action_button(request, "/slides/remove", e.name, "Remove",
                         "danger\" data-confirm=\"Remove this slide? You can restore it from the Removed page.");
    out += "</div></div></li>";
    return out;
}

std::string slides_body(PagesState& state, const Request& request, const std::string& error) {
    const SlideStore store = state.store();
    const auto entries = store.list(to_local(std::chrono::system_clock::now()));
    std::string body = note_html(request) + (error.empty() ? "" : error_html(error));
    body += "<div class=\"home\"><div class=\"slides-column\">";
    body += "<p class=\"lead\">The kiosk plays these slides from top to bottom. Click a slide to change it.</p>";
    body += "<ol class=\"slide-list\">";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        body += slide_card(request, entries[i], store.config(), i + 1, entries.size());
    }
    body += "</ol>";
    if (entries.empty()) body += "<p>There are no slides yet.</p>";
    // Add: from the layout of an existing slide.
    body += "<section class=\"add\"><h2>Add a slide</h2><form method=\"post\" action=\"/slides/add\">" +
            csrf_field(request.csrf_token) +
            "<label>Title <input type=\"text\" name=\"title\" required maxlength=\"120\"></label>"
            "<label>Look like <select name=\"template\">";
    for (const auto& e : entries) {
        body += "<option value=\"" + html_escape(e.name) + "\">" + html_escape(e.title.empty() ? e.name : e.title) +
                "</option>";
    }
    body += "</select></label><button type=\"submit\">Add slide</button></form></section>";
    body += "</div><aside class=\"side-column\">" + on_screen_html(state.context().state_dir) +
            printer_html(state.context().state_dir) + "</aside></div>";
    return body;
}

Response list_page(PagesState& state, const Request& request, const std::string& error = "", int status = 200) {
    return Response::html(page({"Slides", true, request.csrf_token}, slides_body(state, request, error)), status);
}

// A list action: done → back to the list with its note; refused → the list with the reason.
Response after(PagesState& state, const Request& request, const SaveResult& r, const std::string& note) {
    if (r.outcome == SaveResult::Outcome::Saved) return Response::redirect("/?note=" + note);
    std::string message = r.message;
    for (const auto& d : r.diagnostics) message += " " + line_message(d);
    return list_page(state, request, message, r.outcome == SaveResult::Outcome::Conflict ? 409 : 400);
}

}  // namespace

void register_slides_page(Router& router, const std::shared_ptr<PagesState>& state) {
    router.get("/", [state](const Request& request) { return list_page(*state, request); });

    router.get("/slide/thumb", [state](const Request& request) {
        const std::string name = query_value(request, "name");
        const SlideStore store = state->store();
        const SlideText t = store.read(name);
        if (!t.error.empty()) return Response::text(t.error + "\n", 404);
        const auto [w, h] = state->screen_size();
        std::string error;
        std::string png = state->preview().render(name, t.text, store.folder(), store.config_for(name),
                                                  store.is_last_slide(name), w, h, error, 320, 180);
        if (png.empty()) return Response::text(error, 422);
        return Response::png(std::move(png));
    });

    router.get(
        "/screen.png",
        [state](const Request&) {
            const KioskAnswer a = ask_kiosk(state->context().state_dir, "screenshot-public");
            if (!a.ok) return Response::text(a.error + "\n", 503);
            state->saw_screenshot(a.bytes);
            return Response::png(a.bytes);
        },
        Waits::Kiosk);

    // ↑/↓ send step = -1/+1; the place list sends place = 1..n.
    router.post("/slides/move", [state](const Request& request) {
        const std::string name = form_value(request, "name");
        if (request.form.count("place")) {
            const std::string place = form_value(request, "place");
            const bool number =
                !place.empty() && place.size() < 6 && place.find_first_not_of("0123456789") == std::string::npos;
            if (!number) return list_page(*state, request, "Choose a place from the list.", 400);
            return after(*state, request, state->store().move_to(name, std::stoi(place)), "moved");
        }
        const int step = form_value(request, "step") == "-1" ? -1 : 1;
        return after(*state, request, state->store().move(name, step), "moved");
    });
    router.post("/slides/on", [state](const Request& request) {
        return after(*state, request, state->store().set_enabled(form_value(request, "name"), true), "on");
    });
    router.post("/slides/off", [state](const Request& request) {
        return after(*state, request, state->store().set_enabled(form_value(request, "name"), false), "off");
    });
    router.post("/slides/remove", [state](const Request& request) {
        return after(*state, request, state->store().remove(form_value(request, "name")), "removed");
    });
    router.post("/slides/add", [state](const Request& request) {
        const SaveResult r = state->store().add_from(form_value(request, "template"), form_value(request, "title"));
        if (r.outcome == SaveResult::Outcome::Saved) {
            return Response::redirect("/slide?name=" + url_encode(r.name) + "&note=added");
        }
        return after(*state, request, r, "");
    });

    router.get("/removed", [state](const Request& request) {
        const auto names = state->store().removed();
        std::string body = note_html(request) +
                           "<p class=\"lead\">Removed slides are kept here. Restore one to "
                           "put it back at the end of the play order.</p><ul class=\"removed\">";
        for (const auto& n : names) {
            body += "<li><span class=\"file\">" + html_escape(n) + "</span> " +
                    action_button(request, "/removed/restore", n, "Restore") + "</li>";
        }
        body += "</ul>";
        if (names.empty()) body += "<p>Nothing has been removed.</p>";
        return Response::html(page({"Removed slides", true, request.csrf_token}, body));
    });
    router.post("/removed/restore", [state](const Request& request) {
        const SaveResult r = state->store().restore(form_value(request, "name"));
        if (r.outcome == SaveResult::Outcome::Saved) return Response::redirect("/?note=restored");
        return after(*state, request, r, "");
    });

    const auto printer_page = [state](const Request& request, const std::string& result, bool ok, int status) {
        std::string body;
        if (!result.empty()) {
            // One line per printer ("Desk printer: printed on …"), each on a line of its own.
            std::string lines = html_escape(result);
            for (std::size_t at = lines.find('\n'); at != std::string::npos; at = lines.find('\n', at))
                lines.replace(at, 1, "<br>");
            body += std::string("<p class=\"message ") + (ok ? "ok" : "error") +
                    "\" role=\"status\" id=\"test-print-result\">" + lines + "</p>";
        }
        body += printer_html(state->context().state_dir);
        body += "<form method=\"post\" action=\"/printer/test\">" + csrf_field(request.csrf_token) +
                "<button type=\"submit\" id=\"test-print\">Test print</button> <span class=\"small\">The kiosk prints "
                "a sample slip (no patient details) and this page shows how it went.</span></form>";
        body += on_screen_html(state->context().state_dir);
        return Response::html(page({"Printer", true, request.csrf_token}, body), status);
    };
    router.get("/printer", [printer_page](const Request& request) { return printer_page(request, "", true, 200); });
    // The running kiosk prints (one process owns the printer); this waits for the printer's answer.
    router.post(
        "/printer/test",
        [state, printer_page](const Request& request) {
            const KioskAnswer a = ask_kiosk(state->context().state_dir, "test-print", 65000);
            if (!a.ok) return printer_page(request, "Test print not done: " + a.error, false, 503);
            const bool printed = test_print_succeeded(a.bytes);
            return printer_page(request, "Test print: " + a.bytes, printed, 200);
        },
        Waits::Kiosk);
}

}  // namespace kiosk::web
