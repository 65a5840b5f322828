#include "fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <utility>

namespace kiosk {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const noexcept { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
struct ConfigDeleter {
    void operator()(FcConfig* p) const noexcept { FcConfigDestroy(p); }
};
// A private configuration, released after the lookup: no fontconfig global state outlives it.
using Config = std::unique_ptr<FcConfig, ConfigDeleter>;

struct Match {
    std::string file;
    std::string family;
    int weight = FC_WEIGHT_REGULAR;
    int slant = FC_SLANT_ROMAN;
};

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

const FcChar8* fc_str(const std::string& s) { return reinterpret_cast<const FcChar8*>(s.c_str()); }

// fontconfig always answers with *some* font; `family_must_match` rejects an answer from another
// family so the caller can try its next fallback deliberately.
std::optional<Match> match_font(FcConfig* config, const std::string& family, int weight, int slant,
                                bool family_must_match) {
    Pattern pattern(FcPatternCreate());
    if (!pattern) return std::nullopt;
    FcPatternAddString(pattern.get(), FC_FAMILY, fc_str(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, slant);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern found(FcFontMatch(config, pattern.get(), &result));
    if (!found || result != FcResultMatch) return std::nullopt;

    Match m;
    FcChar8* value = nullptr;
    if (FcPatternGetString(found.get(), FC_FILE, 0, &value) != FcResultMatch || value == nullptr) return std::nullopt;
    m.file = reinterpret_cast<const char*>(value);
    bool family_ok = !family_must_match;
    for (int i = 0; FcPatternGetString(found.get(), FC_FAMILY, i, &value) == FcResultMatch; ++i) {
        const std::string name = reinterpret_cast<const char*>(value);
        if (i == 0) m.family = name;
        if (same_name(name, family)) {
            m.family = name;
            family_ok = true;
        }
    }
    if (!family_ok) return std::nullopt;
    // SDL_ttf (FreeType) reads TrueType and OpenType/CFF; skip bitmap and Type 1 leftovers.
    if (FcPatternGetString(found.get(), FC_FONTFORMAT, 0, &value) == FcResultMatch) {
        const std::string format = reinterpret_cast<const char*>(value);
        if (format != "TrueType" && format != "CFF") return std::nullopt;
    }
    FcPatternGetInteger(found.get(), FC_WEIGHT, 0, &m.weight);
    FcPatternGetInteger(found.get(), FC_SLANT, 0, &m.slant);
    return m;
}

std::optional<FontFiles> files_for(FcConfig* config, const std::string& family, bool family_must_match) {
    const std::optional<Match> regular =
        match_font(config, family, FC_WEIGHT_REGULAR, FC_SLANT_ROMAN, family_must_match);
    if (!regular) return std::nullopt;
    FontFiles files;
    files.family = regular->family;
    for (const FontStyle style : {FontStyle::Regular, FontStyle::Bold, FontStyle::Italic, FontStyle::BoldItalic}) {
        const bool bold = style == FontStyle::Bold || style == FontStyle::BoldItalic;
        const bool italic = style == FontStyle::Italic || style == FontStyle::BoldItalic;
        const auto i = static_cast<std::size_t>(style);
        // Ask within the family we actually got, so a fallback never mixes two typefaces.
        const std::optional<Match> m =
            match_font(config, files.family, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
                       italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN, true);
        files.paths[i] = m ? m->file : regular->file;
        files.synthetic_bold[i] = bold && (!m || m->weight < FC_WEIGHT_DEMIBOLD);
        files.synthetic_italic[i] = italic && (!m || m->slant == FC_SLANT_ROMAN);
    }
    return files;
}

// The package's files by path: the last resort when fontconfig finds nothing usable.
std::optional<FontFiles> packaged_fallback(std::string* tried) {
    const char* dir_env = std::getenv("KIOSK_FALLBACK_FONT_DIR");
    const std::filesystem::path dir = dir_env != nullptr && *dir_env != '\0' ? dir_env : kFallbackFontDir;
    const std::string regular = (dir / "DejaVuSans.ttf").string();
    const std::string bold = (dir / "DejaVuSans-Bold.ttf").string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(regular, ec) || !std::filesystem::is_regular_file(bold, ec)) {
        *tried = regular + " (missing: apt-get install fonts-dejavu-core)";
        return std::nullopt;
    }
    FontFiles files;
    files.family = "DejaVu Sans";
    files.paths = {regular, bold, regular, bold};  // indexed by FontStyle: the italics are slanted by SDL_ttf
    files.synthetic_italic[static_cast<std::size_t>(FontStyle::Italic)] = true;
    files.synthetic_italic[static_cast<std::size_t>(FontStyle::BoldItalic)] = true;
    return files;
}

std::optional<FontFiles> find_with_fontconfig(const std::string& family, std::string* problem) {
    const Config config(FcInitLoadConfigAndFonts());
    if (!config) {
        *problem = "fontconfig could not be initialised";
        return std::nullopt;
    }
    for (const std::string& name : {family, std::string("DejaVu Sans")}) {
        if (name.empty()) continue;
        if (auto files = files_for(config.get(), name, true)) return files;
    }
    if (auto files = files_for(config.get(), "sans-serif", false)) return files;
    *problem = "fontconfig found no TrueType or OpenType font for \"" + family + "\", \"DejaVu Sans\" or sans-serif";
    return std::nullopt;
}

}  // namespace

std::optional<FontFiles> find_font_files(const std::string& family, std::string* error) {
    std::string fontconfig_problem, fallback_tried;
    std::optional<FontFiles> files = find_with_fontconfig(family, &fontconfig_problem);
    if (!files) files = packaged_fallback(&fallback_tried);
    if (!files) {
        if (error) *error = "no usable font: " + fontconfig_problem + ", and not " + fallback_tried;
        return std::nullopt;
    }
    if (!family.empty() && !same_name(files->family, family)) {
        files->fallback_note = "font_family \"" + family + "\" is not installed; using \"" + files->family +
                               "\" instead";
    }
    return files;
}



std::optional<FontSet> FontSet::open(const std::string& family, std::string* error) {
    std::optional<FontFiles> files = find_font_files(family, error);
    if (!files) return std::nullopt;
    return open_files(std::move(*files), error);
}

std::optional<FontSet> FontSet::open_files(FontFiles files, std::string* error) {
    FontSet set(std::move(files));
    if (TTF_Init() != 0) {
        if (error) *error = std::string("TTF_Init failed: ") + TTF_GetError();
        return std::nullopt;
    }
    set.owns_ttf_init_ = true;
    std::map<std::string, std::shared_ptr<const std::string>> read;  // path -> bytes
    for (std::size_t i = 0; i < set.data_.size(); ++i) {
        const std::string& path = set.files_.paths[i];
        auto& bytes = read[path];
        if (!bytes) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream all;
            all << in.rdbuf();
            if (!in || all.str().empty()) {
                if (error) *error = "cannot read font " + path;
                return std::nullopt;
            }
            bytes = std::make_shared<const std::string>(std::move(all).str());
        }
        set.data_[i] = bytes;
    }
    for (const FontStyle style : {FontStyle::Regular, FontStyle::Bold, FontStyle::Italic, FontStyle::BoldItalic}) {
        if (set.get(style, 16) == nullptr) {
            if (error) *error = "cannot open font " + set.files_.path(style) + ": " + TTF_GetError();
            return std::nullopt;
        }
    }
    return set;
}

