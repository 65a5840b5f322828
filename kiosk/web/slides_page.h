// The home page: every slide in play order with its status, and what the kiosk shows now.
#pragma once

#include "web/http_message.h"
#include "web/staff_pages.h"

namespace kiosk::web {

void register_slides_page(Router& router, const StaffPagesContext& context);

}  // namespace kiosk::web
