#include "staff_screens.h"

#include "core/staff_panel_layout.h"
#include "ui_draw.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

namespace {

// ---- colours ------------------------------------------------------------------------------------

// Status colours are fixed, not themed: staff learn them once, and each always comes with a word.
const Rgb kGood{0x1E, 0x7B, 0x34};
const Rgb kWarn{0xF2, 0xB2, 0x33};  // with dark text
const Rgb kBad{0xB3, 0x26, 0x1E};
const Rgb kNeutral{0x6B, 0x72, 0x7A};
const Rgb kWhite{0xFF, 0xFF, 0xFF};
const Rgb kBlack{0, 0, 0};

struct Ui {
    const ThemeConfig& theme;
    UiFonts fonts;
    ImDrawList* dl = nullptr;
    float radius = 0;
    float line = 0;   // outline thickness
    float small = 0;  // line heights in px: diagnostics and details
    float body = 0;   // list rows, counters
    float button = 0; // button labels (bold)
    float title = 0;  // screen titles (bold)

    [[nodiscard]] Look primary() const {
        return {colour(theme.button_background), colour(mix(theme.button_background, kBlack, 0.3F)),
                colour(theme.button_text), colour(theme.button_text), 0};
    }
    [[nodiscard]] Look dark() const {
        return {colour(theme.text), colour(mix(theme.text, kBlack, 0.4F)), colour(kWhite), colour(kWhite), 0};
    }
    [[nodiscard]] Look plain() const {
        return {colour(kWhite), colour(mix(kWhite, theme.accent, 0.3F)), colour(theme.text), colour(theme.text), line};
    }
};

// ---- widgets -------------------------------------------------------------------------------------

// The shared flat button in the staff look: the large font at button size unless `px` says otherwise.
bool text_button(const Ui& ui, const char* id, const Rect& r, std::string_view label, const Look& look,
                 float px = 0) {
    return text_button(id, r, label, look, ui.radius, ui.fonts.large, px > 0 ? px : ui.button);
}

// A rounded label with a word in it: "OK", "Warning", "Rejected". Returns its width.
float draw_badge(const Ui& ui, ImVec2 at, float h, const Rgb& fill, std::string_view word) {
    const float px = h * 0.78F;
    const float w = text_width(ui.fonts.large, std::min(px, ui.fonts.large->FontSize), word) + h * 0.7F;
    ui.dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), colour(fill), h * 0.25F);
    // Dark words on light fills (amber), white on the rest.
    const float luma = 0.299F * fill.r + 0.587F * fill.g + 0.114F * fill.b;
    const Rgb text = luma > 150.0F ? ui.theme.text : kWhite;
    const Rect box{static_cast<int>(at.x), static_cast<int>(at.y), static_cast<int>(w), static_cast<int>(h)};
    draw_text(ui.dl, ui.fonts.large, px, box, word, colour(text));
    return w;
}

// ---- the card both screens sit on -----------------------------------------------------------------

Ui make_ui(const ThemeConfig& theme, const UiFonts& fonts, int radius, int gap) {
    Ui ui{theme, usable(fonts)};
    ui.dl = ImGui::GetWindowDrawList();
    ui.radius = fpx(radius);
    ui.line = std::max(3.0F, fpx(gap) * 0.2F);
    ui.body = ui.fonts.body->FontSize * 0.82F;
    ui.small = ui.fonts.body->FontSize * 0.68F;
    ui.button = ui.fonts.large->FontSize * 0.78F;
    ui.title = ui.fonts.large->FontSize;
    return ui;
}

// Both staff screens: full screen and modal, the slide dimmed behind a card in the theme's
// background, and `body` drawing on it with a Ui sized from the layout's gap and radius.
template <class Layout, class Body>
void on_card(const char* id, const Layout& l, const ThemeConfig& theme, const UiFonts& fonts, int w, int h,
             const Body& body) {
    if (begin_overlay(id, Rect{0, 0, w, h}, true)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(fpx(w), fpx(h)), IM_COL32(0, 0, 0, 200));
        dl->AddRectFilled(top_left(l.card), bottom_right(l.card), colour(theme.background), fpx(l.radius));
        body(make_ui(theme, fonts, l.radius, l.gap));
    }
    end_overlay();
}

}  // namespace

// ---- the keypad ----------------------------------------------------------------------------------

