#include "staff_screens.h"

#include <imgui.h>

#include <cstdio>

namespace kiosk {

namespace {

constexpr ImGuiWindowFlags kFullscreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

bool big_button(const char* label, float w, float h) { return ImGui::Button(label, ImVec2(w, h)); }

void begin_fullscreen(const char* id, int w, int h) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::Begin(id, nullptr, kFullscreen);
}

}  // namespace

void draw_pin_keypad(const StaffView& view, StaffPanelModel& model, const UiFonts& fonts, int w, int h) {
    begin_fullscreen("##staff-pin", w, h);
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Staff: enter the PIN");
    std::string dots(view.pin_length, '*');
    ImGui::Text("%s", dots.empty() ? " " : dots.c_str());
    if (view.message == PinMessage::WrongPin) {
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1), "Wrong PIN. %d tries left.", view.remaining_attempts);
    } else if (view.message == PinMessage::LockedOut) {
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1), "Locked. Try again in %d:%02d.",
                           view.seconds_until_unlock / 60, view.seconds_until_unlock % 60);
    }
    const float key = static_cast<float>(std::min(w, h)) * 0.11f;
    static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Del", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        if (big_button(kKeys[i], key * 1.4f, key)) {
            if (i == 9) model.touches.push_back({StaffTouch::Kind::Backspace});
            else if (i == 11) model.touches.push_back({StaffTouch::Kind::Ok});
            else model.touches.push_back({StaffTouch::Kind::Digit, i == 10 ? 0 : i + 1});
        }
    }
    if (big_button("Cancel", key * 4.4f, key * 0.8f)) model.touches.push_back({StaffTouch::Kind::Cancel});
    ImGui::PopFont();
    ImGui::End();
}

void draw_staff_panel(const StaffView& view, StaffPanelModel& model, const UiFonts& fonts, int w, int h) {
    begin_fullscreen("##staff-panel", w, h);
    const float bw = static_cast<float>(std::min(w, h)) * 0.30f;
    const float bh = static_cast<float>(std::min(w, h)) * 0.085f;
    auto command = [&model](StaffCommand c) { model.touches.push_back({StaffTouch::Kind::Command, 0, c}); };
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Staff panel");
    ImGui::PopFont();
    ImGui::PushFont(fonts.body);
    if (big_button(model.paused ? "Resume" : "Pause", bw, bh)) command(model.paused ? StaffCommand::Resume : StaffCommand::Pause);
    ImGui::SameLine();
    if (big_button("< Previous", bw, bh)) command(StaffCommand::Previous);
    ImGui::SameLine();
    if (big_button("Next >", bw, bh)) command(StaffCommand::Next);
    if (big_button("Reload slides now", bw, bh)) command(StaffCommand::ReloadNow);
    ImGui::SameLine();
    if (model.printer_configured && big_button("Test print", bw, bh)) command(StaffCommand::TestPrint);
    ImGui::SameLine();
    if (big_button(view.exit_armed ? "Touch again to exit" : "Exit the kiosk", bw, bh)) command(StaffCommand::ExitKiosk);
    if (big_button("Close", bw, bh)) command(StaffCommand::Close);

    ImGui::Separator();
    ImGui::Text("Printer: %s%s%s", model.printer_configured ? to_string(model.printer.state) : "none configured",
                model.printer.detail.empty() ? "" : " – ", model.printer.detail.c_str());
    if (!model.last_test_print.empty()) ImGui::Text("Last test print: %s", model.last_test_print.c_str());
    ImGui::Text("Slides folder: %s", model.folder_status.c_str());
    ImGui::Text("Today: %d slides shown, %d button touches, %d slips printed, %d call-back slips, %d numbers shown",
                model.today.count(UsageEvent::SlideShown), model.today.count(UsageEvent::ButtonOpened),
                model.today.count(UsageEvent::SlipPrinted), model.today.count(UsageEvent::CallbackPrinted),
                model.today.count(UsageEvent::NumberShown));
    ImGui::Separator();
    if (model.deck) {
        ImGui::BeginChild("##slides", ImVec2(0, 0), false);
        for (const auto& f : model.deck->files) {
            const Slide* s = model.deck->find(f.file_name);
            const bool on_screen = f.file_name == model.current_slide;
            const ImVec4 colour = f.state == SlideFileState::Ok         ? ImVec4(0.6f, 0.95f, 0.6f, 1)
                                  : f.state == SlideFileState::Warnings ? ImVec4(1.0f, 0.85f, 0.4f, 1)
                                                                        : ImVec4(1.0f, 0.55f, 0.45f, 1);
            ImGui::TextColored(colour, "%s %s – %s%s", on_screen ? ">" : " ", f.file_name.c_str(), to_string(f.state),
                               s ? (" – " + std::to_string(s->duration.count() / 1000) + " s").c_str() : "");
            for (const auto& d : f.diagnostics) {
                ImGui::TextWrapped("      %s", d.to_string().c_str());
            }
        }
        for (const auto& d : model.deck->folder_diagnostics) ImGui::TextWrapped("%s", d.to_string().c_str());
        ImGui::EndChild();
    }
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace kiosk
