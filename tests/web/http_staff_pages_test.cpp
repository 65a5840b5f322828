// The real staff pages behind the real server on 127.0.0.1, driven as a browser drives them: each
// form is read off the page it came from (its inputs, textareas and selected options) and posted back
// with the session's CSRF token. The kiosk's own deck loader then reads the folder, so what these
// check is what the waiting room would get.
#include "core/config.h"
#include "core/deck.h"
#include "server_fixture.h"
#include "support/temp_dir.h"
#include "web/staff_pages.h"

#include <filesystem>
#include <regex>

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

const char* kToml =
    "[languages]\ndefault = \"en\"\nen = \"English\"\nes = \"Español\"\n"
    "[text.es]\nbutton_label = \"¿Le interesa? Toque aquí\"\n";

std::string html_unescape(std::string s) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""},
                                   {"&#39;", "'"},
                                   {"&lt;", "<"},
                                   {"&gt;", ">"},
                                   {"&amp;", "&"}}) {
        for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
            s.replace(at, from.size(), to);
    }
    return s;
}

// What a browser would post for the form with `action` on `html`, unchanged.
std::map<std::string, std::string> form_fields(const std::string& html, const std::string& action) {
    const auto start = html.find("action=\"" + action + "\"");
    EXPECT_NE(start, std::string::npos) << "no form for " << action;
    if (start == std::string::npos) return {};
    const std::string form = html.substr(start, html.find("</form>", start) - start);
    std::map<std::string, std::string> out;
    static const std::regex input(R"re(<input [^>]*name="([^"]+)" value="([^"]*)")re");
    for (std::sregex_iterator it(form.begin(), form.end(), input), end; it != end; ++it)
        out[(*it)[1]] = html_unescape((*it)[2]);
    static const std::regex textarea(R"re(<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>)re");
    for (std::sregex_iterator it(form.begin(), form.end(), textarea), end; it != end; ++it)
        out[(*it)[1]] = html_unescape((*it)[2]);
    static const std::regex select(R"re(<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>)re");
    static const std::regex selected(R"re(<option value="([^"]*)" selected>)re");
    for (std::sregex_iterator it(form.begin(), form.end(), select), end; it != end; ++it) {
        const std::string options = (*it)[2];
        std::smatch m;
        out[(*it)[1]] = std::regex_search(options, m, selected) ? html_unescape(m[1]) : "";
    }
    return out;
}

// A slides folder with the files given, kiosk.toml offering Spanish, and the staff pages served on
// 127.0.0.1 by the real server; logged in.
class StaffSite {
public:
    explicit StaffSite(const std::map<std::string, std::string>& files) {
        for (const auto& [name, text] : files) tmp.write("slides/" + name, text);
        tmp.write("kiosk.toml", kToml);
        fs::create_directories(tmp.path() / "state");
        const web::StaffPagesContext context{slides(), tmp.path() / "kiosk.toml", tmp.path() / "state"};
        server = std::make_unique<WebServer>(WebServer::default_options(),
                                             [context](web::Router& r) { web::register_staff_pages(r, context); });
        session = server->login();
        csrf = server->csrf_of(session);
        EXPECT_FALSE(csrf.empty()) << "logged in and the list carries the session's token";
    }

    // As a browser of this session (or of `other`, logged in from `source`) would send it.
    HttpReply get(const std::string& path, const std::string& other = "",
                  const std::string& source = "127.0.0.1") const {
        HttpCall c;
        c.path = path;
        c.cookie = other.empty() ? session : other;
        c.source = source;
        return http(server->port, c);
    }
    // The fields keep a csrf they carry (a form read off another session's page); others get ours.
    HttpReply post(const std::string& path, std::map<std::string, std::string> fields, const std::string& other = "",
                   const std::string& source = "127.0.0.1") const {
        fields.try_emplace("csrf", csrf);
        HttpCall c;
        c.method = "POST";
        c.path = path;
        c.cookie = other.empty() ? session : other;
        c.origin = "same";
        c.source = source;
        c.body = form_encode(fields);
        return http(server->port, c);
    }
    // The preview PNG of `raw` typed as the text of slide `name` (never saved).
    std::string preview(const std::string& name, const std::string& raw) const {
        const HttpReply r = post("/slide/preview", {{"name", name}, {"raw", raw}});
        EXPECT_EQ(r.status, 200) << name << ": " << r.body.substr(0, 200);
        EXPECT_EQ(r.header("content-type"), "image/png") << name;
        return r.body;
    }
    [[nodiscard]] fs::path slides() const { return tmp.path() / "slides"; }
    [[nodiscard]] Deck deck() const {
        const KioskConfig config = load_config(tmp.path() / "kiosk.toml").config;
        DeckLoadOptions options;
        options.config = &config;
        return load_deck(slides(), options);
    }

    TempDir tmp{"web-staff-site"};
    std::unique_ptr<WebServer> server;
    std::string session, csrf;
};

std::vector<std::string> slide_names(const Deck& deck) {
    std::vector<std::string> out;
    for (const auto& s : deck.slides) out.push_back(s->file_name);
    return out;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = haystack.find(needle, at)) != std::string::npos; at += needle.size()) ++n;
    return n;
}