void draw_pin_keypad(const StaffView& view, StaffPanelModel& model, const ThemeConfig& theme, const UiFonts& fonts,
                     int w, int h) {
    const StaffKeypadLayout k = staff_keypad_layout(w, h);
    on_card("##staff-pin", k, theme, fonts, w, h, [&](const Ui& ui) {
        const bool not_set_up = view.message == PinMessage::NotSetUp;
        const bool locked = view.message == PinMessage::LockedOut || not_set_up;
        draw_text(ui.dl, ui.fonts.large, ui.title, k.title, "Staff only: enter the PIN", colour(theme.accent),
                  k.landscape ? Align::Left : Align::Center);

        // The field shows one dot per digit typed, never the digits.
        const float border = std::max(4.0F, ui.line * 1.3F);
        ui.dl->AddRectFilled(top_left(k.pin_field), bottom_right(k.pin_field), colour(theme.accent), ui.radius);
        ui.dl->AddRectFilled(top_left(inset(k.pin_field, static_cast<int>(border))),
                             bottom_right(inset(k.pin_field, static_cast<int>(border))), colour(kWhite),
                             ui.radius - border);
        if (view.pin_length == 0) {
            draw_text(ui.dl, ui.fonts.body, ui.body, inset(k.pin_field, k.gap),
                      not_set_up ? "No PIN can be checked" : locked ? "Wait, then type the PIN" : "Type the PIN on the keys",
                      colour(kNeutral));
        } else {
            const float d = fpx(k.pin_field.h) * 0.28F;
            const float step = d * 1.6F;
            const auto n = static_cast<float>(view.pin_length);
            float x = fpx(k.pin_field.x) + (fpx(k.pin_field.w) - (n - 1) * step) / 2.0F;
            const float cy = fpx(k.pin_field.y) + fpx(k.pin_field.h) / 2.0F;
            for (std::size_t i = 0; i < view.pin_length; ++i, x += step)
                ui.dl->AddCircleFilled(ImVec2(x, cy), d / 2.0F, colour(theme.text), 32);
        }

        std::string message;
        if (view.message == PinMessage::WrongPin) {
            message = "Wrong PIN. " + std::to_string(view.remaining_attempts) +
                      (view.remaining_attempts == 1 ? " try" : " tries") + " left.";
        } else if (not_set_up) {
            message = "The staff PIN is not set up. Run kiosk hash-pin (see the log).";
        } else if (locked) {
            char time[16];
            std::snprintf(time, sizeof time, "%d:%02d", view.seconds_until_unlock / 60, view.seconds_until_unlock % 60);
            message = std::string("Too many wrong PINs. Locked for ") + time + ".";
        }
        if (!message.empty()) {
            const Rect band{k.message.x, k.message.y, k.message.w,
                            std::min(k.message.h, static_cast<int>(ui.button * 2.0F) + 2 * k.gap)};
            ui.dl->AddRectFilled(top_left(band), bottom_right(band), colour(mix(theme.background, kBad, 0.12F)), ui.radius);
            ui.dl->AddRect(top_left(band), bottom_right(band), colour(kBad), ui.radius, 0, ui.line);
            draw_text(ui.dl, ui.fonts.large, ui.button, inset(band, k.gap), message, colour(theme.text));
        }

        Look key = ui.plain();
        Look ok = ui.primary();
        if (locked) {  // still touchable (the core ignores them), but visibly asleep
            key.text = colour(kNeutral);
            key.border = colour(kNeutral);
            ok.fill = ok.fill_held = colour(mix(theme.button_background, kWhite, 0.55F));
        }
        for (std::size_t i = 0; i < k.keys.size(); ++i) {
            const StaffKey& sk = k.keys[i];
            ImGui::PushID(static_cast<int>(i));
            bool hit = false;
            switch (sk.kind) {
                case StaffKey::Kind::Digit: hit = text_button(ui, "##key", sk.rect, std::to_string(sk.digit), key, ui.title); break;
                case StaffKey::Kind::Delete: hit = text_button(ui, "##key", sk.rect, "Delete", key); break;
                case StaffKey::Kind::Ok: hit = text_button(ui, "##key", sk.rect, "OK", ok, ui.title); break;
            }
            ImGui::PopID();
            if (!hit) continue;
            if (sk.kind == StaffKey::Kind::Digit) model.touches.push_back({StaffTouch::Kind::Digit, sk.digit});
            if (sk.kind == StaffKey::Kind::Delete) model.touches.push_back({StaffTouch::Kind::Backspace});
            if (sk.kind == StaffKey::Kind::Ok) model.touches.push_back({StaffTouch::Kind::Ok});
        }
        if (text_button(ui, "##cancel", k.cancel, "Cancel", ui.dark())) model.touches.push_back({StaffTouch::Kind::Cancel});
    });
}

