// The staff pages' handlers called directly with the Requests a browser would send (the server has
// already checked session, CSRF and Origin), on a real slides folder in a temporary directory.
#include "web/staff_pages.h"
#include "core/print_status.h"
#include "core/status_report.h"
#include "support/temp_dir.h"
#include "web/kiosk_link.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using kiosk::test::read_file;
using kiosk::test::TempDir;
using namespace kiosk::web;

namespace {

const char* kSlide = "+++\nlayout = \"text-only\"\n+++\n# Flu <shots> & you\n\nGet one at the desk.\n";

struct Pages {
    TempDir tmp{"web-pages"};
    Router router;
    Pages() {
        tmp.write("slides/010-flu.md", kSlide);
        tmp.write("slides/020-hours.md", "# Opening hours\n\nMonday to Friday.\n");
        fs::create_directories(tmp.path() / "state");
        register_staff_pages(router, {tmp.path() / "slides", tmp.path() / "none.toml", tmp.path() / "state"});
    }
    Response call(const std::string& method, const std::string& path, std::map<std::string, std::string> query = {},
                  std::map<std::string, std::string> form = {}) {
        for (const auto& r : router.routes()) {
            if (r.method == method && r.path == path) {
                Request q;
                q.method = method;
                q.path = path;
                q.query = std::move(query);
                q.form = std::move(form);
                q.csrf_token = "token123";
                return r.handler(q);
            }
        }
        ADD_FAILURE() << "no route " << method << ' ' << path;
        return {};
    }
    fs::path slides() const { return tmp.path() / "slides"; }
};

std::string etag_in(const std::string& html) {
    const std::string marker = "name=\"etag\" value=\"";
    const auto at = html.find(marker);
    if (at == std::string::npos) return "";
    const auto end = html.find('"', at + marker.size());
    std::string v = html.substr(at + marker.size(), end - at - marker.size());
    for (std::size_t p; (p = v.find("&quot;")) != std::string::npos;) v.replace(p, 6, "\"");
    return v;
}

}  // namespace

TEST(StaffPages, ListShowsEverySlideEscapedInPlayOrderWithCsrfOnEveryForm) {
    Pages p;
    const Response r = p.call("GET", "/");
    EXPECT_EQ(r.status, 200);
    const auto flu = r.body.find("Flu &lt;shots&gt; &amp; you");
    const auto hours = r.body.find("Opening hours");
    ASSERT_NE(flu, std::string::npos) << "titles are HTML-escaped";
    ASSERT_NE(hours, std::string::npos);
    EXPECT_LT(flu, hours) << "play order";
    EXPECT_EQ(r.body.find("<shots>"), std::string::npos);
    EXPECT_NE(r.body.find("not running"), std::string::npos) << "no kiosk: the page says so";
    // Every POST form carries the session's CSRF token.
    std::size_t forms = 0, tokens = 0;
    for (std::size_t at = 0; (at = r.body.find("method=\"post\"", at)) != std::string::npos; ++at) ++forms;
    for (std::size_t at = 0; (at = r.body.find("value=\"token123\"", at)) != std::string::npos; ++at) ++tokens;
    EXPECT_GT(forms, 4u);
    EXPECT_EQ(forms, tokens);
}

TEST(StaffPages, ABrokenEditShowsLineAndMessageNextToTheFieldAndIsNotWritten) {
    Pages p;
    const Response edit = p.call("GET", "/slide", {{"name", "010-flu.md"}});
    ASSERT_EQ(edit.status, 200);
    const std::string etag = etag_in(edit.body);
    ASSERT_FALSE(etag.empty());
    const Response bad = p.call("POST", "/slide/save", {},
                                {{"name", "010-flu.md"},
                                 {"etag", etag},
                                 {"title", "Flu"},
                                 {"text", "words"},
                                 {"layout", "text-only"},
                                 {"duration", "9999"}});
    EXPECT_EQ(bad.status, 400);
    const auto field = bad.body.find("id=\"f-duration\"");
    const auto message = bad.body.find("<p class=\"field-error\" role=\"alert\">line ");
    ASSERT_NE(field, std::string::npos);
    ASSERT_NE(message, std::string::npos) << bad.body;
    EXPECT_GT(message, field) << "the message is next to the duration field";
    EXPECT_EQ(read_file(p.slides() / "010-flu.md"), kSlide);

    const Response good = p.call("POST", "/slide/save", {},
                                 {{"name", "010-flu.md"},
                                  {"etag", etag},
                                  {"title", "Flu shots today"},
                                  {"text", "Ask at the desk."},
                                  {"layout", "text-only"}});
    EXPECT_EQ(good.status, 303);
    EXPECT_NE(read_file(p.slides() / "010-flu.md").find("# Flu shots today\n"), std::string::npos);

    const Response second = p.call("POST", "/slide/save", {},
                                   {{"name", "010-flu.md"}, {"etag", etag}, {"title", "Other"}, {"text", "x y"}});
    EXPECT_EQ(second.status, 409);
    EXPECT_NE(second.body.find("changed by someone else"), std::string::npos);
}

