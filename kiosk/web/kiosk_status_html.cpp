#include "web/kiosk_status_html.h"

#include "web/html.h"
#include "web/kiosk_link.h"

namespace kiosk::web {

namespace {

std::string str(const json::Value* v, const char* key) {
    const json::Value* m = v ? v->get(key) : nullptr;
    return m && m->string() ? *m->string() : "";
}

// Counter words → what the desk calls them.
const char* counter_label(const std::string& word) {
    if (word == "slip_printed") return "Slips printed";
    if (word == "button_opened") return "Touch button pressed";
    if (word == "callback_printed") return "Call-backs printed";
    if (word == "slide_shown") return "Slides shown";
    if (word == "number_shown") return "Phone number shown";
    return nullptr;
}

}  // namespace

std::string on_screen_html(const std::filesystem::path& state_dir) {
    const auto status = read_status(state_dir);
    std::string out = "<section class=\"now\"><h2>On screen now</h2>";
    const json::Value* running = status ? status->get("running") : nullptr;
    if (!status || !running || running->boolean() != true) {
        out += "<p class=\"problem\">The kiosk is not running (no fresh status in " + html_escape(state_dir.string()) +
               ").</p>";
    } else {
        const json::Value* slide = status->get("slide");
        out += "<p class=\"now-title\"><b>" + html_escape(str(slide, "title")) + "</b> <span class=\"file\">" +
               html_escape(str(slide, "file")) + "</span></p>";
    }
    out +=
        "<img class=\"screen\" id=\"live-screen\" src=\"/screen.png\" alt=\"What the kiosk shows now\" "
        "width=\"480\" height=\"270\">";
    out += "<p class=\"small\">The picture is the kiosk's own screen; it refreshes every few seconds.</p></section>";
    return out;
}

namespace {

// The printer's own detail, less what the lines already say: "ready (127.0.0.1:9100)" under
// "Waiting-room printer: ready" and "receipt printer at 127.0.0.1:9100" adds nothing, so it goes;
// "out of paper (DLE EOT 4: paper end)" keeps its parenthesis.
std::string detail_beyond(std::string detail, const std::string& kind, const std::string& summary) {
    if (const auto open = detail.rfind(" ("); open != std::string::npos && detail.ends_with(')')) {
        const std::string inside = detail.substr(open + 2, detail.size() - open - 3);
        if (!inside.empty() && kind.find(inside) != std::string::npos) detail.erase(open);
    }
    if (summary.ends_with(": " + detail)) return {};
    return detail;
}

// One printer's lines: "Desk printer: out of paper" in plain words (status.json's summary; an
// older kiosk's file has none, so the name and state word stand in), then what it is and its own
// detail in small print.
std::string printer_lines(const json::Value* printer, const char* name, const std::string& not_set_up) {
    const json::Value* configured = printer ? printer->get("configured") : nullptr;
    if (!configured || configured->boolean() != true) {
        return "<p class=\"printer-none\">" + html_escape(std::string(name) + ": not configured") + "</p>" +
               (not_set_up.empty() ? "" : "<p class=\"small\">" + html_escape(not_set_up) + "</p>");
    }
    const json::Value* ok = printer->get("ok");
    const bool ready = ok && ok->boolean() == true;
    std::string summary = str(printer, "summary");
    if (summary.empty()) summary = std::string(name) + ": " + str(printer, "state");
    std::string out = std::string("<p class=\"") + (ready ? "good" : "problem") + "\">" + html_escape(summary) + "</p>";
    std::string small = str(printer, "kind");
    if (const std::string detail = detail_beyond(str(printer, "detail"), small, summary); !detail.empty())
        small += (small.empty() ? "" : " — ") + detail;
    if (!small.empty()) out += "<p class=\"small\">" + html_escape(small) + "</p>";
    return out;
}

}  // namespace

std::string printer_html(const std::filesystem::path& state_dir) {
    const auto status = read_status(state_dir);
    std::string out = "<section class=\"printer\"><h2>Printers</h2>";
    if (!status) return out + "<p class=\"problem\">No status from the kiosk yet.</p></section>";
    // The waiting room's slip printer, then the one behind the counter (call-back slips): each by its
    // own name, so staff know where to take the paper.
    out += printer_lines(status->get("printer"), "Waiting-room printer", "No [printer] is set up in kiosk.toml.");
    if (const json::Value* desk = status->get("desk_printer")) out += printer_lines(desk, "Desk printer", "");
    if (const std::string problem = str(&*status, "last_print_problem"); !problem.empty()) {
        const std::string at = str(&*status, "last_print_problem_at");
        out += "<p class=\"problem\">Last failed slip: " + html_escape(problem) +
               (at.empty() ? "" : " <span class=\"small\">at " + html_escape(at) + "</span>") + "</p>";
    }
    out += "<h3>Today</h3><table class=\"counts\">";
    bool any = false;
    if (const json::Value* today = status->get("today")) {
        if (const auto* obj = std::get_if<json::Object>(&today->v)) {
            for (const auto& [word, value] : *obj) {
                const char* label = counter_label(word);
                const auto n = value.number();
                if (!label || !n) continue;
                out += "<tr><th>" + std::string(label) + "</th><td>" + std::to_string(static_cast<long long>(*n)) +
                       "</td></tr>";
                any = true;
            }
        }
    }
    if (!any) out += "<tr><td>Nothing counted yet today.</td></tr>";
    return out + "</table></section>";
}

}  // namespace kiosk::web
