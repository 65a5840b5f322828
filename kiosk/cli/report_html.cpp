#include "cli/report_html.h"

#include "web/html.h"

#include <cstdio>
#include <fstream>
#include <ostream>

namespace kiosk::cli {

namespace {

std::string date_text(const CivilDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string minutes_text(int m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (m / 60) % 25, m % 60);
    return buf;
}

}  // namespace

std::string describe_show_window(const ShowWindow& show) {
    if (show.always()) return "always";
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    std::string out;
    if (show.days != 0x7F) {
        for (int d = 0; d < 7; ++d) {
            if (show.days & (1u << d)) out += std::string(out.empty() ? "" : ", ") + kDays[d];
        }
    } else {
        out = "every day";
    }
    if (show.start_minute != 0 || show.end_minute != 24 * 60) {
        out += " " + minutes_text(show.start_minute) + "–" + minutes_text(show.end_minute);
    }
    if (show.from) out += " from " + date_text(*show.from);
    if (show.until) out += " until " + date_text(*show.until);
    return out;
}

bool write_report_html(const std::filesystem::path& file, const Deck& deck, const std::vector<RenderedSlide>& slides,
                       const KioskConfig& config, int w, int h, std::ostream& err) {
    std::ofstream out(file);
    if (!out) {
        err << "kiosk render: cannot write " << file.string() << '\n';
        return false;
    }
    int rejected = 0;
    for (const auto& f : deck.files) rejected += f.state == SlideFileState::Rejected ? 1 : 0;
    out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Slides preview – "
        << web::html_escape(config.clinic.name) << "</title>\n<style>\n"
        << "body{font-family:'Noto Sans','DejaVu Sans',sans-serif;margin:2em;background:#f4f4f4;color:#1b2633}\n"
        << ".slide{background:#fff;border-radius:8px;padding:1em;margin:0 0 2em;box-shadow:0 1px 4px #0002}\n"
        << ".slide img{width:100%;max-width:960px;border:1px solid #ccc}\n"
        << ".ok{color:#1e6b2e}.warning{color:#8a5a00}.error{color:#b00020;font-weight:bold}\n"
        << "dt{font-weight:bold}dd{margin:0 0 .5em 0}\n</style></head><body>\n";
    out << "<h1>Slides preview</h1>\n<p>Folder <code>" << web::html_escape(deck.folder.string()) << "</code>, shown at " << w
        << "×" << h << ". " << deck.slides.size() << " slides will play";
    if (rejected > 0) out << "; <span class=\"error\">" << rejected << " rejected (not shown)</span>";
    out << ".</p>\n";
    for (const auto& d : deck.folder_diagnostics) out << "<p class=\"error\">" << web::html_escape(d.to_string()) << "</p>\n";

    for (const auto& report : deck.files) {
        const RenderedSlide* r = nullptr;
        for (const auto& s : slides) {
            if (s.slide && s.slide->file_name == report.file_name) r = &s;
        }
        out << "<div class=\"slide\"><h2>" << web::html_escape(report.file_name) << " – <span class=\""
            << (report.state == SlideFileState::Ok ? "ok" : report.state == SlideFileState::Warnings ? "warning" : "error")
            << "\">" << to_string(report.state) << "</span></h2>\n";
        if (r) {
            out << "<img src=\"" << web::html_escape(r->png) << "\" alt=\"" << web::html_escape(r->slide->title) << "\">\n<dl>";
            out << "<dt>Shown for</dt><dd>" << r->slide->duration.count() / 1000 << " seconds"
                << (r->slide->duration_from_reading_time ? " (from reading time)" : "") << "</dd>";
            out << "<dt>When</dt><dd>" << web::html_escape(describe_show_window(r->slide->show)) << "</dd>";
            if (r->shrunk) out << "<dt class=\"warning\">Text size</dt><dd>made smaller to fit; consider fewer words</dd>";
            out << "</dl>\n";
        }
        if (!report.diagnostics.empty()) {
            out << "<ul>\n";
            for (const auto& d : report.diagnostics) {
                out << "<li class=\"" << (d.severity == Severity::Error ? "error" : "warning") << "\">"
                    << web::html_escape(d.to_string()) << "</li>\n";
            }
            out << "</ul>\n";
        }
        out << "</div>\n";
    }
    out << "</body></html>\n";
    return static_cast<bool>(out);
}

}  // namespace kiosk::cli
