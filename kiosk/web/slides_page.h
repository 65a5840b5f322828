// The home page: every slide in play order as a thumbnail with its status, duration, show window and
// messages, with the actions on it (edit, move, switch off/on, remove, add); what the kiosk shows now;
// the Removed list; the printer page. The thumbnails and the live screen are PNG routes of their own.
#pragma once

#include "web/http_message.h"
#include "web/pages_state.h"

#include <memory>

namespace kiosk::web {

void register_slides_page(Router& router, const std::shared_ptr<PagesState>& state);

}  // namespace kiosk::web
