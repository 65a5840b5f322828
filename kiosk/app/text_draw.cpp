#include "text_draw.h"

#include <algorithm>

namespace kiosk {
namespace {

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string cache_key(std::string_view text, FontStyle style, int px, const Rgb& c) {
    std::string key;
    key.reserve(text.size() + 16);
    key += std::to_string(static_cast<int>(style));
    key += ':';
    key += std::to_string(px);
    key += ':';
    key += std::to_string((c.r << 16) | (c.g << 8) | c.b);
    key += ':';
    key += text;
    return key;
}

}  // namespace

TextDrawer::TextDrawer(SDL_Renderer* renderer, const FontSet& fonts, std::size_t max_textures)
    : renderer_(renderer), fonts_(fonts), max_textures_(std::max<std::size_t>(1, max_textures)) {}

const TextDrawer::Cached* TextDrawer::texture_for(std::string_view text, FontStyle style, int px,
                                                  const Rgb& colour) {
    std::string key = cache_key(text, style, px, colour);
    if (const auto hit = index_.find(key); hit != index_.end()) {
        cache_.splice(cache_.begin(), cache_, hit->second);
        return &cache_.front();
    }
    TTF_Font* font = fonts_.get(style, px);
    if (font == nullptr) return nullptr;
    const std::string terminated(text);
    const SDL_Color fg{colour.r, colour.g, colour.b, 255};
    sdl::Surface surface(TTF_RenderUTF8_Blended(font, terminated.c_str(), fg));
    if (!surface) return nullptr;
    sdl::Texture texture(SDL_CreateTextureFromSurface(renderer_, surface.get()));
    if (!texture) return nullptr;
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    cache_.push_front(Cached{key, std::move(texture), surface->w, surface->h});
    index_.emplace(std::move(key), cache_.begin());
    while (cache_.size() > max_textures_) {
        index_.erase(cache_.back().key);
        cache_.pop_back();
    }
    return &cache_.front();
}

void TextDrawer::draw_runs(const std::vector<PlacedRun>& runs, const RunColours& colours, int dx, int dy,
                           std::uint8_t alpha) {
    for (const PlacedRun& run : runs) {
        if (run.text.empty() || blank(run.text)) continue;
        const Rgb& colour = run.role == RunRole::Title          ? colours.title
                            : run.role == RunRole::BulletMarker ? colours.bullet
                                                                : colours.body;
        const Cached* t = texture_for(run.text, run.style, run.px, colour);
        if (t == nullptr) continue;
        SDL_SetTextureAlphaMod(t->texture.get(), alpha);
        const SDL_Rect dst{run.box.x + dx, run.box.y + dy, t->w, t->h};
        SDL_RenderCopy(renderer_, t->texture.get(), nullptr, &dst);
    }
}

Rect TextDrawer::draw_text(std::string_view text, FontStyle style, int px, const Rgb& colour, const Rect& box,
                           HAlign halign, VAlign valign, std::uint8_t alpha) {
    if (text.empty() || blank(text)) return Rect{box.x, box.y, 0, 0};
    const Cached* t = texture_for(text, style, px, colour);
    if (t == nullptr) return Rect{box.x, box.y, 0, 0};
    int x = box.x;
    if (halign == HAlign::Centre) x = box.x + (box.w - t->w) / 2;
    if (halign == HAlign::Right) x = box.right() - t->w;
    int y = box.y;
    if (valign == VAlign::Middle) y = box.y + (box.h - t->h) / 2;
    if (valign == VAlign::Bottom) y = box.bottom() - t->h;
    SDL_SetTextureAlphaMod(t->texture.get(), alpha);
    const SDL_Rect dst{x, y, t->w, t->h};
    SDL_RenderCopy(renderer_, t->texture.get(), nullptr, &dst);
    return Rect{x, y, t->w, t->h};
}

int TextDrawer::fit_px(std::string_view text, FontStyle style, int px, int max_width, int min_px) const {
    int size = std::max(1, px);
    while (size > min_px && fonts_.text_width(text, style, size) > max_width) --size;
    return size;
}

void TextDrawer::clear() {
    index_.clear();
    cache_.clear();
}

}  // namespace kiosk