// ---- the panel -----------------------------------------------------------------------------------

namespace {

struct SlideStatus {
    const Rgb* colour;
    const char* word;
};

SlideStatus status_of(SlideFileState s) {
    switch (s) {
        case SlideFileState::Ok: return {&kGood, "OK"};
        case SlideFileState::Warnings: return {&kWarn, "Warning"};
        case SlideFileState::Rejected: return {&kBad, "Rejected"};
        case SlideFileState::KeptPrevious: return {&kWarn, "Old version shown"};
    }
    return {&kNeutral, "?"};
}

SlideStatus printer_status(bool configured, const PrinterStatus& status) {
    if (!configured) return {&kNeutral, "None"};
    switch (status.state) {
        case PrinterState::Ready: return {&kGood, "Ready"};
        case PrinterState::PaperLow: return {&kWarn, "Paper low"};
        case PrinterState::PaperOut: return {&kBad, "Paper out"};
        case PrinterState::CoverOpen: return {&kBad, "Cover open"};
        case PrinterState::Offline: return {&kBad, "Offline"};
        case PrinterState::Error: return {&kBad, "Error"};
        case PrinterState::Unknown: return {&kNeutral, "Checking"};
        case PrinterState::None: return {&kNeutral, "None"};
    }
    return {&kNeutral, "?"};
}

// The slide list in a child window: ImGui's scrollbar (wide enough for a finger) and dragging the
// list itself both scroll it; rows are drawn by hand so long diagnostics wrap.
void draw_slide_list(const Ui& ui, const StaffPanelLayout& p, const StaffPanelModel& m) {
    const Deck* deck = m.deck;
    const std::size_t count = deck ? deck->files.size() : 0;
    draw_text(ui.dl, ui.fonts.large, ui.body, p.slides_title, "Slides (" + std::to_string(count) + ")",
              colour(ui.theme.accent), Align::Left);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, std::max(16.0F, fpx(p.gap) * 1.4F));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarRounding, fpx(p.gap));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour(kWhite));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, colour(mix(kWhite, ui.theme.text, 0.08F)));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, colour(mix(kWhite, ui.theme.accent, 0.6F)));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabActive, colour(ui.theme.accent));
    ImGui::SetCursorScreenPos(top_left(p.slides));
    ImGui::BeginChild("##slides", ImVec2(fpx(p.slides.w), fpx(p.slides.h)), false, ImGuiWindowFlags_NoNav);
    Ui list_ui = ui;  // same look, drawn into (and clipped by) the child window
    list_ui.dl = ImGui::GetWindowDrawList();
    ImDrawList* dl = list_ui.dl;
    const float pad = fpx(p.gap) * 0.6F;
    const float width = ImGui::GetContentRegionAvail().x;
    const float badge_h = ui.body * 0.9F;
    const ImU32 text = colour(ui.theme.text);
    auto row = [&](const std::string& name, SlideStatus status, const std::string& right, bool on_screen,
                   const Diagnostics* diags) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float indent = pad * 2.0F;
        float diag_h = 0;
        if (diags)
            for (const auto& d : *diags) diag_h += paragraph_height(ui.fonts.body, ui.small, width - indent - pad, d.to_string());
        const float h = pad + ui.body + diag_h + pad;
        if (on_screen) {
            dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), colour(mix(kWhite, ui.theme.accent, 0.14F)));
            dl->AddRectFilled(at, ImVec2(at.x + pad * 0.6F, at.y + h), colour(ui.theme.accent));
        }
        float x = at.x + pad;
        const float y = at.y + pad;
        x += draw_badge(list_ui, ImVec2(x, y + (ui.body - badge_h) / 2.0F), badge_h, *status.colour, status.word) + pad;
        const float right_w = text_width(ui.fonts.body, ui.body, right);
        float name_right = at.x + width - pad - right_w - pad;
        if (on_screen) {
            const char* marker = "ON SCREEN";
            const float mw = text_width(ui.fonts.large, badge_h * 0.78F, marker) + badge_h * 0.7F;
            name_right -= mw + pad;
            (void)draw_badge(list_ui, ImVec2(name_right + pad, y + (ui.body - badge_h) / 2.0F), badge_h, ui.theme.accent, marker);
        }
        ImGui::PushClipRect(ImVec2(x, at.y), ImVec2(std::max(x, name_right), at.y + h), true);
        dl->AddText(ui.fonts.body, ui.body, ImVec2(x, y), text, name.c_str());
        ImGui::PopClipRect();
        dl->AddText(ui.fonts.body, ui.body, ImVec2(at.x + width - pad - right_w, y), text, right.c_str());
        float dy = y + ui.body;
        if (diags)
            for (const auto& d : *diags)
                dy += draw_paragraph(dl, ui.fonts.body, ui.small, ImVec2(at.x + indent, dy), width - indent - pad,
                                     d.to_string(), colour(mix(ui.theme.text, kWhite, 0.15F)));
        dl->AddLine(ImVec2(at.x, at.y + h - 1), ImVec2(at.x + width, at.y + h - 1), colour(mix(kWhite, ui.theme.text, 0.15F)));
        ImGui::Dummy(ImVec2(width, h));
    };
    if (deck) {
        for (const auto& f : deck->files) {
            const Slide* s = deck->find(f.file_name);
            const std::string right = s && f.state != SlideFileState::Rejected
                                          ? std::to_string((s->duration.count() + 500) / 1000) + " s"
                                          : "not shown";
            row(f.file_name, status_of(f.state), right, f.file_name == m.current_slide, &f.diagnostics);
        }
        for (const auto& d : deck->folder_diagnostics) {
            const std::string words = d.to_string();
            const float used = draw_paragraph(dl, ui.fonts.body, ui.small, ImGui::GetCursorScreenPos(), width - pad, words, text);
            ImGui::Dummy(ImVec2(width, used));
        }
    }
    if (count == 0) ImGui::TextUnformatted("");
    // A finger drags the list: the scrollbar is for those who find it, dragging for everyone else.
    // A drag counts when the press began on the rows (not on the scrollbar, which scrolls itself);
    // that is remembered in the child window's ImGui storage between frames.
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiID dragging = ImGui::GetID("##drag");
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImVec2 press = io.MouseClickedPos[0];
    if (ImGui::IsMouseClicked(0)) {
        const ImVec2 lo = ImGui::GetWindowPos();
        const float rows_right = lo.x + width;
        storage->SetBool(dragging, press.x >= lo.x && press.x < rows_right && press.y >= lo.y &&
                                       press.y < lo.y + ImGui::GetWindowHeight());
    }
    if (!ImGui::IsMouseDown(0)) storage->SetBool(dragging, false);
    if (storage->GetBool(dragging) && io.MouseDelta.y != 0.0F) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    const bool scrolls = ImGui::GetScrollMaxY() > 0.0F;  // from the last frame's content: fine for a hint
    ImGui::EndChild();
    if (scrolls)
        draw_text(ui.dl, ui.fonts.body, ui.small, p.slides_title, "drag the list to see more", colour(kNeutral), Align::Right);
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar(2);
}

