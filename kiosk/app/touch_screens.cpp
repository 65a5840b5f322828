#include "touch_screens.h"

#include "core/qr_code.h"
#include "core/touch_panel_layout.h"
#include "ui_draw.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

namespace {

// ---- widgets -------------------------------------------------------------------------------------

struct Palette {
    Look primary;   // the choices, "Send", the touch button: the theme's button colours
    Look close;     // dark, always in the same corner
    Look plain;     // Back and the keys: white with a dark outline
    ImU32 card = 0;
    ImU32 text = 0;
    ImU32 dim = 0;
    Rgb problem_fill, problem_edge, ok_fill, ok_edge;
    float radius = 0;
};

Palette palette(const ThemeConfig& t, float radius, float line_px) {
    Palette p;
    const Rgb white{0xFF, 0xFF, 0xFF};
    const Rgb black{0, 0, 0};
    p.primary = {colour(t.button_background), colour(mix(t.button_background, black, 0.3F)), colour(t.button_text),
                 colour(t.button_text), 0};
    p.close = {colour(t.text), colour(mix(t.text, black, 0.4F)), colour(white), 0, 0};
    p.plain = {colour(white), colour(mix(white, t.accent, 0.3F)), colour(t.text), colour(t.text), line_px};
    p.card = colour(t.background);
    p.text = colour(t.text);
    p.dim = IM_COL32(0, 0, 0, 170);
    p.problem_fill = mix(t.background, t.button_background, 0.12F);
    p.problem_edge = t.button_background;
    p.ok_fill = mix(t.background, t.accent, 0.10F);
    p.ok_edge = t.accent;
    p.radius = radius;
    return p;
}

// ⌫ drawn, so it needs no glyph and no translation.
void draw_backspace_icon(ImDrawList* dl, const Rect& key, ImU32 col, float line) {
    const float h = static_cast<float>(key.h) * 0.36F;
    const float w = h * 1.6F;
    const float cx = static_cast<float>(key.x) + static_cast<float>(key.w) / 2.0F;
    const float cy = static_cast<float>(key.y) + static_cast<float>(key.h) / 2.0F;
    const float x0 = cx - w / 2.0F;
    const float x1 = cx + w / 2.0F;
    const float tip = h * 0.45F;
    const ImVec2 pts[5] = {{x0, cy}, {x0 + tip, cy - h / 2.0F}, {x1, cy - h / 2.0F}, {x1, cy + h / 2.0F},
                           {x0 + tip, cy + h / 2.0F}};
    dl->AddPolyline(pts, 5, col, ImDrawFlags_Closed, line);
    const float xc = (x0 + tip + x1) / 2.0F;
    const float d = h * 0.22F;
    dl->AddLine(ImVec2(xc - d, cy - d), ImVec2(xc + d, cy + d), col, line);
    dl->AddLine(ImVec2(xc - d, cy + d), ImVec2(xc + d, cy - d), col, line);
}

// ␣ drawn: a bracket lying on its back.
void draw_space_icon(ImDrawList* dl, const Rect& key, ImU32 col, float line) {
    const float w = static_cast<float>(key.w) * 0.4F;
    const float h = static_cast<float>(key.h) * 0.16F;
    const float cx = static_cast<float>(key.x) + static_cast<float>(key.w) / 2.0F;
    const float y = static_cast<float>(key.y) + static_cast<float>(key.h) * 0.6F;
    const ImVec2 pts[4] = {{cx - w / 2.0F, y - h}, {cx - w / 2.0F, y}, {cx + w / 2.0F, y}, {cx + w / 2.0F, y - h}};
    dl->AddPolyline(pts, 4, col, ImDrawFlags_None, line);
}

// A thick arrow pointing down at the printer's slot.
void draw_down_arrow(ImDrawList* dl, const Rect& box, ImU32 col) {
    const float s = static_cast<float>(std::min(box.w, box.h));
    const float cx = static_cast<float>(box.x) + static_cast<float>(box.w) / 2.0F;
    const float top = static_cast<float>(box.y) + (static_cast<float>(box.h) - s) / 2.0F;
    const float shaft = s * 0.18F;
    dl->AddRectFilled(ImVec2(cx - shaft / 2.0F, top), ImVec2(cx + shaft / 2.0F, top + s * 0.55F), col);
    dl->AddTriangleFilled(ImVec2(cx - s * 0.36F, top + s * 0.5F), ImVec2(cx + s * 0.36F, top + s * 0.5F),
                          ImVec2(cx, top + s), col);
}

void draw_qr(ImDrawList* dl, const Rect& box, const QrMatrix& qr) {
    if (qr.empty()) return;
    const int module = qr_module_px(std::min(box.w, box.h), qr.size);
    if (module <= 0) return;
    const int side = module * (qr.size + 2 * kQrQuietZone);
    const int x0 = box.x + (box.w - side) / 2;
    const int y0 = box.y + (box.h - side) / 2;
    // White with the quiet zone, then dark runs: whole pixels, so edges are sharp for a camera.
    dl->AddRectFilled(ImVec2(static_cast<float>(x0), static_cast<float>(y0)),
                      ImVec2(static_cast<float>(x0 + side), static_cast<float>(y0 + side)), IM_COL32_WHITE);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size;) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < qr.size && qr.dark(x, y)) ++x;
            const int px = x0 + (kQrQuietZone + run_start) * module;
            const int py = y0 + (kQrQuietZone + y) * module;
            dl->AddRectFilled(ImVec2(static_cast<float>(px), static_cast<float>(py)),
                              ImVec2(static_cast<float>(px + (x - run_start) * module), static_cast<float>(py + module)),
                              IM_COL32_BLACK);
        }
    }
}

