#include "ui_layer.h"

#include "browse_controls.h"
#include "staff_screens.h"
#include "touch_screens.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

namespace kiosk {

UiLayer::UiLayer(SDL_Renderer* renderer, const KioskConfig& config, const FontSet& fonts, int w, int h, bool)
    : renderer_(renderer), config_(config), w_(w), h_(h) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of the kiosk's UI is written to disk
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    auto built = build_ui_fonts(*io.Fonts, fonts.files().family, w, h, &error_);
    if (!built) return;
    fonts_ = *built;
    if (!ImGui_ImplSDLRenderer_Init(renderer_)) {
        error_ = "the ImGui renderer backend could not start";
        return;
    }
    ok_ = true;
}

UiLayer::~UiLayer() {
    ImGui::SetCurrentContext(context_);
    if (ok_) ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context_);
}

void UiLayer::begin_frame(float dt_seconds, const PointerInput& pointer) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w_), static_cast<float>(h_));
    io.DeltaTime = dt_seconds > 0 ? dt_seconds : 1.0f / 60.0f;
    io.MousePos = pointer.x() < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(pointer.x(), pointer.y());
    io.MouseDown[0] = pointer.down();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
}

std::optional<PanelIntent> UiLayer::touch_button(const Rect& where) {
    return draw_touch_button(where, config_.text, config_.theme, fonts_);
}

std::optional<PatientControl> UiLayer::browse_controls(const PatientControlsLayout& layout,
                                                      std::string_view language_label, bool arrows) {
    return draw_browse_controls(layout, language_label, arrows, config_.theme, fonts_,
                                patient_label_px(layout, config_.text, language_label, fonts_));
}

std::optional<PanelIntent> UiLayer::touch_panel(const TouchPanelView& view) {
    return draw_touch_panel(view, config_, fonts_, w_, h_);
}

std::optional<PatientControl> UiLayer::patient_controls(const PatientControlsLayout& layout,
                                                        const PatientControlsView& view,
                                                        std::string_view language_label) {
    return draw_patient_controls(layout, view, config_.text, config_.theme, fonts_,
                                 patient_label_px(layout, config_.text, language_label, fonts_));
}

void UiLayer::staff(const StaffView& view, StaffPanelModel& model) {
    if (view.state == StaffState::PinEntry) draw_pin_keypad(view, model, config_.theme, fonts_, w_, h_);
    if (view.state == StaffState::Open) draw_staff_panel(view, model, config_.theme, fonts_, w_, h_);
}

void UiLayer::end_frame() {
    ImGui::Render();
    // A press just registered needs the frame that sees its release; active widgets animate. ImGui
    // reports a click in the frame that sees the release, while that frame is being drawn: whatever
    // the click changed shows only in the next frame, so a frame with a press or release always
    // asks for one more, whoever handles the click.
    const ImGuiIO& io = ImGui::GetIO();
    another_frame_ = ImGui::IsAnyItemActive() || io.MouseClicked[0] || io.MouseReleased[0];
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

void UiLayer::draw_idle_overlay(const PatientControlsLayout& controls, std::string_view language_label) {
    const Rect button = compute_regions(w_, h_, SlideLayoutKind::TextOnly, false).button;
    const PointerInput nobody;
    // The first frame only measures windows; the second is the one drawn.
    for (int pass = 0; pass < 2; ++pass) {
        begin_frame(1.0f / 60.0f, nobody);
        (void)touch_button(button);
        (void)patient_controls(controls, {}, language_label);
        (void)browse_controls(controls, language_label, false);
        if (pass == 0) {
            ImGui::EndFrame();
        } else {
            end_frame();
        }
    }
}

}  // namespace kiosk
