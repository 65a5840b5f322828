// The staff pages' routes: each page lives in its own file; this one only wires them to the Router.
// They share one PagesState (the preview renderer and the kiosk's screen size) for the router's life.
#include "web/staff_pages.h"

#include "web/edit_page.h"
#include "web/pages_state.h"
#include "web/slides_page.h"

#include <string>

namespace kiosk::web {

void register_staff_pages(Router& router, const StaffPagesContext& context,
                          const std::function<void(std::string_view)>& log) {
    const auto state = std::make_shared<PagesState>(context);
    // Before the first page: slides a reorder left hidden (the service stopped mid-way) come back.
    state->store().finish_interrupted_reorder();
    // And the temp files of saves the process was killed in the middle of, which nothing else removes.
    const int removed = state->store().remove_leftover_temp_files();
    if (log) {
        log("removed " + std::to_string(removed) + " leftover temp file" + (removed == 1 ? "" : "s") +
            " (.web-*.tmp) of interrupted saves from the slides folder");
    }
    register_slides_page(router, state);
    register_edit_page(router, state);
}

}  // namespace kiosk::web