// ---- screens -------------------------------------------------------------------------------------

struct Ctx {
    const TouchPanelView& view;
    const KioskConfig& config;
    const UiFonts& fonts;
    const PanelFrame& frame;
    const PanelTextSizes& px;
    const Palette& pal;
    ImDrawList* dl;
};

void draw_band(const Ctx& c, const Rect& r, const Rgb& fill, const Rgb& edge, std::string_view text) {
    const float line = std::max(3.0F, fpx(c.frame.gap) * 0.25F);
    c.dl->AddRectFilled(top_left(r), bottom_right(r), colour(fill), c.pal.radius);
    c.dl->AddRect(top_left(r), bottom_right(r), colour(edge), c.pal.radius, 0, line);
    draw_text(c.dl, c.fonts.large, fpx(c.px.large), inset(r, c.frame.gap), text, c.pal.text);
}

void draw_number(const Ctx& c, const NumberLayout& n) {
    const auto& t = c.config.text;
    if (c.view.phone_hidden) {
        // A sentence, not a number: the large font fits it where the huge digits would go.
        draw_text(c.dl, c.fonts.large, fpx(c.px.large), n.number, c.view.phone_display, c.pal.text);
    } else if (c.view.phone_extension.empty()) {
        draw_text(c.dl, c.fonts.huge, fpx(c.px.huge), n.number, c.view.phone_display, c.pal.text);
    } else {
        // The extension on its own line under the digits: said to the receptionist, not dialled.
        Rect digits = n.number;
        digits.h = n.number.h * 62 / 100;
        const Rect ext{n.number.x, digits.y + digits.h, n.number.w, n.number.h - digits.h};
        draw_text(c.dl, c.fonts.huge, fpx(c.px.huge), digits, c.view.phone_display, c.pal.text);
        draw_text(c.dl, c.fonts.large, fpx(c.px.large), ext, c.view.phone_extension, c.pal.text);
    }
    draw_text(c.dl, c.fonts.body, fpx(c.px.body), n.hours_label, t.hours_label, c.pal.text);
    draw_text(c.dl, c.fonts.large, fpx(c.px.large), n.hours, c.view.hours, c.pal.text);
    if (c.view.call_qr != nullptr) {
        draw_qr(c.dl, n.qr, *c.view.call_qr);
        draw_text(c.dl, c.fonts.body, fpx(c.px.body), n.scan_label, t.scan_to_call, c.pal.text);
    }
}

