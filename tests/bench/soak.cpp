// Soak benchmark: the real kiosk under Xvfb (the fault suite's stage: temp copy of the bundled
// slides, a real ESC/POS listener, run as nobody) put through what a clinic's day does to it, over
// and over: slide edits, broken edits, picture replacements, taps into the panel and printed slips,
// whole-folder swaps. It samples the kiosk's RSS, PSS, open fds and threads and prints first / last
// / max, the slope per hour, and whether memory levelled off (the last third's slope against the
// first third's). Figures, not pass/fail: it exits 1 only if the kiosk died or stopped answering.
//
//   kiosk_soak [--minutes N] [--sample-seconds S]
#include "fault/fault_stage.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

struct Sample {
    double t = 0;  // seconds since start
    double rss_mb = 0, pss_mb = 0, fds = 0, threads = 0;
};

double status_value(int pid, const char* file, const char* field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/" + file);
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::strtod(line.c_str() + key.size(), nullptr);
    }
    return -1;
}

double open_fds(int pid) {
    std::error_code ec;
    double n = 0;
    for (fs::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec), end; !ec && it != end; it.increment(ec))
        ++n;
    return ec ? -1 : n;
}

Sample sample(int pid, double t) {
    return Sample{t, status_value(pid, "status", "VmRSS") / 1024, status_value(pid, "smaps_rollup", "Pss") / 1024,
                  open_fds(pid), status_value(pid, "status", "Threads")};
}

// Least-squares slope of y over t, per hour.
double slope_per_hour(const std::vector<Sample>& s, std::size_t from, std::size_t to, double Sample::*field) {
    if (to - from < 2) return 0;
    double tm = 0, ym = 0;
    for (std::size_t i = from; i < to; ++i) tm += s[i].t, ym += s[i].*field;
    tm /= static_cast<double>(to - from);
    ym /= static_cast<double>(to - from);
    double num = 0, den = 0;
    for (std::size_t i = from; i < to; ++i) {
        num += (s[i].t - tm) * (s[i].*field - ym);
        den += (s[i].t - tm) * (s[i].t - tm);
    }
    return den > 0 ? num / den * 3600 : 0;
}

void report(const std::vector<Sample>& s) {
    struct Row {
        const char* name;
        const char* unit;
        double Sample::*field;
    };
    const Row rows[] = {{"RSS", "MB", &Sample::rss_mb},
                        {"PSS", "MB", &Sample::pss_mb},
                        {"fds", "", &Sample::fds},
                        {"threads", "", &Sample::threads}};
    const std::size_t n = s.size();
    const std::size_t third = n / 3;
    std::printf("%-8s %9s %9s %9s %12s %14s %14s\n", "", "first", "last", "max", "slope/h", "1st third /h",
                "last third /h");
    for (const Row& r : rows) {
        double mx = 0;
        for (const Sample& x : s) mx = std::max(mx, x.*r.field);
        std::printf("%-8s %7.1f%-2s %7.1f%-2s %7.1f%-2s %12.1f %14.1f %14.1f\n", r.name, s.front().*r.field, r.unit,
                    s.back().*r.field, r.unit, mx, r.unit, slope_per_hour(s, 0, n, r.field),
                    slope_per_hour(s, 0, third, r.field), slope_per_hour(s, n - third, n, r.field));
    }
    // Levelled off: the last third grows at most a quarter as fast as the first, or by less than
    // 5 MB an hour (noise from allocator reuse on a flat line).
    for (const Row& r : {rows[0], rows[1]}) {
        const double first = slope_per_hour(s, 0, third, r.field);
        const double last = slope_per_hour(s, n - third, n, r.field);
        const bool plateau = last < 5 || last <= 0.25 * std::max(first, 0.0);
        std::printf("%s plateau: %s (last third %+.1f MB/h vs first third %+.1f MB/h; level %.1f MB)\n", r.name,
                    plateau ? "yes" : "NO", last, first, s.back().*r.field);
    }
}