const std::map<std::string, std::string> kBilingual = {
    {"010-back.md", "# Back pain\n\nIt can stop you.\n"},
    {"010-back.es.md", "# Dolor de espalda\n\nPuede detenerle.\n"},
    {"020-sleep.md", "# Sleep\n\nRest helps.\n"},
    {"020-sleep.es.md", "# Dormir\n\nDescansar ayuda.\n"},
    {"030-call.md", "+++\ncall_to_action = true\n+++\n# Call us\n\nWe can help.\n"},
};

TEST(StaffSite, TranslationsAreListedUnderTheirSlideAndMoveWithIt) {
    StaffSite site(kBilingual);
    const HttpReply list = site.get("/");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(count_of(list.body, "<li class=\"slide-card"), 3u) << "three slides, their translations inside them";
    EXPECT_NE(list.body.find(">Español</a>"), std::string::npos) << "a link to edit the Spanish version";
    EXPECT_EQ(list.body.find("has problems"), std::string::npos) << "a paired translation is no problem";

    // The last slide goes first in one step (the place list), its neighbours' translations with them.
    const HttpReply moved = site.post("/slides/move", {{"name", "030-call.md"}, {"place", "1"}});
    EXPECT_EQ(moved.status, 303) << moved.body;
    for (const char* name : {"010-call.md", "020-back.md", "020-back.es.md", "030-sleep.md", "030-sleep.es.md"})
        EXPECT_TRUE(fs::exists(site.slides() / name)) << name;
    EXPECT_EQ(read_file(site.slides() / "020-back.es.md"), kBilingual.at("010-back.es.md"));
    const Deck deck = site.deck();
    EXPECT_EQ(slide_names(deck), (std::vector<std::string>{"010-call.md", "020-back.md", "030-sleep.md"}));
    ASSERT_TRUE(deck.translations.count("es"));
    EXPECT_EQ(deck.translations.at("es").size(), 2u) << "the kiosk still pairs both translations";
    EXPECT_EQ(deck.translations.at("es").at("020-back.md")->title, "Dolor de espalda");

    // ↓ moves one place, also with its translation.
    EXPECT_EQ(site.post("/slides/move", {{"name", "020-back.md"}, {"step", "1"}}).status, 303);
    EXPECT_EQ(read_file(site.slides() / "030-back.es.md"), kBilingual.at("010-back.es.md"));
    EXPECT_EQ(site.post("/slides/move", {{"name", "020-sleep.md"}, {"place", "x"}}).status, 400);
}

// The same typed text previewed as the English slide and as its Spanish translation: the
// translation is drawn with [text.es] (its own button sentence), as the kiosk shows it.
TEST(StaffSite, ATranslationIsPreviewedInItsOwnLanguage) {
    StaffSite site(kBilingual);
    const std::string raw = "# Same words\n\nIn both files.\n";
    const std::string english = site.preview("010-back.md", raw);
    const std::string spanish = site.preview("010-back.es.md", raw);
    EXPECT_FALSE(english.empty());
    EXPECT_TRUE(english != spanish) << "the same text, drawn with [text.es]'s button sentence";
}

