#include "web/slides_page.h"

#include "core/deck.h"
#include "web/html.h"

namespace kiosk::web {

void register_slides_page(Router& router, const StaffPagesContext& context) {
    router.get("/", [context](const Request& request) {
        DeckLoadOptions options;
        const Deck deck = load_deck(context.slides_dir, options);
        std::string body = "<ul class=\"slides\">";
        for (const auto& f : deck.files) {
            body += "<li>" + html_escape(f.file_name) + " — " + html_escape(to_string(f.state)) + "</li>";
        }
        body += "</ul>";
        return Response::html(page({"Slides", true, request.csrf_token}, body));
    });
}

}  // namespace kiosk::web