std::optional<PanelIntent> draw_choices(const Ctx& c) {
    const auto& t = c.config.text;
    struct Choice {
        const char* id;
        const std::string* label;
        PanelIntent intent;
    };
    std::vector<Choice> choices;
    if (c.view.offers_print) choices.push_back({"##print", &t.choice_print, intent::ChoosePrint{}});
    if (c.view.offers_callback) choices.push_back({"##callback", &t.choice_callback, intent::ChooseCallback{}});
    choices.push_back({"##show", &t.choice_show, intent::ChooseShow{}});
    const std::vector<Rect> rects = choice_rects(c.frame, static_cast<int>(choices.size()));
    std::optional<PanelIntent> out;
    for (size_t i = 0; i < choices.size(); ++i) {
        const Rect& r = rects[i];
        const bool hit = touch_area(choices[i].id, r, c.pal.primary, c.pal.radius);
        // A numbered disc on the left, then the words: "1  Print our number".
        const float d = std::min(fpx(r.h) * 0.56F, fpx(c.px.large) * 1.25F);
        const ImVec2 centre(fpx(r.x) + fpx(r.h) * 0.5F + fpx(c.frame.gap), fpx(r.y) + fpx(r.h) / 2.0F);
        c.dl->AddCircleFilled(centre, d / 2.0F, c.pal.primary.text, 48);
        const std::string number = std::to_string(i + 1);
        const Rect disc{static_cast<int>(centre.x - d / 2.0F), static_cast<int>(centre.y - d / 2.0F),
                        static_cast<int>(d), static_cast<int>(d)};
        draw_text(c.dl, c.fonts.large, fpx(c.px.large), disc, number, c.pal.primary.fill);
        const int text_x = static_cast<int>(centre.x + d / 2.0F) + c.frame.gap;
        const Rect words{text_x, r.y, r.right() - text_x - c.frame.gap * 2, r.h};
        draw_text(c.dl, c.fonts.large, fpx(c.px.large), inset(words, r.h / 10), *choices[i].label,
                  c.pal.primary.text);
        if (hit) out = choices[i].intent;
    }
    return out;
}

std::optional<PanelIntent> draw_field(const Ctx& c, const char* id, const Rect& label_box, const Rect& box,
                                      std::string_view label, std::string_view value, bool active, PanelField field) {
    draw_text(c.dl, c.fonts.body, fpx(c.px.body), label_box, label, c.pal.text, Align::Left);
    Look look = c.pal.plain;
    look.fill_held = look.fill;
    look.border = active ? colour(c.config.theme.accent) : colour(c.config.theme.text, 0.45F);
    look.border_px = active ? std::max(4.0F, fpx(c.frame.gap) * 0.35F) : std::max(2.0F, fpx(c.frame.gap) * 0.15F);
    const bool hit = touch_area(id, box, look, c.pal.radius * 0.6F);
    const int pad = c.frame.gap;
    Rect text_box = inset(box, pad);
    draw_text(c.dl, c.fonts.large, fpx(c.px.large), text_box, value, c.pal.text, Align::Left);
    if (active) {
        // A steady caret (no blinking: the loop only redraws on events).
        const float x = fpx(text_box.x) + std::min(text_width(c.fonts.large, fpx(c.px.large), value),
                                                    fpx(text_box.w) - 4.0F) + 2.0F;
        const float h = fpx(c.px.large) * 0.7F;
        const float cy = fpx(box.y) + fpx(box.h) / 2.0F;
        c.dl->AddRectFilled(ImVec2(x, cy - h / 2.0F), ImVec2(x + std::max(3.0F, h * 0.06F), cy + h / 2.0F),
                            colour(c.config.theme.accent));
    }
    if (hit) return intent::SwitchField{field};
    return std::nullopt;
}

