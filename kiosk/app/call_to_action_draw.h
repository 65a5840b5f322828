// Paints the call-to-action slide's number and tel: QR code (call_to_action_layout.h) into the
// slide's picture box, with SDL, so it is part of the slide's texture and crossfades with it.
#pragma once

#include "core/config.h"
#include "core/slide_layout.h"
#include "fonts.h"
#include "text_draw.h"

#include <SDL.h>

namespace kiosk {

// `area` is the picture box; `title_px` the slide's preferred title size. With the phone hidden
// the box shows "Please ask at the desk." instead (no number, no code).
void draw_call_to_action(SDL_Renderer* renderer, TextDrawer& text, const FontSet& fonts, const KioskConfig& config,
                         const Rect& area, int screen_w, int screen_h);

}  // namespace kiosk