TEST(StaffPages, PreviewIsAPngAtTheKiosksSizeAndABrokenOneSaysWhy) {
    Pages p;
    const Response saved = p.call("GET", "/slide/preview", {{"name", "020-hours.md"}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.content_type, "image/png");
    EXPECT_EQ(png_size(saved.body), (std::pair{1920, 1080})) << "no kiosk running: the default screen size";
    const Response typed = p.call("POST", "/slide/preview", {},
                                  {{"name", "020-hours.md"}, {"title", "New hours"}, {"text", "Saturday too."}});
    ASSERT_EQ(typed.status, 200);
    EXPECT_NE(typed.body, saved.body) << "the preview follows what is typed";
    const Response broken =
        p.call("POST", "/slide/preview", {}, {{"name", "020-hours.md"}, {"raw", "+++\nlayout = 3\n+++\n# T\n"}});
    EXPECT_EQ(broken.status, 422);
    EXPECT_NE(broken.body.find("line 2: "), std::string::npos) << broken.body;
    const Response thumb = p.call("GET", "/slide/thumb", {{"name", "010-flu.md"}});
    ASSERT_EQ(thumb.status, 200);
    EXPECT_EQ(png_size(thumb.body), (std::pair{320, 180}));
}

TEST(StaffPages, NamesOutsideTheFolderAreNotFound) {
    Pages p;
    p.tmp.write("secret.md", "# Secret\n\nkeep out\n");
    for (const std::string name : {"../secret.md", "/etc/passwd", "..%2Fsecret.md", "", "slides/../../secret.md"}) {
        EXPECT_EQ(p.call("GET", "/slide", {{"name", name}}).status, 404) << name;
        EXPECT_EQ(p.call("GET", "/slide/raw", {{"name", name}}).body.find("keep out"), std::string::npos) << name;
        EXPECT_EQ(p.call("GET", "/slide/preview", {{"name", name}}).status, 404) << name;
    }
}

TEST(StaffPages, ListActionsMoveSwitchOffRemoveAndRestore) {
    Pages p;
    EXPECT_EQ(p.call("POST", "/slides/move", {}, {{"name", "020-hours.md"}, {"step", "-1"}}).status, 303);
    EXPECT_TRUE(fs::exists(p.slides() / "010-hours.md"));
    EXPECT_EQ(p.call("POST", "/slides/off", {}, {{"name", "020-flu.md"}}).status, 303);
    EXPECT_TRUE(fs::exists(p.slides() / "020-flu.md.off"));
    EXPECT_NE(p.call("GET", "/").body.find("switched off"), std::string::npos);
    EXPECT_EQ(p.call("POST", "/slides/remove", {}, {{"name", "010-hours.md"}}).status, 303);
    EXPECT_NE(p.call("GET", "/removed").body.find("010-hours.md"), std::string::npos);
    EXPECT_EQ(p.call("POST", "/removed/restore", {}, {{"name", "010-hours.md"}}).status, 303);
    EXPECT_TRUE(fs::exists(p.slides() / "010-hours.md"));
    EXPECT_EQ(p.call("POST", "/slides/remove", {}, {{"name", "../../etc/passwd"}}).status, 400);
}

TEST(StaffPages, PrinterPageShowsStateAndTodaysCountsButNoPatientData) {
    Pages p;
    p.tmp.write("state/status.json",
                R"({"running": true, "slide": {"file": "010-flu.md", "title": "Flu"},
                    "printer": {"configured": true, "state": "paper-out", "detail": "load paper", "ok": false},
                    "today": {"slip_printed": 3, "button_opened": 5},
                    "patient": {"name": "Ada Lovelace", "phone": "5550100199"}})");
    const Response r = p.call("GET", "/printer");
    // An older kiosk's status.json (no summary, no desk printer): the name and its state word.
    EXPECT_NE(r.body.find("Waiting-room printer: paper-out"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("load paper"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("<th>Slips printed</th><td>3</td>"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("Ada"), std::string::npos);
    EXPECT_EQ(r.body.find("5550100199"), std::string::npos);
}

// status.json as the kiosk writes it (to_json), with the desk printer out of paper and the waiting
// room's fine: the box names each printer with its state in plain words, and the failed slip.
TEST(StaffPages, PrinterBoxShowsBothPrintersByNameAndTheFailedOne) {
    Pages p;
    kiosk::KioskStatus st;
    st.printer_configured = true;
    st.printer_state = kiosk::to_string(kiosk::PrinterState::Ready);
    st.printer_ok = true;
    st.printer_kind = "receipt printer at 127.0.0.1:9100";
    st.printer_detail = "ready (127.0.0.1:9100)";  // what the ESC/POS printer's status says
    st.printer_summary = kiosk::printer_summary(kiosk::PrinterRole::WaitingRoom, kiosk::PrinterState::Ready);
    st.desk_printer = {true,
                       "Desk printer",
                       "receipt printer at 192.168.1.50:9100",
                       kiosk::to_string(kiosk::PrinterState::PaperOut),
                       "DLE EOT 4: paper end",
                       kiosk::printer_summary(kiosk::PrinterRole::Desk, kiosk::PrinterState::PaperOut),
                       false};
    st.last_print_problem =
        kiosk::job_message({7, kiosk::JobOutcome::PaperOut, "DLE EOT 4: paper end", kiosk::PrinterRole::Desk});
    p.tmp.write("state/status.json", kiosk::to_json(st));
    std::string body = p.call("GET", "/printer").body;
    EXPECT_NE(body.find("<p class=\"good\">Waiting-room printer: ready</p>"), std::string::npos) << body;
    EXPECT_NE(body.find("<p class=\"small\">receipt printer at 127.0.0.1:9100</p>"), std::string::npos)
        << "the state and the address are said once, not again in the small print: " << body;
    EXPECT_NE(body.find("<p class=\"problem\">Desk printer: out of paper</p>"), std::string::npos) << body;
    EXPECT_NE(body.find("receipt printer at 192.168.1.50:9100 — DLE EOT 4: paper end"), std::string::npos)
        << "which printer it is, and what it said: " << body;
    EXPECT_NE(body.find("Last failed slip: Desk printer: out of paper (DLE EOT 4: paper end)"), std::string::npos)
        << body;
    // The slides page's side box is the same.
    EXPECT_NE(p.call("GET", "/").body.find("Desk printer: out of paper"), std::string::npos);

    // Only a desk printer: the waiting room's says it is not configured, the desk's is ready.
    kiosk::KioskStatus desk_only;
    desk_only.printer_summary = kiosk::printer_summary(kiosk::PrinterRole::WaitingRoom, kiosk::PrinterState::None);
    desk_only.desk_printer = {true,
                              "Desk printer",
                              "CUPS queue desk",
                              "ready",
                              "",
                              kiosk::printer_summary(kiosk::PrinterRole::Desk, kiosk::PrinterState::Ready),
                              true};
    p.tmp.write("state/status.json", kiosk::to_json(desk_only));
    body = p.call("GET", "/printer").body;
    EXPECT_NE(body.find("Waiting-room printer: not configured"), std::string::npos) << body;
    EXPECT_NE(body.find("<p class=\"good\">Desk printer: ready</p>"), std::string::npos) << body;
    EXPECT_EQ(body.find("Last failed slip"), std::string::npos) << "no failure, no line";

    // Neither: both say so.
    p.tmp.write("state/status.json", kiosk::to_json(kiosk::KioskStatus{}));
    body = p.call("GET", "/printer").body;
    EXPECT_NE(body.find("Waiting-room printer: not configured"), std::string::npos) << body;
    EXPECT_NE(body.find("Desk printer: not configured"), std::string::npos) << body;
}

TEST(StaffPages, TestPrintWithoutARunningKioskSaysSo) {
    Pages p;
    const Response r = p.call("POST", "/printer/test");
    EXPECT_EQ(r.status, 503);
    EXPECT_NE(r.body.find("Test print not done: the kiosk is not running"), std::string::npos) << r.body;
}