std::optional<PanelIntent> draw_keypad(const Ctx& c) {
    const auto& t = c.config.text;
    const KeypadLayout k = keypad_layout(c.frame);
    const bool name_active = c.view.active_field == PanelField::Name;
    std::optional<PanelIntent> out;
    if (auto i = draw_field(c, "##name", k.name_label, k.name_field, t.keypad_name, c.view.name, name_active,
                            PanelField::Name))
        out = i;
    if (auto i = draw_field(c, "##phone", k.phone_label, k.phone_field, t.keypad_phone, c.view.phone, !name_active,
                            PanelField::Phone))
        out = i;
    if (!c.view.field_error.empty()) {
        const int bar = std::max(6, c.frame.gap / 2);
        c.dl->AddRectFilled(top_left(k.error), ImVec2(fpx(k.error.x + bar), fpx(k.error.bottom())),
                            colour(c.config.theme.button_background));
        const Rect words{k.error.x + bar + c.frame.gap, k.error.y, k.error.w - bar - c.frame.gap, k.error.h};
        draw_text(c.dl, c.fonts.body, fpx(c.px.body), words, c.view.field_error, c.pal.text, Align::Left);
    }

    const std::vector<KeyRect> keys = name_active ? letter_keys(k.keyboard, c.frame.screen.w, c.frame.screen.h)
                                                  : digit_keys(k.keyboard, c.frame.screen.w, c.frame.screen.h);
    const float line = std::max(3.0F, fpx(c.frame.gap) * 0.25F);
    Look key_look = c.pal.plain;
    key_look.border_px = line;
    for (size_t i = 0; i < keys.size(); ++i) {
        const KeyRect& key = keys[i];
        ImGui::PushID(static_cast<int>(i));
        const bool hit = touch_area("##key", key.rect, key_look, c.pal.radius * 0.5F);
        ImGui::PopID();
        switch (key.kind) {
            case KeyKind::Char: draw_text(c.dl, c.fonts.large, fpx(c.px.large), key.rect, key.label, key_look.text); break;
            case KeyKind::Backspace: draw_backspace_icon(c.dl, key.rect, key_look.text, line); break;
            case KeyKind::Space: draw_space_icon(c.dl, key.rect, key_look.text, line); break;
        }
        if (!hit) continue;
        if (key.kind == KeyKind::Backspace) {
            out = intent::Backspace{};
        } else {
            out = intent::KeyChar{key.ch};
        }
    }
    const std::string& submit = c.view.callback_hand_in ? t.keypad_submit_hand_in : t.keypad_submit;
    if (text_button("##submit", k.submit, submit, c.pal.primary, c.pal.radius, c.fonts.large,
                    fpx(c.px.large)))
        out = intent::Submit{};
    return out;
}

void draw_printing(const Ctx& c) {
    Rect body = c.frame.body;
    const Rect message{body.x, body.y, body.w, body.h / 2};
    draw_text(c.dl, c.fonts.large, fpx(c.px.large), message, c.view.message, c.pal.text);
    if (!c.view.slip_comes_out_here) return;  // a call-back slip printing at the desk: no slot to point at
    const Rect arrow{body.x, body.y + body.h / 2 + c.frame.gap, body.w, body.h / 2 - c.frame.gap};
    // About a third of the shorter side: a clear pointer, not a poster.
    const int side = std::min(arrow.h, std::min(c.frame.screen.w, c.frame.screen.h) / 3);
    draw_down_arrow(c.dl, Rect{arrow.x, arrow.y + (arrow.h - side) / 2, arrow.w, side}, colour(c.config.theme.accent));
}

// A sentence alone, while the printer is asked again; it takes a second or two at most.
void draw_checking(const Ctx& c) {
    const Rect body = c.frame.body;
    draw_text(c.dl, c.fonts.large, fpx(c.px.large), Rect{body.x, body.y, body.w, body.h / 2}, c.view.message,
              c.pal.text);
}

void draw_result(const Ctx& c) {
    const ResultLayout r = result_layout(c.frame, c.view.show_number);
    const Rgb& fill = c.view.message_is_problem ? c.pal.problem_fill : c.pal.ok_fill;
    const Rgb& edge = c.view.message_is_problem ? c.pal.problem_edge : c.pal.ok_edge;
    draw_band(c, r.message, fill, edge, c.view.message);
    if (c.view.show_number) draw_number(c, r.number);
}

const std::string* title_for(const TouchPanelView& v, const UiStrings& t) {
    switch (v.screen) {
        case PanelScreen::Choices: return &t.panel_title;
        case PanelScreen::Keypad: return &t.choice_callback;
        // With the phone hidden there is no number to call: the screen sends patients to the desk.
        case PanelScreen::ShowNumber: return v.phone_hidden ? &t.panel_title : &t.call_us;
        case PanelScreen::Printing:
        case PanelScreen::Checking:
        case PanelScreen::Result:
        case PanelScreen::Closed: return nullptr;
    }
    return nullptr;
}

}  // namespace