// The kiosk gives its last slide the clinic's number and QR code when it has no picture: the
// preview of that slide shows them too, and not once it says call_to_action = false.
TEST(StaffSite, TheLastSlidesPreviewShowsTheNumberTheKioskGivesIt) {
    StaffSite site({{"010-first.md", "# First\n\nWords.\n"}, {"020-last.md", "# Last\n\nWords.\n"}});
    ASSERT_TRUE(site.deck().slides.back()->call_to_action) << "the kiosk's own loader gives it the number";
    const std::string raw = "# Same words\n\nOn both slides.\n";
    const std::string last = site.preview("020-last.md", raw);
    EXPECT_TRUE(last != site.preview("010-first.md", raw)) << "the last one has the number and code";
    EXPECT_TRUE(last != site.preview("020-last.md", "+++\ncall_to_action = false\n+++\n" + raw))
        << "declined: no number";
    EXPECT_EQ(site.get("/slide/thumb?name=020-last.md").status, 200);
}

TEST(StaffSite, RemoveAndRestoreTakeTheTranslationAlong) {
    StaffSite site(kBilingual);
    EXPECT_EQ(site.post("/slides/remove", {{"name", "020-sleep.md"}}).status, 303);
    EXPECT_FALSE(fs::exists(site.slides() / "020-sleep.es.md")) << "no orphaned translation is left playing";
    EXPECT_TRUE(fs::exists(site.slides() / "removed" / "020-sleep.es.md"));
    const HttpReply removed = site.get("/removed");
    EXPECT_EQ(count_of(removed.body, "action=\"/removed/restore\""), 1u)
        << "one line for the slide and its translation";
    EXPECT_EQ(site.post("/removed/restore", {{"name", "020-sleep.md"}}).status, 303);
    EXPECT_EQ(read_file(site.slides() / "020-sleep.es.md"), kBilingual.at("020-sleep.es.md"));
    EXPECT_EQ(site.deck().translations.at("es").count("020-sleep.md"), 1u);
}

// A slide staff had switched off comes back from Removed switched off, not on the screen.
TEST(StaffSite, ASwitchedOffSlideIsRestoredSwitchedOff) {
    StaffSite site(kBilingual);
    EXPECT_EQ(site.post("/slides/off", {{"name", "020-sleep.md"}}).status, 303);
    EXPECT_EQ(site.post("/slides/remove", {{"name", "020-sleep.md.off"}}).status, 303);
    EXPECT_EQ(site.post("/removed/restore", {{"name", "020-sleep.md.off"}}).status, 303);
    EXPECT_TRUE(fs::exists(site.slides() / "020-sleep.md.off"));
    EXPECT_TRUE(fs::exists(site.slides() / "020-sleep.es.md.off")) << "its translation is back beside it, off too";
    EXPECT_EQ(slide_names(site.deck()), (std::vector<std::string>{"010-back.md", "030-call.md"}));
}

// Every file the kiosk's loader reports on, with what it says about each.
std::string loader_report(const Deck& deck) {
    std::string out;
    for (const auto& f : deck.files) {
        out += f.file_name + "\n";
        for (const auto& d : f.diagnostics) out += "  " + d.message + "\n";
    }
    return out;
}

// Switch off from the list: the kiosk shows neither the slide nor its translation, and says nothing
// about either (no "translation without an original" for staff); switch on: both are back.
TEST(StaffSite, SwitchingASlideOffAndOnTakesItsTranslationAlong) {
    StaffSite site(kBilingual);
    const HttpReply off = site.post("/slides/off", {{"name", "020-sleep.md"}});
    EXPECT_EQ(off.status, 303) << off.body;
    EXPECT_TRUE(fs::exists(site.slides() / "020-sleep.es.md.off"));
    EXPECT_FALSE(fs::exists(site.slides() / "020-sleep.es.md"));
    const Deck deck = site.deck();
    EXPECT_EQ(slide_names(deck), (std::vector<std::string>{"010-back.md", "030-call.md"}));
    EXPECT_EQ(deck.translations.at("es").count("020-sleep.md"), 0u);
    EXPECT_EQ(loader_report(deck).find("020-sleep"), std::string::npos) << loader_report(deck);
    const HttpReply list = site.get("/");
    EXPECT_EQ(count_of(list.body, "<li class=\"slide-card"), 3u) << "its translation is inside its card";
    EXPECT_EQ(list.body.find("no original"), std::string::npos) << "no warning for staff";
    EXPECT_NE(list.body.find("/slide?name=020-sleep.es.md.off\">Español</a>"), std::string::npos)
        << "the switched-off Spanish version can still be edited";

    EXPECT_EQ(site.post("/slides/on", {{"name", "020-sleep.md.off"}}).status, 303);
    const Deck back = site.deck();
    EXPECT_EQ(slide_names(back), (std::vector<std::string>{"010-back.md", "020-sleep.md", "030-call.md"}));
    ASSERT_EQ(back.translations.at("es").count("020-sleep.md"), 1u);
    EXPECT_EQ(back.translations.at("es").at("020-sleep.md")->title, "Dormir");
}

