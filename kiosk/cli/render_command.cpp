// `kiosk render`: what the waiting room will see, as PNG files, with no display at all. Staff
// preview a change on any computer (report.html), and tests and the README use the same pictures.
#include "app/picture_decoder.h"
#include "app/sdl_session.h"
#include "app/slide_canvas.h"
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/report_html.h"
#include "cli/settings.h"
#include "core/deck.h"

#include <SDL_image.h>

#include <cmath>
#include <map>
#include <memory>
#include <ostream>

namespace kiosk::cli {

namespace fs = std::filesystem;

namespace {

// Reads the pixels of a software renderer's surface into a PNG.
bool save_png(SDL_Surface* surface, const fs::path& file, std::ostream& err) {
    if (IMG_SavePNG(surface, file.c_str()) != 0) {
        err << "kiosk render: cannot write " << file.string() << ": " << IMG_GetError() << '\n';
        return false;
    }
    return true;
}

sdl::Surface make_canvas(int w, int h) {
    return sdl::Surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
}

}  // namespace

int render_command(const Args& args, Io io) {
    ArgParser p({"out", "size", "config"}, {});
    if (!p.parse(args) || p.positional().size() > 1 || !p.value("out")) {
        io.err << "kiosk render: " << (p.error().empty() ? "--out DIR is required" : p.error())
               << "\nUsage: kiosk render [DIR] --out DIR [--size WxH] [--config FILE]\n";
        return kExitUsage;
    }
    Size2 size{1920, 1080};
    if (const auto s = p.value("size")) {
        const auto parsed = parse_size(*s);
        if (!parsed) {
            io.err << "kiosk render: --size must look like 1920x1080 (200 to 8192 pixels each way)\n";
            return kExitUsage;
        }
        size = *parsed;
    }
    const fs::path out_dir = *p.value("out");
    const fs::path slides = slides_folder(p.positional().empty() ? std::nullopt
                                                                 : std::optional<std::string>(p.positional()[0]));
    const KioskConfig config = load_settings(p.value("config"), io.err);

    SdlSession sdl(false);
    if (!sdl.ok()) {
        io.err << "kiosk render: cannot start SDL: " << sdl.error() << '\n';
        return kExitFailure;
    }
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) {
        io.err << "kiosk render: cannot create " << out_dir.string() << ": " << ec.message() << '\n';
        return kExitFailure;
    }
    DeckLoadOptions options;
    options.config = &config;
    options.decode_picture = picture_decoder_for_screen(size.w, size.h);
    options.display_prefix = (slides / "").string();
    const Deck deck = load_deck(slides, options);
    for (const auto& d : deck.all_diagnostics()) io.err << d.to_string() << '\n';

    // One canvas per language: the buttons speak the slide's language, as on screen.
    std::map<std::string, std::unique_ptr<SlideCanvas>> canvases;
    const auto canvas_for = [&](const std::string& language) -> SlideCanvas* {
        auto& c = canvases[language];
        if (!c) c = std::make_unique<SlideCanvas>(config, size.w, size.h, language);
        if (c->ok()) return c.get();
        io.err << "kiosk render: " << c->error() << '\n';
        return nullptr;
    };
    SlideCanvas* default_canvas = canvas_for({});
    if (!default_canvas) return kExitFailure;
    const LocalTime now = to_local(std::chrono::system_clock::now());

    // What to draw: every slide in play order, then, where kiosk.toml offers other languages, each
    // slide's translation (010-back-pain.es.md -> 010-back-pain.es.png) at its original's place.
    struct Page {
        std::shared_ptr<const Slide> slide;
        int position;
        std::string language;  // empty: the deck's own
    };
    std::vector<Page> pages;
    const int count = static_cast<int>(deck.slides.size());
    for (int i = 0; i < count; ++i) pages.push_back({deck.slides[static_cast<size_t>(i)], i, {}});
    for (const auto& [language, by_original] : deck.translations) {
        for (int i = 0; i < count; ++i) {
            const auto& original = deck.slides[static_cast<size_t>(i)];
            if (auto t = deck.in_language(original, language); t != original) pages.push_back({t, i, language});
        }
    }

    // Contact sheet: every page at a quarter of its size, three to a row.
    const int columns = 3;
    const int sheet_count = static_cast<int>(pages.size());
    const int rows = std::max(1, (sheet_count + columns - 1) / columns);
    const int tw = size.w / 4, th = size.h / 4, gap = 16;
    sdl::Surface sheet = make_canvas(columns * (tw + gap) + gap, rows * (th + gap) + gap);
    SDL_FillRect(sheet.get(), nullptr, SDL_MapRGB(sheet->format, 0x60, 0x60, 0x60));

    std::vector<RenderedSlide> rendered;
    int failures = 0;
    for (int i = 0; i < sheet_count; ++i) {
        const Page& page = pages[static_cast<size_t>(i)];
        const Slide& slide = *page.slide;
        SlideCanvas* canvas = canvas_for(page.language);
        if (!canvas) return kExitFailure;
        SDL_Surface* drawn = canvas->draw(page.slide, page.position, count, now);
        const fs::path png = out_dir / (fs::path(slide.file_name).stem().string() + ".png");
        if (!save_png(drawn, png, io.err)) ++failures;
        SDL_Rect dst{gap + (i % columns) * (tw + gap), gap + (i / columns) * (th + gap), tw, th};
        SDL_BlitScaled(drawn, nullptr, sheet.get(), &dst);
        const TextLayout& layout = canvas->layout(slide);
        rendered.push_back(RenderedSlide{&slide, png.filename().string(), layout.shrunk, layout.fits});
        io.out << png.string() << '\n';
    }
    if (count == 0) {
        // What the waiting room sees with no usable slide: the information screen.
        const fs::path png = out_dir / "information-screen.png";
        if (!save_png(default_canvas->draw_information_screen(now), png, io.err)) ++failures;
        io.out << png.string() << '\n';
    }
    const fs::path sheet_png = out_dir / "contact-sheet.png";
    if (!save_png(sheet.get(), sheet_png, io.err)) ++failures;
    io.out << sheet_png.string() << '\n';
    const fs::path report = out_dir / "report.html";
    if (!write_report_html(report, deck, rendered, config, size.w, size.h, io.err)) ++failures;
    io.out << report.string() << '\n';
    return failures == 0 ? kExitOk : kExitFailure;
}

}  // namespace kiosk::cli
