// The kiosk's sub-commands. Each lives in its own <name>_command.cpp and returns an exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kiosk::cli {

// Exit codes, documented in `kiosk --help` and the README.
enum ExitCode : int {
    kExitOk = 0,         // success (check: every slide usable; slip: printed)
    kExitFailure = 1,    // check: a slide was rejected; slip: not printed; run: could not start
    kExitUsage = 2,      // bad command line
};

using Args = std::vector<std::string>;  // the arguments after the sub-command's name

struct Io {
    std::ostream& out;
    std::ostream& err;
};

int run_command(const Args& args, Io io);       // the kiosk itself (default)
int check_command(const Args& args, Io io);     // validate a slides folder
int render_command(const Args& args, Io io);    // PNG per slide + contact sheet + report.html
int slip_command(const Args& args, Io io);      // print or preview a slip without the UI
int hash_pin_command(const Args& args, Io io);  // print a salted hash for [staff] pin_hash
int stats_command(const Args& args, Io io);     // daily usage totals
int status_command(const Args& args, Io io);    // the running kiosk's status.json, for a person
int screenshot_command(const Args& args, Io io);  // a PNG of the running kiosk's screen
int web_command(const Args& args, Io io);         // the staff web page (its own process)
int notify_relay_command(const Args& args, Io io);  // kiosk.service's main process: sd_notify relay

// Parses argv and runs the chosen sub-command.
int dispatch(int argc, char** argv);

}  // namespace kiosk::cli
