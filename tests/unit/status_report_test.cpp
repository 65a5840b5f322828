// status.json and kiosk.prom as built from one snapshot: valid JSON that reads back to the same
// values (with hostile slide names escaped), and Prometheus text in the exposition format.
#include "core/status_report.h"
#include "core/control_protocol.h"
#include "core/json.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

namespace kiosk {
namespace {

// A member that must be there; a missing one fails the test and reads as null.
const json::Value& m(const json::Value& v, const char* key) {
    static const json::Value none;
    const json::Value* found = v.get(key);
    if (!found) {
        ADD_FAILURE() << "status.json has no '" << key << "'";
        return none;
    }
    return *found;
}
std::string str(const json::Value& v) {
    return v.string() ? *v.string() : std::string("<not a string>");
}

KioskStatus sample() {
    KioskStatus s;
    s.pid = 4242;
    s.version = "0.1.0";
    s.started = from_local(2026, 3, 2, 7, 30);
    s.written = from_local(2026, 3, 2, 9, 15, 7);
    s.slide_file = "020-\"quoted\"\\back.md";
    s.slide_title = "Dry needling\n\ttab — ünïcode";
    s.slides_started = 123;
    s.deck_folder = "/var/lib/kiosk/slides";
    s.folder_status = "present";
    s.deck_slides = 7;
    s.deck_errors = 1;
    s.deck_messages = {"slides/030.md:4: error: unknown key 'tite'", std::string("ctl\x01") + "x"};
    s.printer_configured = true;
    s.printer_state = "paper-out";
    s.printer_detail = "DLE EOT 4: paper end";
    s.printer_kind = "receipt printer at 127.0.0.1:9100";
    s.printer_summary = "Waiting-room printer: out of paper";
    s.desk_printer = {
        true, "Desk printer", "CUPS queue 'desk'", "offline", "CUPS queue 'desk' is stopped", "Desk printer: offline",
        false};
    s.last_print_problem = "Desk printer: offline (CUPS queue 'desk' is stopped)";
    s.last_print_problem_at = from_local(2026, 3, 2, 9, 14);
    s.display_on = false;
    s.display_reason = "off (schedule)";
    s.display_power = "standby (DPMS); no CEC adapter";
    s.display_next_change = from_local(2026, 3, 3, 7, 30);
    s.last_reload = from_local(2026, 3, 2, 8, 0);
    s.today = {{"slide_shown", 40}, {"slip_printed", 3}, {"button_opened", 5}};
    return s;
}

TEST(StatusJson, QuoteEscapesWhatJsonRequires) {
    EXPECT_EQ(json::quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(json::quote("line\nnext\ttab"), "\"line\\nnext\\ttab\"");
    EXPECT_EQ(json::quote(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
    EXPECT_EQ(json::quote("ünï"), "\"ünï\"") << "UTF-8 passes through";
}

TEST(StatusJson, ReadsBackToTheSameValues) {
    const KioskStatus s = sample();
    const std::string text = to_json(s);
    std::string error;
    const auto v = json::parse(text, &error);
    ASSERT_TRUE(v.has_value()) << error << "\n" << text;
    EXPECT_EQ(m(*v, "pid").number().value_or(-1), 4242);
    EXPECT_EQ(m(*v, "running").boolean().value_or(false), true);
    EXPECT_EQ(str(m(*v, "up_since")), "2026-03-02 07:30:00");
    EXPECT_EQ(m(*v, "written_unix").number().value_or(-1),
              std::chrono::duration_cast<std::chrono::seconds>(s.written.time_since_epoch()).count());
    EXPECT_EQ(str(m(m(*v, "slide"), "file")), s.slide_file);
    EXPECT_EQ(str(m(m(*v, "slide"), "title")), s.slide_title);
    const auto* messages = std::get_if<json::Array>(&m(m(*v, "deck"), "messages").v);
    ASSERT_NE(messages, nullptr);
    ASSERT_EQ(messages->size(), 2u);
    EXPECT_EQ(str((*messages)[1]), s.deck_messages[1]) << "a control character survives the round trip";
    EXPECT_EQ(str(m(m(*v, "deck"), "last_reload")), "2026-03-02 08:00:00");
    EXPECT_EQ(str(m(m(*v, "printer"), "state")), "paper-out");
    EXPECT_EQ(m(m(*v, "display"), "on").boolean().value_or(true), false);
    EXPECT_EQ(str(m(m(*v, "display"), "power")), "standby (DPMS); no CEC adapter");
    EXPECT_EQ(m(m(*v, "today"), "slip_printed").number().value_or(-1), 3);
}

// The desk printer sits beside the waiting room's, under its own key; the older "printer" keys keep
// their names and meaning (scripts and `kiosk status` read them).
TEST(StatusJson, BothPrintersEachByNameWithTheOldKeysKept) {
    const auto v = json::parse(to_json(sample()));
    ASSERT_TRUE(v.has_value()) << to_json(sample());
    const json::Value& printer = m(*v, "printer");
    EXPECT_EQ(m(printer, "configured").boolean().value_or(false), true);
    EXPECT_EQ(str(m(printer, "state")), "paper-out");
    EXPECT_EQ(str(m(printer, "detail")), "DLE EOT 4: paper end");
    EXPECT_EQ(m(printer, "ok").boolean().value_or(true), false);
    EXPECT_EQ(str(m(printer, "name")), "Waiting-room printer");
    EXPECT_EQ(str(m(printer, "kind")), "receipt printer at 127.0.0.1:9100");
    EXPECT_EQ(str(m(printer, "summary")), "Waiting-room printer: out of paper");
    const json::Value& desk = m(*v, "desk_printer");
    EXPECT_EQ(m(desk, "configured").boolean().value_or(false), true);
    EXPECT_EQ(str(m(desk, "name")), "Desk printer");
    EXPECT_EQ(str(m(desk, "kind")), "CUPS queue 'desk'");
    EXPECT_EQ(str(m(desk, "state")), "offline");
    EXPECT_EQ(str(m(desk, "detail")), "CUPS queue 'desk' is stopped");
    EXPECT_EQ(m(desk, "ok").boolean().value_or(true), false);
    EXPECT_EQ(str(m(desk, "summary")), "Desk printer: offline");
    EXPECT_EQ(str(m(*v, "last_print_problem")), "Desk printer: offline (CUPS queue 'desk' is stopped)");
    EXPECT_EQ(str(m(*v, "last_print_problem_at")), "2026-03-02 09:14:00");

    // No desk printer: the block is still there and says so, for a script that reads it blindly.
    const auto none = json::parse(to_json(KioskStatus{}));
    ASSERT_TRUE(none.has_value());
    EXPECT_EQ(m(m(*none, "desk_printer"), "configured").boolean().value_or(true), false);
    EXPECT_EQ(str(m(m(*none, "desk_printer"), "state")), "none");
    EXPECT_EQ(str(m(m(*none, "desk_printer"), "name")), "Desk printer");
    EXPECT_EQ(str(m(*none, "last_print_problem")), "");
}

TEST(StatusJson, EmptyListsAndMissingTimesAreStillJson) {
    KioskStatus s;
    const auto v = json::parse(to_json(s));
    ASSERT_TRUE(v.has_value()) << to_json(s);
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(m(m(*v, "deck"), "last_reload").v));
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(m(m(*v, "display"), "next_change").v));
}

TEST(StatusJson, ParserRejectsBrokenText) {
    std::string error;
    EXPECT_FALSE(json::parse("{\"a\": 1", &error).has_value());
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(json::parse("{\"a\": 1} x").has_value());
    EXPECT_FALSE(json::parse("").has_value());
    EXPECT_FALSE(json::parse("{\"a\": \"unterminated}").has_value());
}

// The text exposition format: every sample's metric has HELP then TYPE before it, names are
// valid, values are numbers, no metric appears twice, and the file ends with a newline.
TEST(StatusPrometheus, ExpositionFormat) {
    const std::string text = to_prometheus(sample());
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    const std::regex help(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*)");
    const std::regex type(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter))");
    const std::regex sample_line(R"(([a-zA-Z_:][a-zA-Z0-9_:]*) (-?[0-9]+(\.[0-9]+)?))");
    std::istringstream in(text);
    std::string line, helped, typed;
    std::set<std::string> seen;
    std::map<std::string, std::string> values;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, help)) {
            helped = m[1];
        } else if (std::regex_match(line, m, type)) {
            EXPECT_EQ(m[1], helped) << "TYPE must follow its HELP: " << line;
            typed = m[1];
        } else if (std::regex_match(line, m, sample_line)) {
            EXPECT_EQ(m[1], typed) << "a sample without HELP/TYPE: " << line;
            EXPECT_TRUE(seen.insert(m[1]).second) << "metric twice: " << line;
            values[m[1]] = m[2];
        } else {
            ADD_FAILURE() << "not exposition format: '" << line << "'";
        }
    }
    EXPECT_EQ(values["kiosk_up"], "1");
    EXPECT_EQ(values["kiosk_slides_total"], "123");
    EXPECT_EQ(values["kiosk_deck_errors"], "1");
    EXPECT_EQ(values["kiosk_printer_ok"], "0");
    EXPECT_EQ(values["kiosk_desk_printer_configured"], "1");
    EXPECT_EQ(values["kiosk_desk_printer_ok"], "0");
    EXPECT_EQ(values["kiosk_display_on"], "0");
    EXPECT_EQ(values["kiosk_slips_printed_today"], "3");
    EXPECT_EQ(text.find("# TYPE kiosk_slides_total counter"), text.find("# TYPE kiosk_slides_total"));
}

TEST(ControlProtocol, AnswerHeaders) {
    const auto ok = control::parse_answer_header("OK image/png 1234");
    ASSERT_TRUE(ok.has_value());
    EXPECT_TRUE(ok->ok);
    EXPECT_EQ(ok->media_type, "image/png");
    EXPECT_EQ(ok->length, 1234u);
    EXPECT_EQ(control::ok_header("image/png", 1234), "OK image/png 1234\n");
    const auto err = control::parse_answer_header("ERR the screen is not ready");
    ASSERT_TRUE(err.has_value());
    EXPECT_FALSE(err->ok);
    EXPECT_EQ(err->error, "the screen is not ready");
    EXPECT_EQ(control::error_line("two\nlines"), "ERR two lines\n");
    EXPECT_FALSE(control::parse_answer_header("OK image/png").has_value());
    EXPECT_FALSE(control::parse_answer_header("OK image/png 12x").has_value());
    EXPECT_FALSE(control::parse_answer_header("HELLO").has_value());
}

}  // namespace
}  // namespace kiosk
