// What the widgets of one ImGui frame drew, noted for drawing frames in parts (screen_updates.h).
// UiLayer points ImGuiIO::UserData at its own, so the widgets need no extra parameter.
#pragma once

#include "core/text_layout.h"

#include <vector>

namespace kiosk {

struct UiDrawnAreas {
    std::vector<Rect> opaque;  // these hide what is under them completely
};

}  // namespace kiosk