std::optional<PanelIntent> draw_touch_button(const Rect& where, const UiStrings& text, const ThemeConfig& theme,
                                             const UiFonts& fonts_in) {
    if (where.w <= 0 || where.h <= 0) return std::nullopt;
    const UiFonts fonts = usable(fonts_in);
    const float radius = fpx(where.h) * 0.22F;
    const Palette pal = palette(theme, radius, 0);
    std::optional<PanelIntent> out;
    if (begin_overlay("##touch_button", where, false)) {
        // A light outline keeps the button distinct on any slide background or picture.
        Look look = pal.primary;
        look.border = colour(theme.button_text);
        look.border_px = std::max(3.0F, fpx(where.h) * 0.04F);
        const bool hit = touch_area("##touch", where, look, radius);
        const int pad = std::max(4, where.h / 7);
        const Rect label{where.x + where.h / 3, where.y + pad, where.w - 2 * (where.h / 3), where.h - 2 * pad};
        // As large as the box and the atlas allow: the label is the kiosk's one invitation.
        draw_text(ImGui::GetWindowDrawList(), fonts.large, fpx(label.h) * 0.95F, label, text.button_label,
                  colour(theme.button_text));
        if (hit) out = intent::Open{};
    }
    end_overlay();
    return out;
}

std::optional<PanelIntent> draw_touch_panel(const TouchPanelView& view, const KioskConfig& config,
                                            const UiFonts& fonts_in, int screen_w, int screen_h) {
    if (view.screen == PanelScreen::Closed || screen_w <= 0 || screen_h <= 0) return std::nullopt;
    const UiFonts fonts = usable(fonts_in);
    const PanelFrame frame = panel_frame(screen_w, screen_h);
    const PanelTextSizes px = panel_text_sizes(screen_w, screen_h);
    const Palette pal = palette(config.theme, fpx(frame.radius), std::max(3.0F, fpx(frame.gap) * 0.2F));
    const UiStrings& t = config.text;

    std::optional<PanelIntent> out;
    // The panel is modal: it takes every touch while open.
    if (begin_overlay("##touch_panel", Rect{0, 0, screen_w, screen_h}, true)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(fpx(screen_w), fpx(screen_h)), pal.dim);
        dl->AddRectFilled(top_left(frame.card), bottom_right(frame.card), pal.card, pal.radius);
        const Ctx c{view, config, fonts, frame, px, pal, dl};

        // Back wherever there is somewhere to go back to; Close always, in the same corner.
        const bool has_back = view.screen == PanelScreen::Keypad || view.screen == PanelScreen::Result ||
                              (view.screen == PanelScreen::ShowNumber && (view.offers_print || view.offers_callback));
        if (has_back && text_button("##back", frame.back, t.back, pal.plain, pal.radius, fonts.large, fpx(px.large)))
            out = intent::Back{};
        if (text_button("##close", frame.close, t.close, pal.close, pal.radius, fonts.large, fpx(px.large)))
            out = intent::Close{};
        if (const std::string* title = title_for(view, t)) {
            Rect title_box = frame.title;
            if (!has_back) {
                title_box.w += title_box.x - frame.back.x;
                title_box.x = frame.back.x;
            }
            draw_text(dl, fonts.large, fpx(px.large), title_box, *title, pal.text,
                      has_back ? Align::Center : Align::Left);
        }

        std::optional<PanelIntent> body;
        switch (view.screen) {
            case PanelScreen::Choices: body = draw_choices(c); break;
            case PanelScreen::Keypad: body = draw_keypad(c); break;
            case PanelScreen::Printing: draw_printing(c); break;
            case PanelScreen::Checking: draw_checking(c); break;
            case PanelScreen::Result: draw_result(c); break;
            case PanelScreen::ShowNumber: draw_number(c, number_layout(frame.body, frame)); break;
            case PanelScreen::Closed: break;
        }
        if (body) out = body;
    }
    end_overlay();
    return out;
}

}  // namespace kiosk
