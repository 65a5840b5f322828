// `kiosk run`: the kiosk itself, fullscreen (or --windowed for a look on a desktop).
#include "app/kiosk_app.h"
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/settings.h"

#include <time.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

namespace kiosk::cli {

namespace {

// When this process was exec'd, on the steady clock: its start time in /proc/self/stat (clock
// ticks since boot, so 10 ms steps) against CLOCK_BOOTTIME now. nullopt when it cannot be read.
std::optional<std::chrono::steady_clock::time_point> process_started() {
    std::ifstream f("/proc/self/stat");
    const std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const auto paren = stat.rfind(')');  // the command name may hold spaces and parentheses
    if (paren == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(paren + 1));
    std::string skip;
    for (int i = 3; i < 22; ++i) fields >> skip;  // field 22 is starttime
    long long ticks = -1;
    timespec now{};
    if (!(fields >> ticks) || ticks < 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) return std::nullopt;
    const double ago = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 -
                       static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
    if (ago < 0 || ago > 60) return std::nullopt;
    return std::chrono::steady_clock::now() -
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(ago));
}

}  // namespace

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
    options.exec_started = process_started();
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
