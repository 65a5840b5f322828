// Changing one slide: the form (title, text, picture, layout, duration, when it shows) with a preview
// drawn by the kiosk's own renderer that follows every keystroke, the raw file one click away, and a
// picture upload. Every save is checked first and refused with "line N: message" next to the field.
#pragma once

#include "web/http_message.h"
#include "web/pages_state.h"

#include <memory>

namespace kiosk::web {

void register_edit_page(Router& router, const std::shared_ptr<PagesState>& state);

}  // namespace kiosk::web
