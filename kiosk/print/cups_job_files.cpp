#include "cups_job_files.h"

#include "printer_uri.h"

#include <cups/cups.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kiosk {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A domain socket or a loopback name: the server whose cupsd.conf is on this machine.
bool is_local_server(std::string_view server) {
    if (server.empty() || server.front() == '/') return true;
    const std::string host = lower(server.substr(
        0, server.rfind(':') == std::string_view::npos || server.front() == '[' ? server.size() : server.rfind(':')));
    return host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host == "::1";
}

}  // namespace

bool cupsd_keeps_job_files(std::string_view conf) {
    bool keeps = true;  // CUPS's default
    int depth = 0;      // inside <Location>, <Policy>: PreserveJobFiles is only top-level
    std::istringstream in{std::string(conf)};
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string directive, value;
        words >> directive >> value;
        if (directive.empty() || directive.front() == '#') continue;
        if (directive.front() == '<') {
            depth += directive.size() > 1 && directive[1] == '/' ? -1 : 1;
            continue;
        }
        if (depth > 0 || lower(directive) != "preservejobfiles") continue;
        const std::string v = lower(value);
        keeps = !(v == "no" || v == "off" || v == "false" || v == "0");
    }
    return keeps;
}

std::string local_cupsd_conf_path() {
    const char* env = std::getenv("KIOSK_CUPSD_CONF");
    return env != nullptr && *env != '\0' ? env : "/etc/cups/cupsd.conf";
}

std::optional<std::string> cups_job_files_warning(const std::string& printer_uri) {
    const ParsedPrinterUri parsed = parse_printer_uri(printer_uri);
    if (!parsed.ok() || !std::holds_alternative<CupsUri>(parsed.uri)) return std::nullopt;
    const std::string server = cupsServer() != nullptr ? cupsServer() : "";
    const std::string advice =
        "add the line 'PreserveJobFiles No' to the server's cupsd.conf and restart CUPS "
        "(systemctl restart cups), or print desk slips on an ESC/POS printer (tcp:// or file://)";
    if (!is_local_server(server)) {
        return "cannot tell whether the CUPS server " + server +
               " keeps printed slips (with patients' names and numbers) in its spool: " + advice;
    }
    const std::string path = local_cupsd_conf_path();
    std::ifstream in(path);
    if (!in) return "cannot read " + path + " to tell whether CUPS keeps printed slips in its spool: " + advice;
    std::ostringstream text;
    text << in.rdbuf();
    if (!cupsd_keeps_job_files(text.str())) return std::nullopt;
    return "CUPS keeps every printed slip's PDF (desk slips carry a patient's name and number) in its spool, "
           "for a day by default: " +
           path + " does not say 'PreserveJobFiles No'; " + advice;
}

}  // namespace kiosk
