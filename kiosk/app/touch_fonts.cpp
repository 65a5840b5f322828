#include "touch_fonts.h"

#include "core/touch_panel_layout.h"
#include "fonts.h"

#include <filesystem>

namespace kiosk {

namespace {

// Zero-terminated pairs; static because ImGui keeps the pointer for the atlas's lifetime.
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis ("Mon–Fri", "O’Brien")
    0x20AC, 0x20AC,  // €
    0,
};
// The number only needs digits and punctuation; a small range keeps the huge size's atlas small.
constexpr ImWchar kNumberRanges[] = {
    0x0020, 0x007E,
    0x2010, 0x2015,
    0,
};

ImFont* add(ImFontAtlas& atlas, const std::string& path, int px, const ImWchar* ranges) {
    ImFontConfig cfg;
    // At these sizes horizontal oversampling buys nothing visible and would triple the atlas.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return atlas.AddFontFromFileTTF(path.c_str(), static_cast<float>(px), &cfg, ranges);
}

}  // namespace

std::optional<UiFonts> build_ui_fonts(ImFontAtlas& atlas, const std::string& family, int screen_w, int screen_h,
                                      std::string* error) {
    const std::optional<FontFiles> files = find_font_files(family, error);
    if (!files) return std::nullopt;
    const std::string& regular = files->path(FontStyle::Regular);
    const std::string& bold = files->path(FontStyle::Bold);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(regular, ec) || !std::filesystem::is_regular_file(bold, ec)) {
        if (error) *error = "font file missing: " + regular;
        return std::nullopt;
    }
    const PanelTextSizes px = panel_text_sizes(screen_w, screen_h);
    atlas.Clear();
    UiFonts fonts;
    fonts.body = add(atlas, regular, px.body, kTextRanges);
    fonts.large = add(atlas, bold, px.large, kTextRanges);
    fonts.huge = add(atlas, bold, px.huge, kNumberRanges);
    if (fonts.body == nullptr || fonts.large == nullptr || fonts.huge == nullptr || !atlas.Build()) {
        if (error) *error = "Dear ImGui could not load " + regular;
        atlas.Clear();
        return std::nullopt;
    }
    return fonts;
}

}  // namespace kiosk
