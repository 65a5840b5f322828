#include "cli/commands.h"

#include <cstring>
#include <iostream>
#include <string_view>

namespace kiosk::cli {

namespace {

constexpr std::string_view kHelp = R"(Usage: kiosk [COMMAND] [OPTIONS]

The clinic's waiting-room kiosk: loops the slides in a folder fullscreen, with a touch button
that prints a callback slip or shows the clinic's number.

Commands:
  run [--config FILE] [--slides DIR] [--windowed] [--size WxH] [--printer URI]
        Run the kiosk (the default when no command is given). Fullscreen unless --windowed.
  check [DIR] [--config FILE]
        Check a slides folder: prints "file:line: error: ..." and "warning: ..." lines.
  render [DIR] --out DIR [--size WxH] [--config FILE]
        Write one PNG per slide, contact-sheet.png and report.html. Needs no display.
  slip [--config FILE] [--printer URI] [--desk --name NAME --phone NUMBER] [--topic TEXT]
       [--preview FILE.png|FILE.pdf]
        Print a callback slip (a staff test print), or write a preview, without the screen.
  hash-pin [--web] [--pin PIN]
        Print a salted hash of a staff PIN for the [staff] pin_hash setting (with --web: of a
        password, for the [web] password_hash setting).
  web [--config FILE] [--slides DIR] [--listen HOST:PORT]
        Serve the staff web page ([web] in kiosk.toml) until stopped. Its own process: it never
        touches the display; the kiosk picks up its changes to the slides by live reload.
  stats [--config FILE] [--file LOG] [--days N]
        Print daily totals of slides shown and button uses.
  status [--config FILE] [--state-dir DIR] [--json]
        Show the running kiosk's status (status.json in the state folder). Exit code 1 when the
        kiosk is not running or its status is older than 2 minutes.
  screenshot FILE.png [--config FILE] [--state-dir DIR]
        Save exactly what the running kiosk shows now (asked over its control socket).
  notify-relay -- PROGRAM [ARGS...]
        Run PROGRAM (cage) and pass the kiosk's sd_notify messages on to systemd as this
        process's own: kiosk.service's main process (logind moves the session out of the unit).

Options:
  -h, --help     Show this help and exit.
  --version      Show the version and exit.

Defaults: --config /etc/kiosk/kiosk.toml when it exists (else built-in settings);
--slides ./slides, else /var/lib/kiosk/slides.

Exit codes:
  0  success (check: every slide is usable; slip: the slip printed)
  1  failure (check: at least one slide was rejected; slip: not printed; run: could not start)
  2  usage error (unknown command or option, bad value)
)";

}  // namespace

int dispatch(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    Io io{std::cout, std::cerr};

    std::string command = "run";
    if (!args.empty()) {
        const std::string& first = args.front();
        if (first == "-h" || first == "--help" || first == "help") {
            std::cout << kHelp;
            return kExitOk;
        }
        if (first == "--version") {
            std::cout << "kiosk 0.1.0\n";
            return kExitOk;
        }
        if (first.rfind("-", 0) != 0) {
            command = first;
            args.erase(args.begin());
        }
    }
    for (const auto& a : args) {
        if (a == "-h" || a == "--help") {
            std::cout << kHelp;
            return kExitOk;
        }
    }
    if (command == "run") return run_command(args, io);
    if (command == "check") return check_command(args, io);
    if (command == "render") return render_command(args, io);
    if (command == "slip") return slip_command(args, io);
    if (command == "hash-pin") return hash_pin_command(args, io);
    if (command == "stats") return stats_command(args, io);
    if (command == "status") return status_command(args, io);
    if (command == "screenshot") return screenshot_command(args, io);
    if (command == "web") return web_command(args, io);
    if (command == "notify-relay") return notify_relay_command(args, io);
    std::cerr << "kiosk: unknown command '" << command << "'\nTry 'kiosk --help'.\n";
    return kExitUsage;
}

}  // namespace kiosk::cli