// The three numbers the front desk asks about as tiles (big number, label under it); the rest on a line.
void draw_counters(const Ui& ui, const Rect& r, const DailyTotals& t) {
    const Rect head{r.x, r.y, r.w, static_cast<int>(ui.body * 1.1F)};
    draw_text(ui.dl, ui.fonts.large, ui.body, head, "Today", colour(ui.theme.accent), Align::Left);
    struct Counter {
        const char* label;
        UsageEvent event;
    };
    static constexpr Counter kTiles[] = {{"slides shown", UsageEvent::SlideShown},
                                         {"slips printed", UsageEvent::SlipPrinted},
                                         {"numbers shown", UsageEvent::NumberShown}};
    const int gap = static_cast<int>(ui.small * 0.4F);
    const int line_h = static_cast<int>(ui.small * 1.05F);
    const int tiles_h = std::max(0, r.bottom() - head.bottom() - line_h - gap);
    const int tile_w = (r.w - 2 * gap) / 3;
    for (int i = 0; i < 3; ++i) {
        const Rect tile{r.x + i * (tile_w + gap), head.bottom(), tile_w, tiles_h};
        ui.dl->AddRectFilled(top_left(tile), bottom_right(tile), colour(kWhite), ui.radius * 0.6F);
        const int label_h = static_cast<int>(ui.small * 1.1F);
        const Rect number{tile.x, tile.y + gap / 2, tile.w, tile.h - label_h - gap};
        draw_text(ui.dl, ui.fonts.large, ui.fonts.large->FontSize, number, std::to_string(t.count(kTiles[i].event)),
                  colour(ui.theme.text));
        draw_text(ui.dl, ui.fonts.body, ui.small, {tile.x, number.bottom(), tile.w, label_h}, kTiles[i].label,
                  colour(ui.theme.text));
    }
    const std::string more = "Also " + std::to_string(t.count(UsageEvent::CallbackPrinted)) + " call-back slips, " +
                             std::to_string(t.count(UsageEvent::ButtonOpened)) + " touches of the patient button";
    draw_text(ui.dl, ui.fonts.body, ui.small, {r.x, r.bottom() - line_h, r.w, line_h}, more, colour(ui.theme.text),
              Align::Left);
}

}  // namespace