int usage() {
    std::fprintf(stderr, "usage: kiosk_soak [--minutes N] [--sample-seconds S]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    double minutes = 5;
    double sample_seconds = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--minutes" && i + 1 < argc) {
            minutes = std::atof(argv[++i]);
        } else if (a == "--sample-seconds" && i + 1 < argc) {
            sample_seconds = std::atof(argv[++i]);
        } else {
            return usage();
        }
    }
    if (minutes <= 0 || sample_seconds <= 0) return usage();

    FaultStage stage;
    if (const auto started = stage.start(); !started) {
        std::fprintf(stderr, "soak: %s\n", started.message());
        return 1;
    }
    const int pid = stage.pid();
    const auto t0 = std::chrono::steady_clock::now();
    const auto end = t0 + std::chrono::milliseconds(static_cast<long>(minutes * 60'000));
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };

    // Sampling runs beside the actions so a slow action cannot skew the time axis.
    std::vector<Sample> samples;
    std::mutex samples_mutex;
    std::atomic<bool> done{false};
    std::thread sampler([&] {
        while (!done) {
            const Sample x = sample(pid, elapsed());
            if (x.rss_mb >= 0) {
                const std::lock_guard lock(samples_mutex);
                samples.push_back(x);
            }
            const auto next =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(sample_seconds * 1000));
            while (!done && std::chrono::steady_clock::now() < next) std::this_thread::sleep_for(100ms);
        }
    });

    const fs::path slides = stage.slides();
    const fs::path mood = slides / "030-mood.md";
    const std::string mood_good = read_file(mood);
    const std::vector<std::string> colours = {"#3A7BD5", "#2FA84F", "#D5873A", "#8E44AD", "#16A085", "#C0392B"};
    int edits = 0, broken = 0, pictures = 0, taps = 0, slips = 0, swaps = 0, failures = 0;
    bool alive = true;
    for (int round = 0; std::chrono::steady_clock::now() < end; ++round) {
        switch (round % 5) {
            case 0: {  // a staff member edits a slide's text
                std::ofstream(slides / FaultStage::kFaultSlide, std::ios::trunc)
                    << "+++\nimage = \"" << FaultStage::kFaultPicture << "\"\nlayout = \"image-left\"\n+++\n"
                    << "# Soak edit " << round << "\nThe picture beside this text changes colour.\n";
                ++edits;
                break;
            }
            case 1: {  // a broken save, put right a moment later
                std::ofstream(mood, std::ios::trunc)
                    << "+++\nimgae = \"art/mood.svg\"\n+++\n# Broken " << round << "\n";
                std::this_thread::sleep_for(1500ms);
                std::ofstream(mood, std::ios::trunc) << mood_good;
                ++broken;
                break;
            }
            case 2: {  // a new picture, a new size each time: new cache entries
                const fs::path tmp = slides / "art" / ".new.png";
                const int w = 600 + (round * 37) % 500;
                write_plain_png(tmp, w, w * 3 / 4, colours[static_cast<std::size_t>(round) % colours.size()]);
                fs::rename(tmp, stage.picture());
                ++pictures;
                break;
            }
            case 3: {  // a patient asks for the number on a slip
                const int before = stage.slips_received();
                ++taps;
                if (stage.open_panel("soak-panel") && stage.tap_print_choice() &&
                    wait_until([&] { return stage.slips_received() > before; }, scaled(15s))) {
                    ++slips;
                } else {
                    ++failures;
                }
                std::this_thread::sleep_for(1s);
                if (!stage.close_panel("soak-closed")) ++failures;
                break;
            }
            case 4: {  // one time in four: the whole folder swapped for a fresh copy (rename, rename)
                if (round % 20 != 4) break;
                const fs::path next = stage.dir() / "slides.next";
                const fs::path prev = stage.dir() / "slides.prev";
                stage.write_slides(next);
                fs::rename(slides, prev);
                fs::rename(next, slides);
                fs::remove_all(prev);
                ++swaps;
                break;
            }
        }
        std::this_thread::sleep_for(2s);
        if (!stage.running()) {
            alive = false;
            break;
        }
    }
    done = true;
    sampler.join();

    std::printf("==> soak: %.1f min on the real kiosk (1280x720, Xvfb, ESC/POS listener), %zu samples every %.0f s\n",
                elapsed() / 60, samples.size(), sample_seconds);
    std::printf(
        "actions: %d edits, %d broken edits, %d picture replacements, %d folder swaps, %d taps -> %d slips "
        "printed, %d panel failures\n",
        edits, broken, pictures, swaps, taps, slips, failures);
    if (samples.size() >= 6) report(samples);
    if (!alive) {
        std::printf("the kiosk DIED during the soak\n%s\n", stage.log().c_str());
        return 1;
    }
    const auto blank = stage.screen_is_non_blank("soak-end");
    const auto answers = stage.responsive("soak-end");
    std::printf("at the end: screen %s, touch %s, peak %ld MB (ceiling %ld MB)\n", blank ? "shows a slide" : "BLANK",
                answers ? "answers" : "DOES NOT ANSWER", stage.vm_hwm_kib() / 1024,
                FaultStage::memory_ceiling_kib() / 1024);
    return blank && answers ? 0 : 1;
}
