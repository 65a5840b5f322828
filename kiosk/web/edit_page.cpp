#include "web/edit_page.h"

#include "web/html.h"
#include "web/slide_form.h"

#include <map>
#include <vector>

namespace kiosk::web {

namespace {

struct EditView {
    std::string name;
    std::string etag;
    SlideFields fields;
    std::string text;                                          // the slide text the messages refer to
    std::map<std::string, std::vector<std::string>> messages;  // by field ("" = the whole slide)
    std::string banner;                                        // a sentence over the form
    bool banner_is_error = false;
    bool typed = false;  // the fields hold what was posted, not the saved file
};

void add_messages(EditView& v, const Diagnostics& diags) {
    for (const auto& d : diags) v.messages[field_for_line(v.text, d.line)].push_back(line_message(d));
}

std::string messages_for(const EditView& v, const std::string& field) {
    const auto it = v.messages.find(field);
    if (it == v.messages.end()) return "";
    std::string out;
    for (const auto& m : it->second) out += "<p class=\"field-error\" role=\"alert\">" + html_escape(m) + "</p>";
    return out;
}

std::string input(const EditView& v, const char* field, const char* label, const std::string& value,
                  const std::string& attrs, const char* help = "") {
    std::string out = "<div class=\"field\"><label for=\"f-" + std::string(field) + "\">" + label + "</label>";
    out += "<input id=\"f-" + std::string(field) + "\" name=\"" + field + "\" value=\"" + html_escape(value) + "\" " +
           attrs + ">";
    if (*help) out += "<p class=\"help\">" + std::string(help) + "</p>";
    return out + messages_for(v, field) + "</div>";
}

// A choice among `options` (value, label). A value the form has no choice for stays selected "as
// written", so saving other fields never changes it behind staff's back (its message shows beside it).
std::string select(const EditView& v, const char* field, const char* label, const std::string& value,
                   const std::vector<std::pair<std::string, std::string>>& options, const char* help = "") {
    std::string out = "<div class=\"field\"><label for=\"f-" + std::string(field) + "\">" + label +
                      "</label><select id=\"f-" + field + "\" name=\"" + field + "\">";
    bool known = false;
    for (const auto& [option, text] : options) {
        known = known || option == value;
        out += "<option value=\"" + html_escape(option) + "\"" + (option == value ? " selected" : "") + ">" +
               html_escape(text) + "</option>";
    }
    if (!known) {
        out += "<option value=\"" + html_escape(value) + "\" selected>as written: " + html_escape(value) + "</option>";
    }
    out += "</select>";
    if (*help) out += "<p class=\"help\">" + std::string(help) + "</p>";
    return out + messages_for(v, field) + "</div>";
}

std::string edit_body(const Request& request, const EditView& v) {
    const SlideFields& f = v.fields;
    std::string body;
    if (!v.banner.empty()) {
        body += std::string("<div class=\"") +
                (v.banner_is_error ? "message error\" role=\"alert" : "message ok\" role=\"status") + "\"><p>" +
                html_escape(v.banner) + "</p>";
        if (v.banner_is_error && !v.messages.empty()) {
            body += "<ul class=\"summary\">";
            for (const auto& [field, list] : v.messages) {
                for (const auto& m : list) body += "<li>" + html_escape(m) + "</li>";
            }
            body += "</ul>";
        }
        body += "</div>";
    }
    body += messages_for(v, "");
    body += "<p><a href=\"/\">← All slides</a> · <span class=\"file\">" + html_escape(v.name) +
            "</span> · <a href=\"/slide/raw?name=" + url_encode(v.name) + "\">Edit the file as text</a></p>";
    body +=
        "<form id=\"slide-form\" class=\"edit\" method=\"post\" action=\"/slide/save\" "
        "data-preview=\"/slide/preview\"" +
        std::string(v.typed ? " data-typed=\"1\"" : "") + ">";
    body += csrf_field(request.csrf_token) + "<input type=\"hidden\" name=\"name\" value=\"" + html_escape(v.name) +
            "\"><input type=\"hidden\" name=\"etag\" value=\"" + html_escape(v.etag) + "\">";
    body += "<div class=\"edit-fields\">";
    body += input(v, "title", "Title", f.title, "type=\"text\" maxlength=\"200\"");
    body += "<div class=\"field\"><label for=\"f-text\">Text</label><textarea id=\"f-text\" name=\"text\" rows=\"8\">" +
            html_escape(f.text) +
            "</textarea><p class=\"help\">One idea per line. Start a line with - for a "
            "bullet; put **two stars** around words to make them bold.</p>" +
            messages_for(v, "text") + "</div>";
    body += input(v, "picture", "Picture", f.picture, "type=\"text\" placeholder=\"art/name.svg\"",
                  "A file in the slides folder; upload a new one below.");
    body += select(v, "layout", "Layout", f.layout,
                   {{"", "standard (picture on the right)"},
                    {"image-right", "image-right"},
                    {"image-left", "image-left"},
                    {"image-top", "image-top"},
                    {"text-only", "text-only"},
                    {"image-only", "image-only"}});
    body += input(v, "duration", "Seconds on screen", f.duration,
                  "type=\"text\" inputmode=\"numeric\" placeholder=\"by reading time\"",
                  "Leave empty and the kiosk takes the time it needs to read the slide.");
    body +=
        input(v, "say", "Read aloud says", f.say, "type=\"text\" maxlength=\"2000\" placeholder=\"the title and text\"",
              "Leave empty and Read aloud reads the title and text. Write the words out here when the voice "
              "says one wrong (the clinic's name, for example).");
    body += select(v, "call_to_action", "Phone number and QR code", f.call_to_action,
                   {{"", "automatic: on the last slide if it has no picture"},
                    {"true", "yes: show them in place of the picture"},
                    {"false", "no: never on this slide"}},
                   "The clinic's number in large digits and a code a phone can scan to call it.");
    body += "<fieldset><legend>When it shows (leave empty for always)</legend>";
    body += input(v, "from", "From", f.from, "type=\"date\"");
    body += input(v, "until", "Until", f.until, "type=\"date\"");
    body += input(v, "days", "Days", f.days, "type=\"text\" placeholder=\"mon tue wed thu fri\"");
    body += input(v, "hours", "Hours", f.hours, "type=\"text\" placeholder=\"08:00-18:00\"");
    body += "</fieldset>";
    body +=
        "<div class=\"save-row\"><button type=\"submit\" class=\"primary\" id=\"save\">Save</button> "
        "<a class=\"button\" href=\"/slide?name=" +
        url_encode(v.name) + "\">Undo my changes</a></div>";
    body +=
        "</div><div class=\"edit-preview\"><h2>Preview</h2>"
        "<img id=\"preview\" src=\"/slide/preview?name=" +
        url_encode(v.name) +
        "\" alt=\"The slide as the kiosk will show it\" width=\"640\" height=\"360\">"
        "<p id=\"preview-status\" class=\"small\" role=\"status\">This is how the waiting room will see it.</p>"
        "</div></form>";
    body +=
        "<section class=\"upload\"><h2>New picture</h2>"
        "<form method=\"post\" action=\"/slide/picture\" enctype=\"multipart/form-data\">" +
        csrf_field(request.csrf_token) + "<input type=\"hidden\" name=\"name\" value=\"" + html_escape(v.name) +
        "\"><input type=\"hidden\" name=\"etag\" value=\"" + html_escape(v.etag) +
        "\"><input type=\"file\" name=\"picture\" accept=\"image/png,image/jpeg,image/svg+xml\" required> "
        "<button type=\"submit\">Upload and use on this slide</button>"
        "<p class=\"help\">PNG, JPEG or SVG, at most 32 MB and 8192 pixels on a side.</p></form></section>";
    return body;
}

Response edit_response(const Request& request, const EditView& v, int status = 200) {
    return Response::html(page({"Edit slide", true, request.csrf_token}, edit_body(request, v)), status);
}

Response not_found(const Request& request, const std::string& error) {
    return Response::html(
        page({"Slide not found", true, request.csrf_token},
             "<p class=\"message error\">" + html_escape(error) + "</p><p><a href=\"/\">← All slides</a></p>"),
        404);
}

// What a preview or save of this request would write: the raw text, or the form over the stored text.
std::string posted_text(const Request& request, const SlideText& stored) {
    if (request.form.count("raw")) {
        std::string raw;
        for (const char c : form_value(request, "raw")) {
            if (c != '\r') raw += c;
        }
        return raw;
    }
    return text_from_fields(stored.text, fields_from_form(request.form));
}

Response raw_page(const Request& request, const std::string& name, const std::string& etag, const std::string& text,
                  const std::string& banner, const Diagnostics& diags, int status) {
    std::string body;
    if (!banner.empty()) body += "<p class=\"message error\" role=\"alert\">" + html_escape(banner) + "</p>";
    for (const auto& d : diags)
        body += "<p class=\"field-error\" role=\"alert\">" + html_escape(line_message(d)) + "</p>";
    body += "<p><a href=\"/slide?name=" + url_encode(name) + "\">← Back to the form</a> · <span class=\"file\">" +
            html_escape(name) + "</span></p>";
    body +=
        "<form id=\"slide-form\" class=\"edit\" method=\"post\" action=\"/slide/raw/save\" "
        "data-preview=\"/slide/preview\">" +
        csrf_field(request.csrf_token) + "<input type=\"hidden\" name=\"name\" value=\"" + html_escape(name) +
        "\"><input type=\"hidden\" name=\"etag\" value=\"" + html_escape(etag) +
        "\"><div class=\"edit-fields\"><textarea name=\"raw\" class=\"raw\" rows=\"22\" spellcheck=\"false\">" +
        html_escape(text) +
        "</textarea><div class=\"save-row\"><button type=\"submit\" class=\"primary\">Save</button></div>"
        "</div><div class=\"edit-preview\"><h2>Preview</h2><img id=\"preview\" src=\"/slide/preview?name=" +
        url_encode(name) +
        "\" alt=\"The slide as the kiosk will show it\" width=\"640\" height=\"360\">"
        "<p id=\"preview-status\" class=\"small\" role=\"status\"></p></div></form>";
    return Response::html(page({"Edit slide file", true, request.csrf_token}, body), status);
}

EditView view_of(const std::string& name, const SlideText& t) {
    EditView v;
    v.name = name;
    v.etag = t.etag;
    v.text = t.text;
    v.fields = fields_from_text(t.text);
    return v;
}

}  // namespace

void register_edit_page(Router& router, const std::shared_ptr<PagesState>& state) {
    router.get("/slide", [state](const Request& request) {
        const std::string name = query_value(request, "name");
        const SlideStore store = state->store();
        const SlideText t = store.read(name);
        if (!t.error.empty()) return not_found(request, t.error);
        EditView v = view_of(name, t);
        v.banner = note_sentence(query_value(request, "note"));
        add_messages(v, store.check(name, t.text));
        return edit_response(request, v);
    });

    router.post("/slide/save", [state](const Request& request) {
        const std::string name = form_value(request, "name");
        SlideStore store = state->store();
        const SlideText stored = store.read(name);
        if (!stored.error.empty()) return not_found(request, stored.error);
        const std::string text = posted_text(request, stored);
        const SaveResult r = store.save(name, text, form_value(request, "etag"));
        if (r.outcome == SaveResult::Outcome::Saved)
            return Response::redirect("/slide?name=" + url_encode(name) + "&note=saved");
        EditView v;
        v.name = name;
        v.etag = form_value(request, "etag");  // the form keeps what was typed
        v.text = text;
        v.fields = fields_from_text(text);
        v.typed = true;
        v.banner = r.message;
        v.banner_is_error = true;
        add_messages(v, r.diagnostics);
        return edit_response(request, v, r.outcome == SaveResult::Outcome::Conflict ? 409 : 400);
    });

    router.get("/slide/raw", [state](const Request& request) {
        const std::string name = query_value(request, "name");
        const SlideText t = state->store().read(name);
        if (!t.error.empty()) return not_found(request, t.error);
        return raw_page(request, name, t.etag, t.text, "", {}, 200);
    });

    router.post("/slide/raw/save", [state](const Request& request) {
        const std::string name = form_value(request, "name");
        SlideStore store = state->store();
        const SlideText stored = store.read(name);
        if (!stored.error.empty()) return not_found(request, stored.error);
        const std::string text = posted_text(request, stored);
        const SaveResult r = store.save(name, text, form_value(request, "etag"));
        if (r.outcome == SaveResult::Outcome::Saved)
            return Response::redirect("/slide?name=" + url_encode(name) + "&note=saved");
        return raw_page(request, name, form_value(request, "etag"), text, r.message, r.diagnostics,
                        r.outcome == SaveResult::Outcome::Conflict ? 409 : 400);
    });

    // The saved version (the page's first picture) and the typed one (POSTed by kiosk.js as the staff
    // member types), both at the kiosk's own screen size.
    const auto preview = [state](const Request& request, bool typed) {
        const std::string name = typed ? form_value(request, "name") : query_value(request, "name");
        const SlideStore store = state->store();
        const SlideText stored = store.read(name);
        if (!stored.error.empty()) return Response::text(stored.error + "\n", 404);
        const std::string text = typed ? posted_text(request, stored) : stored.text;
        const auto [w, h] = state->screen_size();
        std::string error;
        std::string png = state->preview().render(name, text, store.folder(), store.config_for(name),
                                                  store.is_last_slide(name), w, h, error);
        if (png.empty()) return Response::text(error, 422);
        return Response::png(std::move(png));
    };
    router.get("/slide/preview", [preview](const Request& request) { return preview(request, false); });
    router.post("/slide/preview", [preview](const Request& request) { return preview(request, true); });

    router.post("/slide/picture", [state](const Request& request) {
        const std::string name = form_value(request, "name");
        SlideStore store = state->store();
        const SlideText stored = store.read(name);
        if (!stored.error.empty()) return not_found(request, stored.error);
        EditView v = view_of(name, stored);
        const UploadedFile* file = nullptr;
        for (const auto& f : request.files) {
            if (f.field == "picture") file = &f;
        }
        const UploadResult up = file ? store.upload_picture(file->filename, file->data)
                                     : UploadResult{400, "No picture was sent: choose a file first.", ""};
        if (up.status != 200) {
            v.banner = "Not uploaded: " + up.message;
            v.banner_is_error = true;
            return edit_response(request, v, up.status);
        }
        SlideFields fields = v.fields;
        fields.picture = up.picture;
        if (fields.layout == "text-only") fields.layout = "image-right";
        const SaveResult r = store.save(name, text_from_fields(stored.text, fields), form_value(request, "etag"));
        if (r.outcome == SaveResult::Outcome::Saved) {
            return Response::redirect("/slide?name=" + url_encode(name) + "&note=uploaded");
        }
        v.banner = up.message + " " + r.message;
        v.banner_is_error = true;
        add_messages(v, r.diagnostics);
        return edit_response(request, v, r.outcome == SaveResult::Outcome::Conflict ? 409 : 400);
    });
}

}  // namespace kiosk::web