// A switched-off slide with an error says so on the list, with the error, before staff try to switch
// it on; one without says only that it is switched off.
TEST(StaffSite, TheListSaysWhyASwitchedOffSlideWouldNotSwitchOn) {
    auto files = kBilingual;
    files["040-broken.md.off"] = "+++\nlayout = \"sideways\"\n+++\n# Broken\n\nWords.\n";
    StaffSite site(files);
    EXPECT_EQ(site.post("/slides/off", {{"name", "020-sleep.md"}}).status, 303);
    const HttpReply list = site.get("/");
    EXPECT_NE(list.body.find("<span class=\"status off\">switched off — has errors: line 2: "), std::string::npos)
        << list.body;
    EXPECT_NE(list.body.find("<span class=\"status off\">switched off</span>"), std::string::npos)
        << "the good one just says switched off";
    EXPECT_EQ(count_of(list.body, "has errors"), 1u);
    const HttpReply refused = site.post("/slides/on", {{"name", "040-broken.md.off"}});
    EXPECT_EQ(refused.status, 400) << "and switching it on is refused, as the list said";
    EXPECT_NE(refused.body.find("Not switched on"), std::string::npos);
}

TEST(StaffSite, AReorderCutShortIsFinishedWhenThePageStarts) {
    // As a reorder leaves the folder when the service is stopped between its two steps: the slide
    // under a hidden name that says where it was going.
    StaffSite site({{"010-back.md", kBilingual.at("010-back.md")},
                    {".reorder.020-sleep.md.tmp", kBilingual.at("020-sleep.md")},
                    {".reorder.020-sleep.es.md.tmp", kBilingual.at("020-sleep.es.md")}});
    EXPECT_EQ(read_file(site.slides() / "020-sleep.md"), kBilingual.at("020-sleep.md"));
    EXPECT_EQ(read_file(site.slides() / "020-sleep.es.md"), kBilingual.at("020-sleep.es.md"));
    EXPECT_FALSE(fs::exists(site.slides() / ".reorder.020-sleep.md.tmp"));
    EXPECT_EQ(slide_names(site.deck()), (std::vector<std::string>{"010-back.md", "020-sleep.md"}));
}

TEST(StaffSite, ReadAloudAndCallToActionAreSetFromTheForm) {
    StaffSite site(kBilingual);
    auto fields = form_fields(site.get("/slide?name=020-sleep.md").body, "/slide/save");
    ASSERT_TRUE(fields.count("say") && fields.count("call_to_action")) << "the form has both fields";
    EXPECT_EQ(fields["say"], "");
    EXPECT_EQ(fields["call_to_action"], "") << "automatic until staff choose";
    fields["say"] = "Sleep. Doctor \"Nguyen\" says: rest helps.";
    fields["call_to_action"] = "true";
    const HttpReply saved = site.post("/slide/save", fields);
    EXPECT_EQ(saved.status, 303) << saved.body;
    const Deck deck = site.deck();
    const Slide* slide = deck.find("020-sleep.md");
    ASSERT_NE(slide, nullptr);
    EXPECT_EQ(slide->say, "Sleep. Doctor \"Nguyen\" says: rest helps.") << read_file(site.slides() / "020-sleep.md");
    EXPECT_TRUE(slide->call_to_action);

    // The page reads back what it wrote, quotes and all.
    fields = form_fields(site.get("/slide?name=020-sleep.md").body, "/slide/save");
    EXPECT_EQ(fields["say"], "Sleep. Doctor \"Nguyen\" says: rest helps.");
    EXPECT_EQ(fields["call_to_action"], "true");

    // "no" for a slide that must keep its picture.
    fields["call_to_action"] = "false";
    EXPECT_EQ(site.post("/slide/save", fields).status, 303);
    EXPECT_TRUE(site.deck().find("020-sleep.md")->call_to_action_declined);
}

