// `kiosk check [DIR]`: what staff run after editing slides. One line per problem in the
// compiler-like form "file:line: error: what is wrong. What to do", then a summary.
#include "app/fonts.h"
#include "app/picture_decoder.h"
#include "app/sdl_session.h"
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/settings.h"
#include "core/deck.h"
#include "core/pin_lock.h"
#include "print/cups_job_files.h"
#include "core/slide_layout.h"

#include <ostream>
#include <sstream>

namespace kiosk::cli {

namespace {

// The sizes a clinic screen is likely to have; a slide must read well on each.
constexpr Size2 kCheckSizes[] = {{1920, 1080}, {1080, 1920}};

// What makes the kiosk itself misbehave rather than a slide: a staff PIN hash that can never
// match (config.cpp already named its line), a CUPS server that keeps slips on disk. True when
// the check must fail.
bool report_setup_problems(const KioskConfig& config, std::ostream& out) {
    bool failed = false;
    if (!config.staff.pin_hash.empty() && !is_usable_pin_hash(config.staff.pin_hash)) {
        out << "kiosk: error: the staff panel stays off until [staff] pin_hash is a hash from `kiosk hash-pin` "
               "(see above)\n";
        failed = true;
    }
    if (const auto warning = cups_job_files_warning(config.printer.uri)) out << "kiosk: warning: " << *warning << '\n';
    return failed;
}

}  // namespace

int check_command(const Args& args, Io io) {
    ArgParser p({"config"}, {});
    if (!p.parse(args) || p.positional().size() > 1) {
        io.err << "kiosk check: " << (p.error().empty() ? "too many folders given" : p.error())
               << "\nUsage: kiosk check [DIR] [--config FILE]\n";
        return kExitUsage;
    }
    const auto dir = slides_folder(p.positional().empty() ? std::nullopt
                                                          : std::optional<std::string>(p.positional()[0]));
    std::ostringstream config_log;
    // A kiosk.toml error costs only that setting in the running kiosk, but it is still a mistake
    // for staff to fix, so the check fails on it.
    bool config_errors = false;
    const KioskConfig config = load_settings(p.value("config"), config_log, &config_errors);
    io.out << config_log.str();

    SdlSession sdl(false);  // SDL_image and SDL_ttf only: checking needs no display
    DeckLoadOptions options;
    options.config = &config;
    if (sdl.ok()) options.decode_picture = picture_decoder_for_screen(kCheckSizes[0].w, kCheckSizes[0].h);
    options.display_prefix = (dir / "").string();
    Deck deck = load_deck(dir, options);

    // Text that had to shrink to fit is a warning: it is smaller than a patient across the room
    // can comfortably read.
    // No usable font means a dark screen at the kiosk: that fails the check.
    std::string font_error;
    const auto fonts = sdl.ok() ? FontSet::open(config.theme.font_family, &font_error) : std::nullopt;
    const bool font_failed = sdl.ok() && !fonts;
    if (font_failed) {
        io.out << "kiosk: error: " << font_error << ". The kiosk cannot show any text\n";
    } else if (!fonts) {
        io.out << "kiosk: warning: text sizes not checked: " << sdl.error() << '\n';
    } else if (!fonts->files().fallback_note.empty()) {
        io.out << "kiosk: warning: " << fonts->files().fallback_note << '\n';
    }
    const bool setup_failed = report_setup_problems(config, io.out) || font_failed || config_errors;
    for (auto& report : deck.files) {
        const Slide* slide = deck.find(report.file_name);
        if (!slide || !fonts || report.state == SlideFileState::KeptPrevious) continue;
        for (const Size2 s : kCheckSizes) {
            const ScreenRegions r = compute_regions(s.w, s.h, slide->layout, slide->image.has_value());
            const TextLayout t = layout_text(slide->title, slide->body, r.text, preferred_text_sizes(s.w, s.h), *fonts);
            if (t.shrunk || !t.fits) {
                report.diagnostics.push_back(
                    {options.display_prefix + report.file_name, 0, Severity::Warning,
                     "the text is too long to show at full size on a " + std::to_string(s.w) + "×" +
                         std::to_string(s.h) + " screen" + (t.fits ? ", so it is shown smaller" : " and does not fit"),
                     "Shorten the text, or split the slide in two"});
                if (report.state == SlideFileState::Ok) report.state = SlideFileState::Warnings;
                break;
            }
        }
    }

    int ok = 0, warned = 0, rejected = 0;
    for (const auto& d : deck.folder_diagnostics) io.out << d.to_string() << '\n';
    for (const auto& report : deck.files) {
        for (const auto& d : report.diagnostics) io.out << d.to_string() << '\n';
        switch (report.state) {
            case SlideFileState::Ok: ++ok; break;
            case SlideFileState::Warnings: ++warned; break;
            default: ++rejected; break;
        }
    }
    io.out << dir.string() << ": " << deck.files.size() << " slide file" << (deck.files.size() == 1 ? "" : "s") << ": "
           << ok << " ok, " << warned << " with warnings, " << rejected << " rejected\n";
    if (!deck.folder_readable) return kExitFailure;
    if (deck.files.empty()) {
        io.out << dir.string() << ": error: no slides (files ending in .md) in this folder. "
               << "The kiosk would show only the clinic's name and number\n";
        return kExitFailure;
    }
    return rejected == 0 && !setup_failed ? kExitOk : kExitFailure;
}

}  // namespace kiosk::cli
