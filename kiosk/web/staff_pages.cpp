// The staff pages' routes: each page lives in its own file; this one only wires them to the Router.
// They share one PagesState (the preview renderer and the kiosk's screen size) for the router's life.
#include "web/staff_pages.h"

#include "web/edit_page.h"
#include "web/pages_state.h"
#include "web/slides_page.h"

namespace kiosk::web {

void register_staff_pages(Router& router, const StaffPagesContext& context) {
    const auto state = std::make_shared<PagesState>(context);
    // Before the first page: slides a reorder left hidden (the service stopped mid-way) come back.
    state->store().finish_interrupted_reorder();
    register_slides_page(router, state);
    register_edit_page(router, state);
}

}  // namespace kiosk::web
