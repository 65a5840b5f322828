#include "large_text_painter.h"

#include "core/patient_controls_layout.h"

#include <algorithm>

namespace kiosk {
namespace {

std::string key_of(const Slide& s, int w, int h, const PatientControlsWanted& c) {
    return s.file_name + '|' + s.content_hash + '|' + std::to_string(w) + 'x' + std::to_string(h) + '|' +
           std::to_string(int{c.read_aloud} + 2 * int{c.text_size} + 4 * int{c.language} + 8 * int{c.arrows}) + '|' +
           std::to_string(c.read_aloud_min_w) + '|' + std::to_string(c.language_min_w);
}

}  // namespace

LargeTextPainter::LargeTextPainter(SDL_Renderer* renderer, const FontSet& fonts, const KioskConfig& config)
    : renderer_(renderer), fonts_(fonts), config_(config), text_(renderer, fonts) {}

const LargeTextPainter::Paged& LargeTextPainter::paged(const Slide& slide, int w, int h,
                                                       const PatientControlsWanted& controls) {
    const std::string key = key_of(slide, w, h, controls);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
        if (cache_.size() > 32) cache_.clear();  // edits accumulate keys; paginating again is cheap
        const Rect box = large_text_box(w, h, controls);
        const TextSizes sizes = large_text_sizes(w, h);
        Paged p;
        p.pages = split_pages(slide.title, slide.body, box, sizes, fonts_);
        for (const TextPage& page : p.pages) p.layouts.push_back(layout_text(page.title, page.body, box, sizes, fonts_));
        it = cache_.emplace(key, std::move(p)).first;
    }
    return it->second;
}

const std::vector<TextPage>& LargeTextPainter::pages(const Slide& slide, int w, int h,
                                                     const PatientControlsWanted& controls) {
    return paged(slide, w, h, controls).pages;
}

void LargeTextPainter::draw(const Slide& slide, int page, int w, int h, const PatientControlsWanted& controls) {
    const Paged& p = paged(slide, w, h, controls);
    const HighContrastColours c = high_contrast_colours(config_.theme);
    const ScreenRegions regions = compute_regions(w, h, SlideLayoutKind::TextOnly, false);
    const PatientControlsLayout layout = patient_controls_layout(regions, controls);
    // The whole area above the controls (picture and normal text included) becomes the ground.
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, c.background.r, c.background.g, c.background.b, 255);
    const SDL_Rect ground{0, 0, w, std::max(0, layout.content_bottom)};
    SDL_RenderFillRect(renderer_, &ground);
    const std::size_t i = static_cast<std::size_t>(std::clamp(page, 0, static_cast<int>(p.layouts.size()) - 1));
    text_.draw_runs(p.layouts[i].runs, RunColours{c.title, c.text, c.title});
    // "2 / 3" in the top margin when the text continues, so a patient knows more is coming; the
    // margin is outside the text box, so it can never cover a word.
    if (p.layouts.size() > 1) {
        const std::string mark = std::to_string(i + 1) + " / " + std::to_string(p.layouts.size());
        const Rect box = large_text_box(w, h, controls);
        const int px = std::max(10, std::min(regions.footer_px, box.y * 3 / 4));
        text_.draw_text(mark, FontStyle::Bold, px, c.text, Rect{box.x, 0, box.w, box.y}, HAlign::Right);
    }
}

}  // namespace kiosk