void draw_staff_panel(const StaffView& view, StaffPanelModel& model, const ThemeConfig& theme, const UiFonts& fonts,
                      int w, int h) {
    const StaffPanelLayout p = staff_panel_layout(w, h);
    on_card("##staff-panel", p, theme, fonts, w, h, [&](const Ui& ui) {
        auto command = [&model](StaffCommand c) { model.touches.push_back({StaffTouch::Kind::Command, 0, c}); };

        const Rect title{p.title.x, p.title.y, p.title.w / 2, p.title.h};
        draw_text(ui.dl, ui.fonts.large, ui.title, title, "Staff panel", colour(theme.accent), Align::Left);
        const Rect state{title.right(), p.title.y, p.title.w - title.w, p.title.h};
        const float bh = ui.body * 1.05F;
        const char* word = model.paused ? "PAUSED" : "Playing";
        const float bw = text_width(ui.fonts.large, bh * 0.78F, word) + bh * 0.7F;
        (void)draw_badge(ui, ImVec2(fpx(state.right()) - bw, fpx(state.y) + (fpx(state.h) - bh) / 2.0F), bh,
                         model.paused ? kWarn : kGood, word);
        draw_text(ui.dl, ui.fonts.body, ui.body, {state.x, state.y, state.w - static_cast<int>(bw) - p.gap, state.h},
                  "Slides:", colour(theme.text), Align::Right);
        if (text_button(ui, "##close", p.close, "Close", ui.dark())) command(StaffCommand::Close);

        // Resume stands out while paused: the loop should not stay paused by accident.
        if (text_button(ui, "##pause", p.pause, model.paused ? "Resume slides" : "Pause slides",
                        model.paused ? ui.primary() : ui.plain()))
            command(model.paused ? StaffCommand::Resume : StaffCommand::Pause);
        if (text_button(ui, "##previous", p.previous, "Previous slide", ui.plain())) command(StaffCommand::Previous);
        if (text_button(ui, "##next", p.next, "Next slide", ui.plain())) command(StaffCommand::Next);
        if (text_button(ui, "##reload", p.reload, "Reload slides now", ui.plain())) command(StaffCommand::ReloadNow);

        draw_slide_list(ui, p, model);

        // Printers: a badge with each one's state in words, its detail under it, then the last test
        // print and the last failed slip, each naming its printer. With no printer at all there is no
        // Test print, and the words get its room.
        const bool any_printer = model.printer_configured || model.desk_printer_configured;
        const Rect area =
            any_printer ? p.printer : Rect{p.printer.x, p.printer.y, p.test_print.right() - p.printer.x, p.printer.h};
        // The test's lines ("Desk printer: printed") in one paragraph: the room is two rows' worth.
        std::string notes;
        if (!model.last_test_print.empty()) {
            std::string lines = model.last_test_print;
            for (std::size_t at = lines.find('\n'); at != std::string::npos; at = lines.find('\n', at))
                lines.replace(at, 1, "; ");
            notes = "Test print: " + lines;
        }
        if (!model.last_print_problem.empty())
            notes += (notes.empty() ? "" : "\n") + ("Last failed slip: " + model.last_print_problem);
        ImGui::PushClipRect(top_left(area), bottom_right(area), true);
        float y = fpx(area.y);
        // Two printers share the room of one: their words are a little smaller.
        const bool both = model.printer_configured && model.desk_printer_configured;
        const float words_px = both ? ui.small * 0.85F : ui.small;
        // With two rows (both printers, or the desk's under an unset waiting-room one) and a test or a
        // failure to report, each row is its name and badge only (the badge says the state): the
        // notes, which name their printer, need the room.
        const bool terse = !notes.empty() && model.desk_printer_configured;
        const auto printer_row = [&](const char* name, bool configured, const PrinterStatus& status,
                                     const std::string& detail) {
            const SlideStatus ps = printer_status(configured, status);
            const Rect head{area.x, static_cast<int>(y), area.w, static_cast<int>(ui.body * 1.1F)};
            // "Waiting-room printer" and its badge must both show: a name a little too long is drawn
            // smaller; one much too long (a narrow screen) has its badge on the line under it.
            const float badge_w = text_width(ui.fonts.large, bh * 0.78F, ps.word) + bh * 0.7F;
            const float room = fpx(area.w) - badge_w - fpx(p.gap);
            const float nw = text_width(ui.fonts.large, ui.body, name);
            float name_px = ui.body;
            bool badge_below = false;
            if (nw > room) {
                if (room > 0.0F && ui.body * room / nw >= ui.small * 0.9F) {
                    name_px = ui.body * room / nw;
                } else {
                    badge_below = true;
                }
            }
            draw_text(ui.dl, ui.fonts.large, name_px, head, name, colour(theme.accent), Align::Left);
            if (badge_below) {
                (void)draw_badge(ui, ImVec2(fpx(area.x), fpx(head.bottom()) + 2.0F), bh, *ps.colour, ps.word);
                y = fpx(head.bottom()) + 2.0F + bh + 4.0F;
            } else {
                const float badge_x = fpx(area.x) + text_width(ui.fonts.large, name_px, name) + fpx(p.gap);
                (void)draw_badge(ui, ImVec2(badge_x, fpx(head.y) + (fpx(head.h) - bh) / 2.0F), bh, *ps.colour, ps.word);
                y = fpx(head.bottom()) + 4.0F;
            }
            if (!terse)
                y += draw_paragraph(ui.dl, ui.fonts.body, words_px, ImVec2(fpx(area.x), y), fpx(area.w), detail,
                                    colour(theme.text));
        };
        const std::string detail =
            model.printer_configured ? model.printer.detail : "No printer is set up in the config.";
        printer_row(printer_name(PrinterRole::WaitingRoom), model.printer_configured, model.printer, detail);
        if (model.desk_printer_configured) {
            // Call-back slips carry a patient's name and number to the desk: staff must see that it works.
            y += ui.small * 0.3F;
            printer_row(printer_name(PrinterRole::Desk), true, model.desk_printer,
                        "Call-back slips: " + model.desk_printer.detail);
        }
        if (!notes.empty()) {
            y += ui.small * 0.3F;
            (void)draw_paragraph(ui.dl, ui.fonts.body, words_px, ImVec2(fpx(area.x), y), fpx(area.w), notes,
                                 colour(theme.text));
        }
        ImGui::PopClipRect();
        if (any_printer && text_button(ui, "##test", p.test_print, "Test print", ui.plain()))
            command(StaffCommand::TestPrint);

        draw_counters(ui, p.today, model.today);
        ImGui::PushClipRect(top_left(p.folder), bottom_right(p.folder), true);
        (void)draw_paragraph(ui.dl, ui.fonts.body, ui.small, top_left(p.folder), fpx(p.folder.w),
                             "Slides folder: " + model.folder_status +
                                 (model.settings_status.empty() ? "" : "\nSettings: " + model.settings_status),
                             colour(theme.text));
        ImGui::PopClipRect();

        // Exit is red and asks twice; the second press must come within a few seconds.
        Look exit = ui.plain();
        exit.border = colour(kBad);
        exit.text = colour(kBad);
        if (view.exit_armed) exit = {colour(kBad), colour(mix(kBad, kBlack, 0.3F)), colour(kWhite), colour(kWhite), 0};
        if (text_button(ui, "##exit", p.exit, view.exit_armed ? "Touch again to exit" : "Exit the kiosk", exit))
            command(StaffCommand::ExitKiosk);
    });
}

}  // namespace kiosk
