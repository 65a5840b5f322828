// The kiosk's typeface: four styles of one family found through fontconfig, opened with SDL_ttf
// at pixel sizes on demand. It is the TextMeasurer the layout uses, so what is measured is drawn.
#pragma once

#include "core/text_layout.h"
#include "sdl_ptrs.h"

#include <array>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Font files for the four styles; `synthetic_*` means the family has no such face and SDL_ttf's
// algorithmic bold/italic is applied to the nearest file instead.
struct FontFiles {
    std::string family;  // the family actually found (may be a fallback)
    // Set when `family` is not the one asked for: "font_family \"X\" is not installed; using
    // \"DejaVu Sans\" instead", for the log (once, at start) and `kiosk check`.
    std::string fallback_note;
    std::array<std::string, 4> paths;  // indexed by FontStyle
    std::array<bool, 4> synthetic_bold{};
    std::array<bool, 4> synthetic_italic{};
    [[nodiscard]] const std::string& path(FontStyle style) const { return paths[static_cast<std::size_t>(style)]; }
};

// Finds `family`, else "DejaVu Sans", else any sans-serif, through fontconfig; else, with
// fontconfig broken or finding nothing, the DejaVu Sans files of the fonts-dejavu-core package
// the kiosk depends on, by path (kFallbackFontDir). nullopt and an error message saying what was
// tried when none of these exists, so the screen is never dark while a usable font is installed.
[[nodiscard]] std::optional<FontFiles> find_font_files(const std::string& family, std::string* error);

// Where fonts-dejavu-core puts DejaVuSans.ttf and DejaVuSans-Bold.ttf. The environment variable
// KIOSK_FALLBACK_FONT_DIR replaces it (tests use it to simulate a machine with no font at all).
inline constexpr const char* kFallbackFontDir = "/usr/share/fonts/truetype/dejavu";

class FontSet final : public TextMeasurer {
public:
    // Looks the family up (with fallbacks) and checks every file opens. Holds a TTF_Init reference
    // for its lifetime, so it works with only SDL_ttf initialised (no window, no video driver).
    [[nodiscard]] static std::optional<FontSet> open(const std::string& family, std::string* error);
    [[nodiscard]] static std::optional<FontSet> open_files(FontFiles files, std::string* error);

    FontSet(FontSet&& other) noexcept;
    FontSet& operator=(FontSet&& other) noexcept;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet() override;

    // The font for a style at a pixel size (em size = px). Owned by the set; the pointer stays valid
    // until `kMaxOpenFonts` other sizes have been asked for since, so use it right away, don't keep it.
    // nullptr only if the file became unreadable.
    [[nodiscard]] TTF_Font* get(FontStyle style, int px) const;

    [[nodiscard]] int text_width(std::string_view utf8, FontStyle style, int px) const override;
    [[nodiscard]] int line_height(int px) const override;
    // Ascent + descent of the rendered glyph box (what TTF_RenderUTF8 surfaces are tall).
    [[nodiscard]] int font_height(int px) const;

    [[nodiscard]] const FontFiles& files() const { return files_; }
    // The whole font file of a style, read once when the set opened: every size SDL_ttf opens and
    // the touch panel's ImGui fonts are made from these bytes, so no TTF file is read twice.
    [[nodiscard]] const std::string& file_data(FontStyle style) const {
        return *data_[static_cast<std::size_t>(style)];
    }

    static constexpr std::size_t kMaxOpenFonts = 48;

private:
    explicit FontSet(FontFiles files);
    struct Entry {
        FontStyle style;
        int px;
        sdl::Font font;
    };
    FontFiles files_;
    // Indexed by FontStyle; styles with the same file share one copy. Declared before cache_: the
    // open fonts read from these bytes, so they close first.
    std::array<std::shared_ptr<const std::string>, 4> data_;
    mutable std::list<Entry> cache_;  // most recently used first
    bool owns_ttf_init_ = false;
};

}  // namespace kiosk
