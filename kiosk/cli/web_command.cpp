// `kiosk web`: the staff web page, its own process (and systemd unit) so that nothing it does can
// touch the display. It serves the staff pages on [web] listen until SIGTERM or SIGINT.
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/settings.h"
#include "web/http_server.h"
#include "web/staff_pages.h"

#include <signal.h>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include <fstream>
#include <iostream>
#include <sstream>

namespace kiosk::cli {

namespace {

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot read " + path;
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int web_command(const Args& args, Io io) {
    ArgParser p({"config", "slides", "listen"}, {});
    if (!p.parse(args) || !p.positional().empty()) {
        io.err << "kiosk web: " << (p.error().empty() ? "unexpected argument '" + p.positional()[0] + "'" : p.error())
               << "\nUsage: kiosk web [--config FILE] [--slides DIR] [--listen HOST:PORT]\n";
        return kExitUsage;
    }
    const KioskConfig config = load_settings(p.value("config"), io.err);
    const WebConfig& web = config.web;
    if (!web.enabled) {
        io.err << "kiosk web: the staff web page is switched off ([web] enabled = false in kiosk.toml); "
                  "set enabled = true to use it\n";
        return kExitOk;
    }
    std::string why;
    const std::string listen = p.value("listen").value_or(web.listen);
    const auto address = parse_listen_address(listen, &why);
    if (!address) {
        io.err << "kiosk web: cannot listen on \"" << listen << "\": " << why << '\n';
        return kExitUsage;
    }

    web::ServerOptions options;
    options.host = address->host;
    options.port = address->port;
    options.ipv6 = address->ipv6;
    options.password_hash = web.password_hash;
    options.session_idle = std::chrono::minutes(web.idle_minutes);
    if (!web.tls_certificate.empty() && !web.tls_key.empty()) {
        const auto cert = read_file(web.tls_certificate, &why);
        const auto key = cert ? read_file(web.tls_key, &why) : std::nullopt;
        if (!cert || !key) {
            io.err << "kiosk web: " << why << " ([web] tls_certificate / tls_key); fix the path or its permissions\n";
            return kExitFailure;
        }
        options.tls_certificate_pem = *cert;
        options.tls_key_pem = *key;
    }
    if (web.password_hash.empty()) {
        io.err << "kiosk web: warning: [web] password_hash is not set, so every login is refused. Run "
                  "'kiosk hash-pin --web' and put its line under [web] in kiosk.toml\n";
    }
    options.log = [&io](std::string_view line) { io.err << "kiosk web: " << line << std::endl; };

    web::Router router;
    web::StaffPagesContext context;
    context.slides_dir = slides_folder(p.value("slides"));
    if (const auto c = p.value("config")) {
        context.config_path = *c;
    } else if (std::error_code ec; std::filesystem::exists(kSystemConfig, ec)) {
        context.config_path = kSystemConfig;
    }
    context.state_dir = config.system.state_dir;
    web::register_staff_pages(router, context, options.log);

    // Block the stop signals before the server's threads start (they inherit the mask), so only
    // sigwait below receives them.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);

    auto server = web::HttpServer::start(std::move(router), std::move(options), &why);
    if (!server) {
        io.err << "kiosk web: " << why << '\n';
        return kExitFailure;
    }
#ifdef KIOSK_HAVE_SYSTEMD
    sd_notify(0, "READY=1\nSTATUS=Serving the staff web page");
#endif
    int signal_number = 0;
    sigwait(&stop, &signal_number);
#ifdef KIOSK_HAVE_SYSTEMD
    sd_notify(0, "STOPPING=1");
#endif
    io.err << "kiosk web: stopping (signal " << signal_number << ")" << std::endl;
    server.reset();
    return kExitOk;
}

}  // namespace kiosk::cli
