// The Dear ImGui fonts of the patient touch panel: one typeface (the theme's family, found through
// fontconfig like the slides' fonts) at three pixel sizes scaled to the screen, so the panel's
// words are as large on a 4K portrait screen as on a 1080p landscape one.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

namespace kiosk {

class FontSet;

struct UiFonts {
    ImFont* body = nullptr;   // labels
    ImFont* large = nullptr;  // buttons, messages, typed text (bold)
    ImFont* huge = nullptr;   // the phone number (bold; digits and ASCII only)
};

// Adds the three fonts to `atlas` (clearing it first) at panel_text_sizes(screen_w, screen_h).
// Glyphs: Latin-1, Latin Extended-A, general punctuation (– … ’) and €. Call before the renderer
// backend builds its font texture (or call ImGui_ImplSDLRenderer_DestroyFontsTexture after a
// resize). nullopt and `error` set when no usable font file exists.
[[nodiscard]] std::optional<UiFonts> build_ui_fonts(ImFontAtlas& atlas, const std::string& family, int screen_w,
                                                    int screen_h, std::string* error = nullptr);
// The same from the font files `fonts` already holds in memory (the kiosk's way: each TTF file is
// read once for the slides and the panel). The atlas refers to those bytes: `fonts` must outlive it.
[[nodiscard]] std::optional<UiFonts> build_ui_fonts(ImFontAtlas& atlas, const FontSet& fonts, int screen_w,
                                                    int screen_h, std::string* error = nullptr);

}  // namespace kiosk
