#include "app/x_session.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace kiosk::test {

std::string missing_tools(const std::vector<Tool>& tools) {
    std::string missing;
    for (const Tool& t : tools) {
        if (have_program(t.program)) continue;
        missing += std::string(missing.empty() ? "missing: " : ", ") + t.program + " (apt-get install " + t.package +
                   ")";
    }
    return missing;
}

namespace {

// Display numbers derived from the PID, so parallel test processes (ctest -j) do not collide;
// a number whose lock file exists or whose server dies at once is skipped.
int next_display_candidate() {
    static std::atomic<int> attempt{0};
    return 200 + static_cast<int>((static_cast<unsigned>(getpid()) * 13U + static_cast<unsigned>(attempt++)) % 700U);
}

}  // namespace

XSession::XSession(int width, int height) {
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    for (int tries = 0; tries < 8; ++tries) {
        const int n = next_display_candidate();
        if (fs::exists("/tmp/.X" + std::to_string(n) + "-lock")) continue;
        const std::string d = ":" + std::to_string(n);
        ChildProcess server({"Xvfb", d, "-screen", "0", screen, "-nolisten", "tcp"});
        const bool up = wait_until(
            [&] {
                if (!server.running()) return true;  // gave up on this number: stop polling
                return run_command({"xdpyinfo", "-display", d}, {}, 5s).exit_code == 0;
            },
            10s);
        if (up && server.running()) {
            xvfb_ = std::move(server);
            display_ = n;
            return;
        }
    }
    error_ = "Xvfb did not start on any display number tried";
}

bool XSession::screenshot(const fs::path& png, const std::string& crop) const {
    std::vector<std::string> argv{"import", "-display", display(), "-window", "root"};
    if (!crop.empty()) {
        argv.push_back("-crop");
        argv.push_back(crop);
        argv.push_back("+repage");
    }
    argv.push_back(png.string());
    return run_command(argv, {}, 20s).exit_code == 0 && fs::exists(png);
}

CommandResult XSession::xdotool(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{"xdotool"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, env(), 10s);
}

bool XSession::tap(int x, int y) const {
    if (xdotool({"mousemove", std::to_string(x), std::to_string(y)}).exit_code != 0) return false;
    std::this_thread::sleep_for(150ms);
    if (xdotool({"mousedown", "1"}).exit_code != 0) return false;
    std::this_thread::sleep_for(120ms);
    return xdotool({"mouseup", "1"}).exit_code == 0;
}

std::string state_dir_toml(const fs::path& dir) {
    return "[kiosk]\nstate_dir = \"" + (dir / "state").string() + "\"\n";
}

std::string missing_state_dir(const std::vector<std::string>& args) {
    const auto at = std::find(args.begin(), args.end(), "--config");
    if (at == args.end() || at + 1 == args.end())
        return "kiosk run without --config reads /etc/kiosk/kiosk.toml and writes /var/lib/kiosk";
    const fs::path config = *(at + 1);
    const std::string text = fs::exists(config) ? read_file(config) : std::string();
    if (text.find("state_dir = ") == std::string::npos)
        return config.string() + " sets no [kiosk] state_dir: start it with state_dir_toml(dir)";
    if (text.find("stats_file = ") == std::string::npos)
        return config.string() + " sets no [staff] stats_file (the default is /var/lib/kiosk/usage.log)";
    return {};
}

KioskRun::KioskRun(const XSession& x, const std::vector<std::string>& args, const fs::path& log) : log_(log) {
    if (const std::string why = missing_state_dir(args); !why.empty())
        ADD_FAILURE() << "this test's kiosk would write into the machine's state folder: " << why;
    std::vector<std::string> argv{kiosk_binary().string(), "run"};
    argv.insert(argv.end(), args.begin(), args.end());
    process_ = ChildProcess(argv, x.env(), log.string());
}

KioskRun::~KioskRun() {
    process_.stop();
    if (const std::string report = sanitizer_report(log()); !report.empty()) {
        ADD_FAILURE() << "the kiosk's log holds a sanitizer report:\n" << report;
    }
}

std::string sanitizer_report(const std::string& log) {
    for (const char* marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"}) {
        const auto at = log.find(marker);
        if (at == std::string::npos) continue;
        const auto from = log.rfind('\n', at);
        return log.substr(from == std::string::npos ? 0 : from + 1, 4000);
    }
    return {};
}

std::string KioskRun::log() const { return fs::exists(log_) ? read_file(log_) : std::string(); }

bool wait_for_kiosk_on_screen(const XSession& x, const fs::path& scratch_png, std::chrono::milliseconds timeout) {
    return wait_until(
        [&] {
            std::this_thread::sleep_for(200ms);
            return x.screenshot(scratch_png) && pixel_colour(scratch_png, 2, 2) == "#FAF7F2";
        },
        timeout);
}

long differing_pixels(const fs::path& a, const fs::path& b) {
    const CommandResult r = run_command({"compare", "-metric", "AE", a.string(), b.string(), "null:"}, {}, 30s);
    // compare exits 0 (same) or 1 (different); 2 is an error. The count is the only output.
    if (r.exit_code != 0 && r.exit_code != 1) return -1;
    try {
        return static_cast<long>(std::stod(r.output));
    } catch (...) {
        return -1;
    }
}

std::string pixel_colour(const fs::path& png, int x, int y) {
    const std::string geometry = "1x1+" + std::to_string(x) + "+" + std::to_string(y);
    const CommandResult r =
        run_command({"convert", png.string(), "-crop", geometry, "+repage", "-depth", "8", "-format",
                     "#%[hex:p{0,0}]", "info:"},
                    {}, 20s);
    if (r.exit_code != 0) return {};
    std::string out = r.output;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) out.pop_back();
    if (out.size() > 7) out.resize(7);  // RRGGBBAA → RRGGBB
    return out;
}

long colour_count(const fs::path& png) {
    const CommandResult r = run_command({"convert", png.string(), "-format", "%k", "info:"}, {}, 60s);
    if (r.exit_code != 0) return -1;
    try {
        return std::stol(r.output);
    } catch (...) {
        return -1;
    }
}

std::string decode_qr(const fs::path& png) {
    const CommandResult r = run_command({"zbarimg", "--nodbus", "--raw", "-q", png.string()}, {}, 30s);
    return r.exit_code == 0 ? r.output : std::string();
}

std::string ocr(const fs::path& png) {
    // One thread: the machine is shared, and a single page is quick anyway.
    return run_command({"tesseract", png.string(), "-"}, {{"OMP_THREAD_LIMIT", "1"}}, 60s).output;
}

fs::path kiosk_binary() { return fs::path(KIOSK_BINARY_DIR) / "kiosk" / "kiosk"; }
fs::path bundled_slides() { return fs::path(KIOSK_SOURCE_DIR) / "slides"; }

}  // namespace kiosk::test
