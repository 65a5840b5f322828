// The staff pages' routes: each page lives in its own file; this one only wires them to the Router.
#include "web/staff_pages.h"

#include "web/slides_page.h"

namespace kiosk::web {

void register_staff_pages(Router& router, const StaffPagesContext& context) {
    register_slides_page(router, context);
}

}  // namespace kiosk::web
