#include "call_to_action_draw.h"

#include "core/call_to_action_layout.h"
#include "core/qr_code.h"
#include "core/slip.h"

#include <algorithm>

namespace kiosk {

namespace {

struct FontWidth final : NumberMeasure {
    const FontSet& fonts;
    const std::string& number;
    FontWidth(const FontSet& f, const std::string& n) : fonts(f), number(n) {}
    [[nodiscard]] int width_at(int px) const override { return fonts.text_width(number, FontStyle::Bold, px); }
};

void fill(SDL_Renderer* r, const Rect& rect, const Rgb& c) {
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
    const SDL_Rect sr{rect.x, rect.y, rect.w, rect.h};
    SDL_RenderFillRect(r, &sr);
}

}  // namespace

void draw_call_to_action(SDL_Renderer* renderer, TextDrawer& text, const FontSet& fonts, const KioskConfig& config,
                         const Rect& area, int screen_w, int screen_h) {
    const TextSizes sizes = preferred_text_sizes(screen_w, screen_h);
    const ThemeConfig& theme = config.theme;
    if (config.clinic.phone_hidden || tel_uri(config.clinic.phone).empty()) {
        text.draw_text(config.text.ask_at_desk, FontStyle::Bold,
                       text.fit_px(config.text.ask_at_desk, FontStyle::Bold, sizes.title_px, area.w, 12), theme.accent,
                       area, HAlign::Centre);
        return;
    }
    const std::string& number = config.clinic.phone;
    const CallToActionLayout c =
        call_to_action_layout(area, screen_w, screen_h, sizes.title_px, sizes.body_px, FontWidth(fonts, number));
    text.draw_text(number, FontStyle::Bold, c.number_px, theme.accent, c.number, HAlign::Centre);

    const QrMatrix qr = make_qr(tel_uri(number));
    if (!qr.empty() && c.qr.w > 0) {
        // Whole pixels per module, the quiet zone in white around it: scanners need the contrast
        // and crisp edges more than the last few pixels of size.
        const int modules = qr.size + 2 * kQrQuietZone;
        const int m = std::max(1, c.qr.w / modules);
        const int side = m * modules;
        const Rect box{c.qr.x + (c.qr.w - side) / 2, c.qr.y + (c.qr.h - side) / 2, side, side};
        fill(renderer, box, Rgb{0xFF, 0xFF, 0xFF});
        const Rgb dark{0, 0, 0};
        for (int y = 0; y < qr.size; ++y) {
            for (int x = 0; x < qr.size; ++x) {
                if (qr.dark(x, y))
                    fill(renderer, Rect{box.x + (kQrQuietZone + x) * m, box.y + (kQrQuietZone + y) * m, m, m}, dark);
            }
        }
    }
    if (c.caption.w > 0) {
        const int px = text.fit_px(config.text.scan_to_call, FontStyle::Regular, c.caption_px, c.caption.w, 12);
        text.draw_text(config.text.scan_to_call, FontStyle::Regular, px, theme.text, c.caption, HAlign::Centre);
    }
}

}  // namespace kiosk
