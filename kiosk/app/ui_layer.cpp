#include "ui_layer.h"

#include "browse_controls.h"
#include "staff_screens.h"
#include "touch_screens.h"
#include "ui_draw.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cfloat>

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
    io.UserData = &drawn_;  // touch_area() notes the opaque buttons here (ui_draw.h)
    auto built = build_ui_fonts(*io.Fonts, fonts, w, h, &error_);
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
    drawn_.opaque.clear();
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

namespace {

template <typename T>
void append_bytes(std::vector<std::byte>& out, const T* data, std::size_t n) {
    const auto* b = reinterpret_cast<const std::byte*>(data);
    out.insert(out.end(), b, b + n * sizeof(T));
}

// Everything that decides the pixels ImGui draws: each list's vertices, indices and commands.
void serialise(const ImDrawData& d, std::vector<std::byte>& out) {
    out.clear();
    append_bytes(out, &d.DisplaySize, 1);
    for (int i = 0; i < d.CmdListsCount; ++i) {
        const ImDrawList& l = *d.CmdLists[i];
        append_bytes(out, l.VtxBuffer.Data, static_cast<std::size_t>(l.VtxBuffer.Size));
        append_bytes(out, l.IdxBuffer.Data, static_cast<std::size_t>(l.IdxBuffer.Size));
        for (const ImDrawCmd& c : l.CmdBuffer) {
            append_bytes(out, &c.ClipRect, 1);
            append_bytes(out, &c.TextureId, 1);
            const unsigned counts[3] = {c.VtxOffset, c.IdxOffset, c.ElemCount};
            append_bytes(out, counts, 3);
        }
    }
}

}  // namespace

void UiLayer::finish_frame() {
    ImGui::SetCurrentContext(context_);
    ImGui::Render();
    // The first frame's NewFrame made the atlas texture; ImGui's own pixel copies of it (alpha and
    // RGBA, 5 bytes a texel) are never read again. Only outside a frame: the atlas is locked inside.
    if (!atlas_pixels_freed_) {
        ImGui::GetIO().Fonts->ClearTexData();
        atlas_pixels_freed_ = true;
    }
    // A press just registered needs the frame that sees its release; active widgets animate. ImGui
    // reports a click in the frame that sees the release, while that frame is being drawn: whatever
    // the click changed shows only in the next frame, so a frame with a press or release always
    // asks for one more, whoever handles the click.
    const ImGuiIO& io = ImGui::GetIO();
    another_frame_ = ImGui::IsAnyItemActive() || io.MouseClicked[0] || io.MouseReleased[0];
    // Two buffers swapped, never freed: a fresh one each frame would be a new mapping (and its
    // pages faulted in and zeroed) every frame, as large blocks are (sdl_session.cpp).
    serialise(*ImGui::GetDrawData(), next_data_);
    overlay_same_ = next_data_ == drawn_data_;
    std::swap(next_data_, drawn_data_);
}

namespace {

// Whether triangle k (indices at `idx`) of a command can touch a pixel of `part`: its bounding box,
// a pixel wider each way, overlaps it.
bool touches(const ImDrawVert* vtx, const ImDrawIdx* idx, const Rect& part) {
    float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
    for (int i = 0; i < 3; ++i) {
        const ImVec2& p = vtx[idx[i]].pos;
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return x1 + 1 > fpx(part.x) && x0 - 1 < fpx(part.right()) && y1 + 1 > fpx(part.y) && y0 - 1 < fpx(part.bottom());
}

}  // namespace

void UiLayer::render(const std::vector<Rect>* clip) {
    ImGui::SetCurrentContext(context_);
    ImDrawData* d = ImGui::GetDrawData();
    if (!clip) {
        ImGui_ImplSDLRenderer_RenderDrawData(d);
        return;
    }
    // Drawn again inside each part only: each command clipped to it, with only the triangles that
    // can reach it (SDL's software renderer would set up every triangle of a button for each part,
    // allocating a scratch surface for each). Pixels inside a part come out as in a whole frame.
    struct Own {
        ImVec4 clip;
        unsigned idx_offset, elem_count;
    };
    std::vector<Own> own;
    for (int n = 0; n < d->CmdListsCount; ++n) {
        for (const ImDrawCmd& c : d->CmdLists[n]->CmdBuffer) own.push_back({c.ClipRect, c.IdxOffset, c.ElemCount});
    }
    while (parts_idx_.size() < static_cast<std::size_t>(d->CmdListsCount)) parts_idx_.emplace_back();
    for (const Rect& part : *clip) {
        bool any = false;
        std::size_t k = 0;
        for (int n = 0; n < d->CmdListsCount; ++n) {
            ImDrawList& l = *d->CmdLists[n];
            ImVector<ImDrawIdx>& picked = parts_idx_[static_cast<std::size_t>(n)];
            picked.resize(0);
            for (ImDrawCmd& c : l.CmdBuffer) {
                const Own& o = own[k++];
                c.ClipRect = ImVec4(std::max(o.clip.x, fpx(part.x)), std::max(o.clip.y, fpx(part.y)),
                                    std::min(o.clip.z, fpx(part.right())), std::min(o.clip.w, fpx(part.bottom())));
                c.IdxOffset = static_cast<unsigned>(picked.Size);
                if (c.ClipRect.z > c.ClipRect.x && c.ClipRect.w > c.ClipRect.y) {
                    const ImDrawVert* vtx = l.VtxBuffer.Data + c.VtxOffset;
                    for (unsigned t = 0; t + 2 < o.elem_count; t += 3) {
                        const ImDrawIdx* tri = l.IdxBuffer.Data + o.idx_offset + t;
                        if (touches(vtx, tri, part)) {
                            for (int i = 0; i < 3; ++i) picked.push_back(tri[i]);
                        }
                    }
                }
                c.ElemCount = static_cast<unsigned>(picked.Size) - c.IdxOffset;
                if (c.ElemCount == 0) c.ClipRect = ImVec4(0, 0, 0, 0);  // skipped by the backend
                any = any || c.ElemCount > 0;
            }
            l.IdxBuffer.swap(picked);
        }
        if (any) ImGui_ImplSDLRenderer_RenderDrawData(d);
        for (int n = 0; n < d->CmdListsCount; ++n) d->CmdLists[n]->IdxBuffer.swap(parts_idx_[static_cast<std::size_t>(n)]);
    }
    std::size_t k = 0;
    for (int n = 0; n < d->CmdListsCount; ++n) {
        for (ImDrawCmd& c : d->CmdLists[n]->CmdBuffer) {
            c.ClipRect = own[k].clip;
            c.IdxOffset = own[k].idx_offset;
            c.ElemCount = own[k].elem_count;
            ++k;
        }
    }
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
