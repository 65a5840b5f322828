#include "support/imgui_headless.h"

#include <SDL_image.h>
#include <gtest/gtest.h>
#include <imgui_impl_sdlrenderer.h>

#include <set>
#include <utility>

namespace kiosk::test {

namespace fs = std::filesystem;

HeadlessImGui::HeadlessImGui(int w, int h, fs::path png_dir) : w_(w), h_(h), png_dir_(std::move(png_dir)) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    renderer_ = surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of a session is written to disk
    std::string error;
    if (auto fonts = build_ui_fonts(*io.Fonts, "Noto Sans", w, h, &error)) fonts_ = *fonts;
    font_error_ = error;
    if (renderer_) backend_ = ImGui_ImplSDLRenderer_Init(renderer_);
}

HeadlessImGui::~HeadlessImGui() {
    if (backend_) ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context_);
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
}

void HeadlessImGui::render(const std::function<void()>& draw, ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w_), static_cast<float>(h_));
    io.DeltaTime = 1.0F / 30.0F;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer_, 0xFA, 0xF7, 0xF2, 0xFF);
    SDL_RenderClear(renderer_);
    SDL_SetRenderDrawColor(renderer_, 0x0B, 0x5E, 0x6B, 0xFF);
    const SDL_Rect title{w_ / 20, h_ / 20, w_ * 6 / 10, h_ / 12};
    SDL_RenderFillRect(renderer_, &title);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderFlush(renderer_);
}

fs::path HeadlessImGui::shoot(const std::function<void()>& draw, const std::string& name, ImVec2 mouse) {
    for (int i = 0; i < 3; ++i) render(draw, mouse, false);
    fs::create_directories(png_dir_);
    const fs::path file = png_dir_ / (name + "_" + std::to_string(w_) + "x" + std::to_string(h_) + ".png");
    EXPECT_EQ(IMG_SavePNG(surface_, file.c_str()), 0) << IMG_GetError();
    return file;
}

std::vector<Uint8> HeadlessImGui::pixels() const {
    const auto* p = static_cast<const Uint8*>(surface_->pixels);
    return {p, p + static_cast<size_t>(surface_->pitch) * static_cast<size_t>(h_)};
}

std::size_t HeadlessImGui::distinct_colours(int step) const {
    std::set<Uint32> colours;
    const auto* pixels = static_cast<const Uint8*>(surface_->pixels);
    for (int y = 0; y < h_; y += step)
        for (int x = 0; x < w_; x += step)
            colours.insert(*reinterpret_cast<const Uint32*>(pixels + y * surface_->pitch + x * 4));
    return colours.size();
}

}  // namespace kiosk::test
