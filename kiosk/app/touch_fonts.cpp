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

ImFontConfig font_config() {
    ImFontConfig cfg;
    // At these sizes horizontal oversampling buys nothing visible and would triple the atlas.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return cfg;
}

ImFont* add_file(ImFontAtlas& atlas, const std::string& path, int px, const ImWchar* ranges) {
    ImFontConfig cfg = font_config();
    return atlas.AddFontFromFileTTF(path.c_str(), static_cast<float>(px), &cfg, ranges);
}

// The atlas only reads the bytes (stb_truetype), and does not own them: no copy is made.
ImFont* add_memory(ImFontAtlas& atlas, const std::string& bytes, int px, const ImWchar* ranges) {
    ImFontConfig cfg = font_config();
    cfg.FontDataOwnedByAtlas = false;
    return atlas.AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()),
                                      static_cast<float>(px), &cfg, ranges);
}

template <typename Add>
std::optional<UiFonts> build(ImFontAtlas& atlas, const std::string& name, int screen_w, int screen_h,
                             std::string* error, Add add_font) {
    const PanelTextSizes px = panel_text_sizes(screen_w, screen_h);
    atlas.Clear();
    // The atlas texture is kept for the panel's lifetime: no rows of padding to a power of two.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    UiFonts fonts;
    fonts.body = add_font(FontStyle::Regular, px.body, kTextRanges);
    fonts.large = add_font(FontStyle::Bold, px.large, kTextRanges);
    fonts.huge = add_font(FontStyle::Bold, px.huge, kNumberRanges);
    if (fonts.body == nullptr || fonts.large == nullptr || fonts.huge == nullptr || !atlas.Build()) {
        if (error) *error = "Dear ImGui could not load " + name;
        atlas.Clear();
        return std::nullopt;
    }
    return fonts;
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
    return build(atlas, regular, screen_w, screen_h, error, [&](FontStyle style, int px, const ImWchar* ranges) {
        return add_file(atlas, files->path(style), px, ranges);
    });
}

std::optional<UiFonts> build_ui_fonts(ImFontAtlas& atlas, const FontSet& fonts, int screen_w, int screen_h,
                                      std::string* error) {
    return build(atlas, fonts.files().path(FontStyle::Regular), screen_w, screen_h, error,
                 [&](FontStyle style, int px, const ImWchar* ranges) {
                     return add_memory(atlas, fonts.file_data(style), px, ranges);
                 });
}

}  // namespace kiosk
