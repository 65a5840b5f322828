// The Dear ImGui layer over the slides: the always-visible touch button, the patient panel and
// the staff screens. It owns the ImGui context and the renderer backend. Input is fed to ImGuiIO
// from PointerInput rather than the SDL platform backend, so the same code runs in a window, on a
// touchscreen and headless in `kiosk render` and tests (the 1.86 backend polls the mouse, which
// fails without a focused window).
#pragma once

#include "core/config.h"
#include "core/patient_controls_layout.h"
#include "core/slide_layout.h"
#include "core/staff_flow.h"
#include "core/text_layout.h"
#include "core/touch_panel.h"
#include "fonts.h"
#include "patient_controls.h"
#include "pointer_input.h"
#include "touch_fonts.h"
#include "ui_drawn_areas.h"

#include <SDL.h>

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace kiosk {

struct StaffPanelModel;  // staff_screens.h

class UiLayer {
public:
    UiLayer(SDL_Renderer* renderer, const KioskConfig& config, const FontSet& fonts, int w, int h,
            bool with_platform_backend = false);
    ~UiLayer();
    UiLayer(const UiLayer&) = delete;
    UiLayer& operator=(const UiLayer&) = delete;

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] const std::string& error() const { return error_; }

    // Starts a frame with the pointer's state after applying at most one queued press/release.
    void begin_frame(float dt_seconds, const PointerInput& pointer);
    [[nodiscard]] std::optional<PanelIntent> touch_button(const Rect& where);
    [[nodiscard]] std::optional<PanelIntent> touch_panel(const TouchPanelView& view);
    // The language button and ‹ › arrows (browse_controls.h).
    [[nodiscard]] std::optional<PatientControl> browse_controls(const PatientControlsLayout& layout,
                                                                std::string_view language_label, bool arrows);
    // Read aloud and A+ (patient_controls.h); draw only while the panel is closed. The language
    // button's label is needed for the size of Read aloud's word, shared with it.
    [[nodiscard]] std::optional<PatientControl> patient_controls(const PatientControlsLayout& layout,
                                                                 const PatientControlsView& view,
                                                                 std::string_view language_label);
    // The staff keypad or panel; returns what was touched.
    void staff(const StaffView& view, StaffPanelModel& model);
    // Ends the frame (ImGui::Render) without drawing it; render() draws it.
    void finish_frame();
    // Draws the finished frame; with `clip`, only inside those rectangles (a frame drawn in parts).
    void render(const std::vector<Rect>* clip = nullptr);
    void end_frame() {
        finish_frame();
        render();
    }
    // After finish_frame: the frame draws exactly what the one before it drew (same triangles,
    // textures and clip rectangles), so its pixels on a kept screen need no drawing.
    [[nodiscard]] bool overlay_same() const { return overlay_same_; }
    // After finish_frame: the parts of the screen the buttons cover with opaque colour.
    [[nodiscard]] const std::vector<Rect>& opaque_areas() const { return drawn_.opaque; }

    // One frame with the touch button and the patient's controls as a screen shows them before
    // anyone touches it (no arrows yet), for `kiosk render` pictures. The default layout has none.
    void draw_idle_overlay(const PatientControlsLayout& controls = {}, std::string_view language_label = {});
    // ImGui wants another frame soon: a press waiting for its release frame, or a frame that saw a
    // press or release (what a click changes while a frame is drawn shows in the next one).
    [[nodiscard]] bool wants_another_frame() const { return another_frame_; }

private:
    SDL_Renderer* renderer_;
    const KioskConfig& config_;
    int w_, h_;
    ImGuiContext* context_ = nullptr;
    UiFonts fonts_;
    bool ok_ = false;
    bool another_frame_ = false;
    bool atlas_pixels_freed_ = false;  // ImGui's CPU copies of the font atlas, after its texture is made
    UiDrawnAreas drawn_;             // filled in by the widgets through ImGuiIO::UserData
    std::vector<std::byte> drawn_data_;  // the last frame's draw lists, byte for byte
    std::vector<std::byte> next_data_;   // this frame's, before they are compared
    // render(clip): the triangles picked for one part, one buffer per draw list. A deque, grown by
    // emplace_back: ImVector's copy (what std::vector's resize and regrowth use, it has no move)
    // memcpy's from a null pointer when empty, which UBSan reports.
    std::deque<ImVector<ImDrawIdx>> parts_idx_;
    bool overlay_same_ = false;
    std::string error_;
};

}  // namespace kiosk
