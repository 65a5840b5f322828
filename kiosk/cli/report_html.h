// report.html beside the rendered PNGs: every slide's picture, file name, duration, show window
// and messages on one page, so staff can check a change on any computer before it goes live.
#pragma once

#include "core/config.h"
#include "core/deck.h"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace kiosk::cli {

struct RenderedSlide {
    const Slide* slide = nullptr;
    std::string png;      // file name relative to the report
    bool shrunk = false;  // text had to be made smaller to fit
    bool fits = true;
};

bool write_report_html(const std::filesystem::path& file, const Deck& deck, const std::vector<RenderedSlide>& slides,
                       const KioskConfig& config, int w, int h, std::ostream& err);

// "every day", "Mon–Fri 08:00–18:00 from 2026-10-01 until 2026-12-31".
[[nodiscard]] std::string describe_show_window(const ShowWindow& show);

}  // namespace kiosk::cli
