// Dear ImGui with no display at all, for the screens' render tests: SDL's software renderer on a
// w×h surface, the panel fonts, and ImGuiIO fed by hand (the SDL platform backend needs a video driver).
#pragma once

#include "app/touch_fonts.h"

#include <SDL.h>
#include <imgui.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::test {

// One ImGui context and one software renderer on a w×h surface. One instance at a time: ImGui's
// current context is global.
class HeadlessImGui {
public:
    // PNGs from shoot() go to `png_dir`, named "<name>_<w>x<h>.png".
    HeadlessImGui(int w, int h, std::filesystem::path png_dir);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    [[nodiscard]] bool ok() const { return renderer_ && backend_ && fonts_.large != nullptr; }
    [[nodiscard]] const std::string& font_error() const { return font_error_; }
    [[nodiscard]] const UiFonts& fonts() const { return fonts_; }
    [[nodiscard]] int w() const { return w_; }
    [[nodiscard]] int h() const { return h_; }

    // One frame with the mouse at `mouse` (button 0 `down`): a stand-in slide (so the dimming
    // shows), then whatever `draw` puts on top between NewFrame and Render.
    void render(const std::function<void()>& draw, ImVec2 mouse, bool down);
    // Renders a few frames (windows settle) with the mouse at `mouse`, and saves the last as PNG.
    std::filesystem::path shoot(const std::function<void()>& draw, const std::string& name, ImVec2 mouse);

    [[nodiscard]] std::vector<Uint8> pixels() const;
    // Distinct colours on a grid of `step` pixels: a blank or single-colour frame has 1.
    [[nodiscard]] std::size_t distinct_colours(int step) const;

private:
    int w_, h_;
    std::filesystem::path png_dir_;
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    ImGuiContext* context_ = nullptr;
    bool backend_ = false;
    UiFonts fonts_;
    std::string font_error_;
};

}  // namespace kiosk::test
