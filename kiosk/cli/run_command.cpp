// `kiosk run`: the kiosk itself, fullscreen (or --windowed for a look on a desktop).
#include "app/kiosk_app.h"
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/settings.h"

#include <ostream>

namespace kiosk::cli {

int run_command(const Args& args, Io io) {
    const auto started = std::chrono::steady_clock::now();  // the start-up log counts from here
    ArgParser p({"config", "slides", "size", "printer"}, {"windowed"});
    if (!p.parse(args) || !p.positional().empty()) {
        io.err << "kiosk run: " << (p.error().empty() ? "unexpected argument '" + p.positional()[0] + "'" : p.error())
               << "\nUsage: kiosk run [--config FILE] [--slides DIR] [--windowed] [--size WxH] [--printer URI]\n";
        return kExitUsage;
    }
    KioskAppOptions options;
    options.started = started;
    options.config = load_settings(p.value("config"), io.err);
    options.slides = slides_folder(p.value("slides"));
    options.windowed = p.flag("windowed");
    if (const auto s = p.value("size")) {
        const auto size = parse_size(*s);
        if (!size) {
            io.err << "kiosk run: --size must look like 1920x1080\n";
            return kExitUsage;
        }
        options.width = size->w;
        options.height = size->h;
    }
    if (const auto printer = p.value("printer")) {
        options.config.printer.uri = *printer;
        options.adjust_config = [uri = *printer](KioskConfig& c) { c.printer.uri = uri; };
    }
    // The same file load_settings read: watched for live edits (a missing one is not watched).
    if (const auto arg = p.value("config")) {
        options.config_file = *arg;
    } else if (std::error_code ec; std::filesystem::exists(kSystemConfig, ec)) {
        options.config_file = kSystemConfig;
    }
    return run_kiosk(options, io.err) == 0 ? kExitOk : kExitFailure;
}

}  // namespace kiosk::cli
