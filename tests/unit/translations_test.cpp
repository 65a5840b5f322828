// Translated slides: NNN-name.es.md pairs with NNN-name.md; [languages] and [text.es] in kiosk.toml;
// the deck shows a slide's translation in its language and the original where there is none, and
// warns (never rejects) about a translation without original and an original without translation.
#include "core/config.h"
#include "core/deck.h"
#include "core/language_config.h"
#include "core/translations.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

namespace kiosk {
namespace {

TEST(TranslationName, PairsByTheCodeBeforeMd) {
    EXPECT_EQ(translation_name("020-massage.es.md"), (TranslationName{"020-massage.md", "es"}));
    EXPECT_EQ(translation_name("020-massage.fil.md"), (TranslationName{"020-massage.md", "fil"}));
    EXPECT_EQ(translation_name("020-massage.md"), std::nullopt);
}

TEST(TranslationName, RejectsWhatIsNotALanguageCode) {
    EXPECT_EQ(translation_name("020-v2.ES.md"), std::nullopt);
    EXPECT_EQ(translation_name("020-v2.e.md"), std::nullopt);
    EXPECT_EQ(translation_name("020-notes.draft.md"), std::nullopt);
    EXPECT_EQ(translation_name(".es.md"), std::nullopt);
    EXPECT_EQ(translation_name("es.md"), std::nullopt);
}

TEST(PairTranslations, FindsPairsAndWarnsAboutBothKindsOfGap) {
    const auto p = pair_translations({"010-a.md", "010-a.es.md", "020-b.md", "030-gone.es.md"}, {"es"}, "slides/");
    EXPECT_EQ(p.originals, (std::vector<std::string>{"010-a.md", "020-b.md"}));
    ASSERT_EQ(p.translations.at("es").size(), 1U);
    EXPECT_EQ(p.translations.at("es").at("010-a.md"), "010-a.es.md");
    ASSERT_EQ(p.warnings.size(), 2U);
    const Diagnostic& orphan = p.warnings.at("030-gone.es.md").at(0);
    EXPECT_EQ(orphan.severity, Severity::Warning);
    EXPECT_EQ(orphan.file, "slides/030-gone.es.md");
    EXPECT_NE(orphan.message.find("no original '030-gone.md'"), std::string::npos) << orphan.message;
    const Diagnostic& untranslated = p.warnings.at("020-b.md").at(0);
    EXPECT_EQ(untranslated.severity, Severity::Warning);
    EXPECT_NE(untranslated.message.find("no 'es' translation"), std::string::npos) << untranslated.message;
    EXPECT_NE(untranslated.hint.find("020-b.es.md"), std::string::npos) << untranslated.hint;
}

TEST(PairTranslations, AnUnlistedLanguageWarnsOnlyWhenTheFeatureIsOn) {
    const auto off = pair_translations({"010-a.md", "010-a.es.md"}, {}, "");
    EXPECT_TRUE(off.warnings.empty());
    EXPECT_TRUE(off.translations.empty());
    const auto on = pair_translations({"010-a.md", "010-a.es.md", "010-a.sp.md"}, {"es"}, "");
    ASSERT_EQ(on.warnings.count("010-a.sp.md"), 1U);
    EXPECT_NE(on.warnings.at("010-a.sp.md").at(0).message.find("'sp'"), std::string::npos);
    EXPECT_EQ(on.warnings.count("010-a.md"), 0U);
}

constexpr const char* kSpanish = R"(
[text]
button_label = "Interested? Touch here"
[languages]
default = "en"
en = "English"
es = "Español"
[text.es]
button_label = "¿Le interesa? Toque aquí"
panel_title = "¿Cómo podemos ayudarle?"
)";

TEST(LanguagesConfig, DefaultIsTheDecksOwnLanguageOnly) {
    const ConfigResult r = parse_config("", "kiosk.toml");
    EXPECT_EQ(r.config.languages.default_code, "en");
    EXPECT_TRUE(r.config.languages.others.empty());
}

TEST(LanguagesConfig, ReadsNamesAndSentencesWithPerKeyFallback) {
    const ConfigResult r = parse_config(kSpanish, "kiosk.toml");
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().to_string();
    ASSERT_EQ(r.config.languages.others.size(), 1U);
    const LanguageOption& es = r.config.languages.others[0];
    EXPECT_EQ(es.code, "es");
    EXPECT_EQ(es.name, "Español");
    EXPECT_EQ(r.config.languages.default_name, "English");
    EXPECT_EQ(es.text.button_label, "¿Le interesa? Toque aquí");
    EXPECT_EQ(es.text.panel_title, "¿Cómo podemos ayudarle?");
    EXPECT_EQ(es.text.close, "Close");  // not translated: the [text] sentence
    EXPECT_EQ(r.config.text.button_label, "Interested? Touch here");
    const KioskConfig shown = localized(r.config, "es");
    EXPECT_EQ(shown.text.button_label, "¿Le interesa? Toque aquí");
    EXPECT_EQ(localized(r.config, "en").text.button_label, "Interested? Touch here");
}

TEST(LanguagesConfig, MistakesNameTheLineAndKeepTheRest) {
    const std::string text = std::string(kSpanish) + "boton = \"x\"\n[text.de]\nclose = \"Zu\"\n";
    KioskConfig last;
    last.languages = parse_config(kSpanish, "kiosk.toml").config.languages;
    const ConfigResult r = parse_config(text, "kiosk.toml", last);
    const auto line_of = [&r](const std::string& words) {
        for (const auto& d : r.diagnostics) {
            if (d.message.find(words) != std::string::npos) return d.line;
        }
        return -1;
    };
    EXPECT_EQ(line_of("unknown key 'boton' in [text.es]"), 11);
    EXPECT_EQ(line_of("[text.de] is for a language that [languages] does not list"), 12);
    ASSERT_EQ(r.config.languages.others.size(), 1U);
    EXPECT_EQ(r.config.languages.others[0].text.panel_title, "¿Cómo podemos ayudarle?");

    const ConfigResult bad = parse_config("[languages]\nes = 3\nxx-y = \"?\"\n", "kiosk.toml", last);
    ASSERT_GE(bad.diagnostics.size(), 2U);
    EXPECT_EQ(bad.diagnostics[0].line, 2);
    ASSERT_EQ(bad.config.languages.others.size(), 1U);  // es keeps its last good name
    EXPECT_EQ(bad.config.languages.others[0].name, "Español");
}

class TranslatedDeck : public ::testing::Test {
protected:
    test::TempDir dir{"kiosk-translations"};
    KioskConfig config = parse_config(kSpanish, "kiosk.toml").config;
    Deck load() {
        DeckLoadOptions o;
        o.config = &config;
        o.display_prefix = "slides/";
        return load_deck(dir.path(), o);
    }
};

TEST_F(TranslatedDeck, ShowsTheTranslationAndTheOriginalWhereThereIsNone) {
    dir.write("010-a.md", "# Back pain\n\nWords.\n");
    dir.write("010-a.es.md", "# Dolor de espalda\n\nPalabras.\n");
    dir.write("020-b.md", "# Massage\n\nMore words.\n");
    const Deck deck = load();
    ASSERT_EQ(deck.slides.size(), 2U);  // the translation is not a slide of its own
    EXPECT_EQ(deck.in_language(deck.slides[0], "es")->title, "Dolor de espalda");
    EXPECT_EQ(deck.in_language(deck.slides[0], "en")->title, "Back pain");
    EXPECT_EQ(deck.in_language(deck.slides[1], "es")->title, "Massage");  // untranslated: the original
    bool warned = false;
    for (const auto& f : deck.files) {
        if (f.file_name == "020-b.md") {
            EXPECT_EQ(f.state, SlideFileState::Warnings);
            warned = !f.diagnostics.empty() && f.diagnostics[0].severity == Severity::Warning;
        }
        if (f.file_name == "010-a.es.md") {
            EXPECT_EQ(f.state, SlideFileState::Ok);
        }
    }
    EXPECT_TRUE(warned);
}

TEST_F(TranslatedDeck, AnOrphanTranslationIsAWarningAndNeverShown) {
    dir.write("010-a.md", "# Back pain\n\nWords.\n");
    dir.write("010-a.es.md", "# Dolor de espalda\n\nPalabras.\n");
    dir.write("090-old.es.md", "# Viejo\n\nPalabras.\n");
    const Deck deck = load();
    ASSERT_EQ(deck.slides.size(), 1U);
    EXPECT_EQ(deck.translations.at("es").count("090-old.md"), 0U);
    const auto it = std::find_if(deck.files.begin(), deck.files.end(),
                                 [](const SlideFileReport& f) { return f.file_name == "090-old.es.md"; });
    ASSERT_NE(it, deck.files.end());
    EXPECT_EQ(it->state, SlideFileState::Warnings);
    EXPECT_FALSE(has_errors(deck.all_diagnostics()));
}

TEST_F(TranslatedDeck, TheLastSlideAndItsTranslationAreTheCallToAction) {
    dir.write("010-a.md", "# Back pain\n\nWords.\n");
    dir.write("020-b.md", "+++\ncall_to_action = true\n+++\n# Massage\n\nWords.\n");
    dir.write("030-c.md", "# Call us\n\nWords.\n");
    dir.write("030-c.es.md", "# Llámenos\n\nPalabras.\n");
    const Deck deck = load();
    ASSERT_EQ(deck.slides.size(), 3U);
    EXPECT_FALSE(deck.slides[0]->call_to_action);
    EXPECT_TRUE(deck.slides[1]->call_to_action);
    EXPECT_TRUE(deck.slides[2]->call_to_action);
    EXPECT_TRUE(deck.in_language(deck.slides[2], "es")->call_to_action);
}

// A last slide with a picture keeps it unless it asks for the number (staff see what they put there).
TEST_F(TranslatedDeck, ALastSlideWithAPictureKeepsItUnlessItAsks) {
    dir.write("010-a.md", "# Back pain\n\nWords.\n");
    dir.write("020-b.md", "+++\nimage = \"art.svg\"\n+++\n# Our team\n\nWords.\n");
    dir.write("art.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"/>");
    const Deck deck = load();
    ASSERT_EQ(deck.slides.size(), 2U);
    ASSERT_TRUE(deck.slides[1]->image.has_value()) << "the picture loads";
    EXPECT_FALSE(deck.slides[1]->call_to_action) << "its picture is not replaced by the number unasked";
    dir.write("020-b.md", "+++\nimage = \"art.svg\"\ncall_to_action = true\n+++\n# Our team\n\nWords.\n");
    EXPECT_TRUE(load().slides[1]->call_to_action);
}

// A last slide without a picture can still decline the number.
TEST_F(TranslatedDeck, ALastSlideCanDeclineTheNumber) {
    dir.write("010-a.md", "# Back pain\n\nWords.\n");
    dir.write("020-b.md", "+++\ncall_to_action = false\n+++\n# Our team\n\nWords.\n");
    dir.write("020-b.es.md", "# Nuestro equipo\n\nPalabras.\n");
    const Deck deck = load();
    ASSERT_EQ(deck.slides.size(), 2U);
    EXPECT_FALSE(deck.slides[1]->call_to_action);
    EXPECT_FALSE(deck.in_language(deck.slides[1], "es")->call_to_action);
    EXPECT_FALSE(has_errors(deck.all_diagnostics()));
}

const SlideFileReport* report_for(const Deck& deck, const std::string& name) {
    for (const auto& f : deck.files) {
        if (f.file_name == name) return &f;
    }
    return nullptr;
}

// An English slide edited after it was translated: the translation may no longer say the same.
// Staff are told on the translation (a warning, never an error, and it still shows); saving the
// translation clears it, and files copied minutes apart in either order do not count.
TEST_F(TranslatedDeck, ATranslationOlderThanItsOriginalIsFlaggedToStaff) {
    namespace fs = std::filesystem;
    const fs::path original = dir.write("010-a.md", "# Back pain\n\nWords, changed since.\n");
    const fs::path es = dir.write("010-a.es.md", "# Dolor de espalda\n\nPalabras.\n");
    const auto now = fs::file_time_type::clock::now();
    fs::last_write_time(original, now);
    fs::last_write_time(es, now - std::chrono::hours(3));
    Deck deck = load();
    const SlideFileReport* r = report_for(deck, "010-a.es.md");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->state, SlideFileState::Warnings);
    ASSERT_EQ(r->diagnostics.size(), 1U);
    EXPECT_EQ(r->diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(r->diagnostics[0].file, "slides/010-a.es.md");
    EXPECT_NE(r->diagnostics[0].message.find("older than 010-a.md"), std::string::npos)
        << r->diagnostics[0].to_string();
    EXPECT_NE(r->diagnostics[0].hint.find("save it"), std::string::npos) << "it says how to clear it";
    EXPECT_FALSE(has_errors(deck.all_diagnostics()));
    EXPECT_EQ(deck.in_language(deck.slides[0], "es")->title, "Dolor de espalda") << "it still shows";

    for (const auto when : {now - std::chrono::minutes(2), now + std::chrono::minutes(1)}) {
        fs::last_write_time(es, when);
        deck = load();
        r = report_for(deck, "010-a.es.md");
        ASSERT_NE(r, nullptr);
        EXPECT_EQ(r->state, SlideFileState::Ok) << (r->diagnostics.empty() ? "" : r->diagnostics[0].to_string());
    }
}

// The Spanish slide names the same picture as the English one: it is decoded once, and the
// translation draws the original's pixels. A picture of its own is decoded for it.
TEST_F(TranslatedDeck, ATranslationWithItsOriginalsPictureDoesNotDecodeItAgain) {
    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"/>";
    dir.write("art.svg", svg);
    dir.write("art-es.svg", svg + " ");
    dir.write("010-a.md", "+++\nimage = \"art.svg\"\n+++\n# Back pain\n\nWords.\n");
    dir.write("010-a.es.md", "+++\nimage = \"art.svg\"\n+++\n# Dolor de espalda\n\nPalabras.\n");
    dir.write("020-b.md", "+++\nimage = \"art.svg\"\n+++\n# Massage\n\nWords.\n");
    dir.write("020-b.es.md", "+++\nimage = \"art-es.svg\"\n+++\n# Masaje\n\nPalabras.\n");
    int decoded = 0;
    DeckLoadOptions o;
    o.config = &config;
    o.decode_picture = [&decoded](const SlideImage& image, std::string_view, SlideLayoutKind) {
        ++decoded;
        auto p = std::make_shared<Picture>();
        p->width = image.width;
        p->height = image.height;
        return PictureDecode{std::move(p), {}};
    };
    const Deck deck = load_deck(dir.path(), o);
    ASSERT_EQ(deck.slides.size(), 2U);
    const auto a_es = deck.in_language(deck.slides[0], "es");
    const auto b_es = deck.in_language(deck.slides[1], "es");
    ASSERT_TRUE(a_es->image && a_es->image->pixels);
    ASSERT_TRUE(b_es->image && b_es->image->pixels);
    EXPECT_EQ(a_es->image->pixels, deck.slides[0]->image->pixels) << "the original's pixels, not a second decode";
    EXPECT_NE(b_es->image->pixels, deck.slides[1]->image->pixels) << "its own picture is its own";
    EXPECT_EQ(decoded, 3) << "010-a.md, 020-b.md and 020-b.es.md's own picture; 010-a.es.md reuses 010-a.md's";
}

TEST(BundledDeck, EverySlideHasItsSpanishTranslation) {
    const ConfigResult cfg = load_config(KIOSK_SOURCE_DIR "/deploy/kiosk.toml");
    ASSERT_NE(cfg.config.languages.find("es"), nullptr) << "the bundled kiosk.toml offers Spanish";
    DeckLoadOptions o;
    o.config = &cfg.config;
    const Deck deck = load_deck(KIOSK_SOURCE_DIR "/slides", o);
    ASSERT_FALSE(deck.slides.empty());
    for (const auto& s : deck.slides) {
        const auto es = deck.in_language(s, "es");
        EXPECT_NE(es, s) << s->file_name << " has no Spanish translation";
        EXPECT_EQ(es->image.has_value(), s->image.has_value()) << s->file_name;
    }
    for (const auto& d : deck.all_diagnostics()) ADD_FAILURE() << d.to_string();
}

}  // namespace
}  // namespace kiosk