TEST(StaffSite, SavingTheFormUnchangedKeepsTheFileByteForByte) {
    // Written by hand: literal strings, notes after values, a TOML escape, two blank lines, a
    // second heading and an unknown-to-the-form key. The form shows some of it simplified.
    const std::string hand =
        "+++\n"
        "layout = 'image-left'   # picture on the left\n"
        "image = \"art/none.svg\"\n"
        "say = \"The \\\"Sunrise\\\" clinic\"\n"
        "call_to_action = false\n"
        "duration = 12 # seconds\n"
        "[show]\n"
        "days = [ \"mon\",\"tue\" ]\n"
        "+++\n"
        "\n"
        "# Sunrise clinic\n"
        "\n"
        "\n"
        "Come in.\n"
        "\n"
        "## Opening hours\n"
        "Every day.\n";
    StaffSite site({{"010-hand.md", hand}});
    site.tmp.write("slides/art/none.svg",
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
                   "height=\"10\"/></svg>");
    const auto fields = form_fields(site.get("/slide?name=010-hand.md").body, "/slide/save");
    EXPECT_EQ(fields.at("say"), "The \"Sunrise\" clinic");
    EXPECT_EQ(fields.at("layout"), "image-left");
    const HttpReply saved = site.post("/slide/save", fields);
    EXPECT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(read_file(site.slides() / "010-hand.md"), hand) << "nothing staff did not change was rewritten";
}

TEST(StaffSite, ANonsenseCallToActionIsRefusedNextToItsField) {
    StaffSite site(kBilingual);
    auto fields = form_fields(site.get("/slide?name=020-sleep.md").body, "/slide/save");
    fields["call_to_action"] = "maybe";
    const HttpReply refused = site.post("/slide/save", fields);
    EXPECT_EQ(refused.status, 400);
    const auto field = refused.body.find("id=\"f-call_to_action\"");
    ASSERT_NE(field, std::string::npos);
    const auto message = refused.body.find("class=\"field-error\"", field);
    EXPECT_LT(message, refused.body.find("</div>", field)) << "the line's message is beside the field";
    EXPECT_NE(refused.body.find("line 2:", field), std::string::npos);
    EXPECT_EQ(read_file(site.slides() / "020-sleep.md"), kBilingual.at("020-sleep.md")) << "nothing written";
}

// Two members of staff, each logged in from their own computer, open the same slide; the second
// save is refused with the reason, and the first one's text is what stays.
TEST(StaffSite, TheSecondOfTwoEditorsIsToldToReloadNotSilentlyOverwritten) {
    StaffSite desk(kBilingual);
    const std::string other = desk.server->login("127.0.0.2");
    ASSERT_FALSE(other.empty());
    auto mine = form_fields(desk.get("/slide?name=020-sleep.md").body, "/slide/save");
    auto theirs = form_fields(desk.get("/slide?name=020-sleep.md", other, "127.0.0.2").body, "/slide/save");
    ASSERT_EQ(mine.at("etag"), theirs.at("etag"));

    mine["title"] = "Sleep well";
    EXPECT_EQ(desk.post("/slide/save", mine).status, 303);
    theirs["title"] = "Sleep better";
    const HttpReply refused = desk.post("/slide/save", theirs, other, "127.0.0.2");
    EXPECT_EQ(refused.status, 409);
    EXPECT_NE(refused.body.find("changed by someone else"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find("Sleep better"), std::string::npos) << "the refused page keeps what they typed";
    EXPECT_EQ(desk.deck().find("020-sleep.md")->title, "Sleep well");
}

}  // namespace
}  // namespace kiosk::test
