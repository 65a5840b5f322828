// `kiosk status`: the running kiosk's status.json, for a person. Exits non-zero when the kiosk is
// not running (its pid is gone, or it wrote that it stopped) or the file is stale, so a script or
// a monitoring check can use the exit code alone.
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/state_dir.h"
#include "core/json.h"

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <fstream>
#include <ostream>
#include <sstream>

namespace kiosk::cli {

namespace {

// The kiosk rewrites the file every 30 s; two minutes without a rewrite means its loop is stuck.
constexpr long long kStaleSeconds = 120;

std::string text_of(const json::Value* v) {
    if (!v) return {};
    if (const auto* s = v->string()) return *s;
    if (const auto n = v->number()) {
        std::ostringstream o;
        o << static_cast<long long>(std::llround(*n));
        return o.str();
    }
    if (const auto b = v->boolean()) return *b ? "yes" : "no";
    return "—";
}

const json::Value* at(const json::Value& root, const char* section, const char* key) {
    const json::Value* s = root.get(section);
    return s ? s->get(key) : nullptr;
}

std::string ago(long long seconds) {
    if (seconds < 120) return std::to_string(seconds) + " s ago";
    if (seconds < 7200) return std::to_string(seconds / 60) + " min ago";
    return std::to_string(seconds / 3600) + " h " + std::to_string(seconds / 60 % 60) + " min ago";
}

bool process_alive(int pid) {
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

}  // namespace

int status_command(const Args& args, Io io) {
    ArgParser p({"config", "state-dir"}, {"json"});
    if (!p.parse(args) || !p.positional().empty()) {
        io.err << "kiosk status: "
               << (p.error().empty() ? "unexpected argument '" + p.positional()[0] + "'" : p.error())
               << "\nUsage: kiosk status [--config FILE] [--state-dir DIR] [--json]\n";
        return kExitUsage;
    }
    const std::filesystem::path file = state_dir_for(p.value("state-dir"), p.value("config")) / "status.json";
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        io.err << "kiosk status: the kiosk is not running: there is no " << file.string()
               << " (it is written within seconds of the kiosk starting)\n";
        return kExitFailure;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string error;
    const auto root = json::parse(ss.str(), &error);
    if (!root || !root->get("pid")) {
        io.err << "kiosk status: " << file.string() << " is not a kiosk status file (" << error << ")\n";
        return kExitFailure;
    }
    if (p.flag("json")) io.out << ss.str();

    const int pid = static_cast<int>(root->get("pid")->number().value_or(0));
    const bool says_running = root->get("running") && root->get("running")->boolean().value_or(false);
    const long long written =
        static_cast<long long>(root->get("written_unix") ? root->get("written_unix")->number().value_or(0) : 0);
    const long long now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const long long age = now - written;

    std::string verdict;
    if (!says_running) {
        verdict = "not running: the kiosk stopped at " + text_of(root->get("written"));
    } else if (!process_alive(pid)) {
        verdict = "not running: process " + std::to_string(pid) + " is gone (last status " + ago(age) + ")";
    } else if (age > kStaleSeconds) {
        verdict = "stale: the kiosk (pid " + std::to_string(pid) + ") has not updated its status for " + ago(age) +
                  "; it may be frozen";
    }
    const bool healthy = verdict.empty();

    if (!p.flag("json")) {
        std::ostream& o = io.out;
        o << "Kiosk:    " << (healthy ? "running" : verdict) << (healthy ? " (pid " + std::to_string(pid) + ")" : "")
          << ", version " << text_of(root->get("version")) << ", up since " << text_of(root->get("up_since")) << '\n';
        o << "Status:   written " << text_of(root->get("written")) << " (" << ago(age) << ")\n";
        o << "On screen: " << text_of(at(*root, "slide", "file"));
        if (const auto t = text_of(at(*root, "slide", "title")); !t.empty()) o << " \"" << t << "\"";
        o << (text_of(at(*root, "deck", "paused")) == "yes" ? " (paused)" : "") << ", "
          << "slides started since start: " << text_of(at(*root, "slide", "started_since_start")) << '\n';
        o << "Slides:   " << text_of(at(*root, "deck", "slides")) << " in " << text_of(at(*root, "deck", "folder"))
          << " (" << text_of(at(*root, "deck", "folder_status")) << "), " << text_of(at(*root, "deck", "errors"))
          << " errors, " << text_of(at(*root, "deck", "warnings")) << " warnings, last reload "
          << text_of(at(*root, "deck", "last_reload")) << '\n';
        if (const json::Value* m = at(*root, "deck", "messages")) {
            if (const auto* list = std::get_if<json::Array>(&m->v)) {
                for (const auto& line : *list) o << "          " << text_of(&line) << '\n';
            }
        }
        o << "Printer:  ";
        if (text_of(at(*root, "printer", "configured")) == "yes") {
            o << text_of(at(*root, "printer", "state"));
            if (const auto d = text_of(at(*root, "printer", "detail")); !d.empty()) o << " (" << d << ")";
        } else {
            o << "none configured";
        }
        o << '\n';
        // The desk printer (call-back slips), and the last slip that failed with its printer's name.
        if (root->get("desk_printer")) {
            o << "Desk printer: ";
            if (text_of(at(*root, "desk_printer", "configured")) == "yes") {
                o << text_of(at(*root, "desk_printer", "state"));
                if (const auto d = text_of(at(*root, "desk_printer", "detail")); !d.empty()) o << " (" << d << ")";
            } else {
                o << "none configured";
            }
            o << '\n';
        }
        if (const auto problem = text_of(root->get("last_print_problem")); !problem.empty())
            o << "Last failed slip: " << problem << " at " << text_of(root->get("last_print_problem_at")) << '\n';
        o << "Display:  " << (text_of(at(*root, "display", "on")) == "yes" ? "on" : "off") << ", "
          << text_of(at(*root, "display", "reason")) << "; power: " << text_of(at(*root, "display", "power"));
        if (const auto n = text_of(at(*root, "display", "next_change")); n != "—" && !n.empty())
            o << "; next change " << n;
        o << '\n';
        o << "Today:   ";
        if (const json::Value* t = root->get("today")) {
            if (const auto* obj = std::get_if<json::Object>(&t->v)) {
                for (const auto& [k, v] : *obj) o << ' ' << k << ' ' << text_of(&v);
            }
        }
        o << '\n';
    }
    if (!healthy) io.err << "kiosk status: " << verdict << '\n';
    return healthy ? kExitOk : kExitFailure;
}

}  // namespace kiosk::cli
