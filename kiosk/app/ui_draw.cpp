#include "ui_draw.h"

#include "core/frame_damage.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>

namespace kiosk {

ImU32 colour(const Rgb& c, float alpha) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255.0F));
}

Rgb mix(const Rgb& a, const Rgb& b, float t) {
    auto m = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(static_cast<float>(x) + (static_cast<float>(y) - static_cast<float>(x)) * t);
    };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)};
}

Rect inset(const Rect& r, int by) {
    return {r.x + by, r.y + by, std::max(0, r.w - 2 * by), std::max(0, r.h - 2 * by)};
}

float text_width(ImFont* font, float px, std::string_view s) {
    return font->CalcTextSizeA(px, FLT_MAX, 0.0F, s.data(), s.data() + s.size()).x;
}

std::vector<std::string_view> wrap(ImFont* font, float px, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const float scale = px / font->FontSize;
    size_t start = 0;
    // Paragraph by paragraph: ImGui's wrap position does not stop at '\n', it only resets the width.
    while (start <= text.size()) {
        const size_t nl = text.find('\n', start);
        const std::string_view para =
            text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        const char* s = para.data();
        const char* const e = para.data() + para.size();
        if (s == e) lines.emplace_back();
        while (s < e) {
            const char* cut = font->CalcWordWrapPositionA(scale, s, e, width);
            if (cut == s) {  // one glyph wider than the box: take it anyway, whole
                cut = s + 1;
                while (cut < e && (static_cast<unsigned char>(*cut) & 0xC0U) == 0x80U) ++cut;
            }
            std::string_view line(s, static_cast<size_t>(cut - s));
            while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
            lines.push_back(line);
            s = cut;
            while (s < e && *s == ' ') ++s;
        }
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

namespace {

struct FittedText {
    float size = 0;
    std::vector<std::string_view> lines;
};

FittedText fit_text(ImFont* font, float px, const Rect& box, std::string_view text) {
    const float w = fpx(box.w);
    const float h = fpx(box.h);
    // Never above the atlas size: scaled-up glyphs look ragged, and ragged letters are hard to read.
    px = std::min(px, font->FontSize);
    FittedText f{px, {}};
    for (;;) {
        f.lines = wrap(font, f.size, text, w);
        float widest = 0;
        for (const auto l : f.lines) widest = std::max(widest, text_width(font, f.size, l));
        // ImGui's font size already is the line height.
        if ((widest <= w && static_cast<float>(f.lines.size()) * f.size <= h) || f.size <= px * 0.5F) break;
        f.size *= 0.94F;
    }
    return f;
}

}  // namespace

float fitted_text_px(ImFont* font, float px, const Rect& box, std::string_view text) {
    if (text.empty() || box.w <= 0 || box.h <= 0) return 0;
    return fit_text(font, px, box, text).size;
}

void draw_text(ImDrawList* dl, ImFont* font, float px, const Rect& box, std::string_view text, ImU32 col, Align align) {
    if (text.empty() || box.w <= 0 || box.h <= 0) return;
    const float w = fpx(box.w);
    const float h = fpx(box.h);
    const FittedText fitted = fit_text(font, px, box, text);
    const float size = fitted.size;
    const std::vector<std::string_view>& lines = fitted.lines;
    float y = fpx(box.y) + (h - static_cast<float>(lines.size()) * size) / 2.0F;
    for (const auto l : lines) {
        const float lw = text_width(font, size, l);
        float x = fpx(box.x);
        if (align == Align::Center) x += (w - lw) / 2.0F;
        if (align == Align::Right) x += w - lw;
        dl->AddText(font, size, ImVec2(x, y), col, l.data(), l.data() + l.size());
        y += size;
    }
}

float draw_paragraph(ImDrawList* dl, ImFont* font, float px, ImVec2 at, float width, std::string_view text, ImU32 col) {
    px = std::min(px, font->FontSize);
    float y = at.y;
    for (const auto l : wrap(font, px, text, width)) {
        dl->AddText(font, px, ImVec2(at.x, y), col, l.data(), l.data() + l.size());
        y += px;
    }
    return y - at.y;
}

float paragraph_height(ImFont* font, float px, float width, std::string_view text) {
    px = std::min(px, font->FontSize);
    return fpx(static_cast<int>(wrap(font, px, text, width).size())) * px;
}

bool touch_area(const char* id, const Rect& r, const Look& look, float radius) {
    if (r.w <= 0 || r.h <= 0) return false;
    ImGui::SetCursorScreenPos(top_left(r));
    const bool clicked = ImGui::InvisibleButton(id, size_of(r));
    const bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (look.border_px > 0) {
        // The outline as a filled shape under an inset fill: no background colour peeks out at the
        // rounded corners, which a stroked outline would leave.
        const float b = look.border_px;
        dl->AddRectFilled(top_left(r), bottom_right(r), look.border, radius);
        dl->AddRectFilled(ImVec2(fpx(r.x) + b, fpx(r.y) + b), ImVec2(fpx(r.right()) - b, fpx(r.bottom()) - b),
                          held ? look.fill_held : look.fill, std::max(0.0F, radius - b));
    } else {
        dl->AddRectFilled(top_left(r), bottom_right(r), held ? look.fill_held : look.fill, radius);
    }
    // An opaque button hides the slide under its middle: a fade frame need not draw there.
    const auto opaque = [](ImU32 c) { return ((c >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF; };
    auto* drawn = static_cast<UiDrawnAreas*>(ImGui::GetIO().UserData);
    if (drawn && opaque(held ? look.fill_held : look.fill) && (look.border_px <= 0 || opaque(look.border))) {
        for (const Rect& core : opaque_core(r, radius)) {
            if (core.w > 0 && core.h > 0) drawn->opaque.push_back(core);
        }
    }
    return clicked;
}

bool text_button(const char* id, const Rect& r, std::string_view label, const Look& look, float radius, ImFont* font,
                 float px) {
    const bool clicked = touch_area(id, r, look, radius);
    draw_text(ImGui::GetWindowDrawList(), font, px, inset(r, std::max(4, r.h / 8)), label, look.text);
    return clicked;
}

UiFonts usable(const UiFonts& f) {
    ImFont* fallback = ImGui::GetFont();
    return {f.body ? f.body : fallback, f.large ? f.large : fallback, f.huge ? f.huge : fallback};
}

bool begin_overlay(const char* id, const Rect& r, bool modal) {
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                        ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0F);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0F);
    ImGui::SetNextWindowPos(top_left(r));
    ImGui::SetNextWindowSize(size_of(r));
    if (modal) ImGui::SetNextWindowFocus();
    return ImGui::Begin(id, nullptr, modal ? kFlags : kFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
}

void end_overlay() {
    ImGui::End();
    ImGui::PopStyleVar(3);
}

}  // namespace kiosk