FontSet::FontSet(FontFiles files) : files_(std::move(files)) {}

FontSet::FontSet(FontSet&& other) noexcept
    : files_(std::move(other.files_)),
      data_(std::move(other.data_)),
      cache_(std::move(other.cache_)),
      owns_ttf_init_(std::exchange(other.owns_ttf_init_, false)) {}

FontSet& FontSet::operator=(FontSet&& other) noexcept {
    if (this != &other) {
        cache_.clear();
        if (owns_ttf_init_) TTF_Quit();
        files_ = std::move(other.files_);
        data_ = std::move(other.data_);
        cache_ = std::move(other.cache_);
        owns_ttf_init_ = std::exchange(other.owns_ttf_init_, false);
    }
    return *this;
}

FontSet::~FontSet() {
    cache_.clear();  // fonts must close before SDL_ttf shuts down
    if (owns_ttf_init_) TTF_Quit();
}

TTF_Font* FontSet::get(FontStyle style, int px) const {
    px = std::max(1, px);
    const auto hit = std::find_if(cache_.begin(), cache_.end(),
                                  [&](const Entry& e) { return e.style == style && e.px == px; });
    if (hit != cache_.end()) {
        cache_.splice(cache_.begin(), cache_, hit);
        return cache_.front().font.get();
    }
    // At SDL_ttf's default 72 dpi a point is a pixel, so the em size is exactly `px`. From the
    // bytes in memory: FreeType reads the file's tables in place, with no file handle per size.
    const std::string& bytes = file_data(style);
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    if (rw == nullptr) return nullptr;
    sdl::Font font(TTF_OpenFontRW(rw, 1, px));
    if (!font) return nullptr;
    const auto i = static_cast<std::size_t>(style);
    int ttf_style = TTF_STYLE_NORMAL;
    if (files_.synthetic_bold[i]) ttf_style |= TTF_STYLE_BOLD;
    if (files_.synthetic_italic[i]) ttf_style |= TTF_STYLE_ITALIC;
    TTF_SetFontStyle(font.get(), ttf_style);
    cache_.push_front(Entry{style, px, std::move(font)});
    if (cache_.size() > kMaxOpenFonts) cache_.pop_back();
    return cache_.front().font.get();
}

int FontSet::text_width(std::string_view utf8, FontStyle style, int px) const {
    if (utf8.empty()) return 0;
    TTF_Font* font = get(style, px);
    if (font == nullptr) return 0;
    int w = 0;
    const std::string text(utf8);  // SDL_ttf wants a terminated string
    if (TTF_SizeUTF8(font, text.c_str(), &w, nullptr) != 0) return 0;
    return w;
}

int FontSet::line_height(int px) const {
    TTF_Font* font = get(FontStyle::Regular, px);
    return font != nullptr ? TTF_FontLineSkip(font) : px;
}

int FontSet::font_height(int px) const {
    TTF_Font* font = get(FontStyle::Regular, px);
    return font != nullptr ? TTF_FontHeight(font) : px;
}

}  // namespace kiosk
