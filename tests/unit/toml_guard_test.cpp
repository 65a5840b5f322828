// Debian's toml++ 3.3.0 reaches an "unreachable" point (undefined behaviour; upstream issue 190)
// when it meets letters such as "Ü", "¡", "é" outside quotes, or at the start of a line continued
// with '\' inside """ text. Found by tests/fuzz (fuzz_config compiles toml++ with UBSan). Such text
// is refused with file:line before toml++ sees it; the same letters inside quotes and comments stay
// welcome, in kiosk.toml and in slide front matter alike.
#include "core/toml_guard.h"
#include "core/config.h"
#include "core/slide_parser.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

using toml_util::find_toml_hazard;

const Diagnostic* first_error(const Diagnostics& diags) {
    const auto it =
        std::find_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
    return it == diags.end() ? nullptr : &*it;
}

TEST(TomlGuard, ALineStartingWithANonAsciiLetterIsRefusedWithItsLine) {
    const ConfigResult r = parse_config(
        "[clinic]\nname = \"Praxis\"\n\xC3\x9C"
        "ber = \"uns\"\n",
        "/etc/kiosk/kiosk.toml");
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "a bare 'Über' key is not TOML and must be an error";
    EXPECT_EQ(e->file, "/etc/kiosk/kiosk.toml");
    EXPECT_EQ(e->line, 3);
    EXPECT_NE(e->message.find("'\xC3\x9C' is outside quotes"), std::string::npos) << e->to_string();
    EXPECT_NE(e->hint.find("double quotes"), std::string::npos) << "the hint says what to do: " << e->hint;
    EXPECT_EQ(r.config.clinic.name, KioskConfig{}.clinic.name) << "a rejected file leaves the defaults in use";
}

TEST(TomlGuard, EveryPlaceTomlPlusPlusTestsForWhitespaceIsGuarded) {
    // Each of these reaches TOML_UNREACHABLE in toml++ 3.3.0 (checked with a UBSan build of it).
    const char* const cases[] = {
        "\xC3\x9C = 1",            // line start
        "  \xC2\xA1 = 1",          // after indentation
        "a\xC3\x9C = 1",           // right after a bare key
        "a \xC3\x9C= 1",           // between key and '='
        "a.\xC3\x9C = 1",          // dotted key
        "a = \xC3\xA9",            // after '='
        "a = 1\xC3\x9C",           // right after a number
        "a = 1979-05-27\xC3\x9C",  // right after a date
        "a = 1 \xC3\x9C",          // after a value
        "a = \"x\" \xC3\x9C",      // after a string
        "a = 'x'\xC3\x9C",         // after a literal string
        "[\xC3\x9C]",              // table header
        "[[\xC3\x9C]]",            // array of tables
        "a = [1, \xE3\x80\x81]",   // array item (U+3001)
        "a = [\n\xC3\x9C]",        // array item on its own line
        "a = { \xC3\x9C = 1 }",    // inline table
        "\xE2\xBA\x80 = 1",        // U+2E80
        // Found by fuzz_slide_file and fuzz_config: a quote inside a bare value opens no string.
        "duration = 108:00-12:00\"\xC2\xA7",
        "list = [1, 2,5:\"paper\xC2\xA7 true]",
        "a = 1'x\xC3\x9C'",
        "duration = 1=\"image-le\xE3\x80\x81",  // '=' and '.' inside a value start nothing
        "title =  0_.'```\xC2\xA1",
        "a = 1979-05-27 07:32\"\xC2\xA7",  // the time part of a date after a space
        "a = [1, 2\"\xC2\xA7\"]",
    };
    for (const char* text : cases) {
        const auto h = find_toml_hazard(std::string("x = 0\n") + text + "\n");
        ASSERT_TRUE(h) << "not guarded: " << text;
        EXPECT_EQ(h->line, text[0] == 'a' && std::string_view(text).find('\n') != std::string_view::npos ? 3 : 2)
            << text;
    }
}

TEST(TomlGuard, ALineContinuedInsideTripleQuotesMustNotStartWithAnAffectedLetter) {
    const ConfigResult r = parse_config(
        "[clinic]\nhours = \"\"\"Mon to Fri \\\n    \xC3\xBC"
        "ber Mittag geschlossen\"\"\"\n",
        "kiosk.toml");
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->line, 3);
    EXPECT_NE(e->message.find("after the '\\' on line 2"), std::string::npos) << e->to_string();
    EXPECT_NE(e->hint.find("Remove the backslash at the end of line 2"), std::string::npos) << e->hint;
    EXPECT_TRUE(find_toml_hazard("s = \"\"\"\\\xC3\x9C\"\"\"\n")) << "a backslash before 'Ü' in \"\"\" text";
    // Found by fuzz_config: toml++ also skips U+FEFF and U+00A0 after the line break.
    EXPECT_TRUE(find_toml_hazard("s = \"\"\" \\\n\n\xEF\xBB\xBF\n\xC2\xA0\xC3\xA9\"\"\"\n"));
}

TEST(TomlGuard, LettersInsideQuotesAndCommentsAreAccepted) {
    const std::string text =
        "\xEF\xBB\xBF# Praxis f\xC3\xBCr Physiotherapie \xC2\xA7 1\n"
        "[clinic]\n"
        "name = \"Praxis M\xC3\xBCller \xC2\xA1Hola!\"  # \xC3\xA9t\xC3\xA9\n"
        "hours = '''\n\xC3\x9C"
        "ber Mittag \xE3\x80\x81 geschlossen'''\n"
        "phone = \"+49 30 1234567\"\n";
    EXPECT_FALSE(find_toml_hazard(text));
    const ConfigResult r = parse_config(text, "kiosk.toml");
    EXPECT_EQ(first_error(r.diagnostics), nullptr) << r.diagnostics.front().to_string();
    EXPECT_EQ(r.config.clinic.name, "Praxis M\xC3\xBCller \xC2\xA1Hola!");
    // Continued """ lines may start with letters toml++ handles (here '€'), and with ASCII.
    EXPECT_FALSE(find_toml_hazard("s = \"\"\"\\\n   \xE2\x82\xAC 5\"\"\"\nt = \"\"\"\\\n  Uber\"\"\"\n"));
    EXPECT_FALSE(find_toml_hazard("s = \"\"\"\"\"\xC3\x9C\"\"\"\"\"\n")) << "quotes next to the closing ones";
    EXPECT_FALSE(find_toml_hazard("\"\xC3\x9C\" = 1\n")) << "a quoted key";
    EXPECT_FALSE(
        find_toml_hazard("[a.\"\xC3\x9C\"]\nb.\"\xC3\xA9\" = 1\nc = { d = \"\xC3\x9C\", \"\xC3\xA9\" = '\xC2\xA7' }\n"
                         "e = [\n  \"\xC3\x9C\", # \xC2\xA7\n  '\xC3\xA9',\n]\nf = [[\"\xC3\x9C\"], [\"\xC3\xA9\"]]\n"))
        << "quoted text in tables, dotted keys, inline tables and arrays over several lines";
}

TEST(TomlGuard, SlideFrontMatterIsRefusedWithTheLineOfTheFile) {
    const test::TempDir dir("kiosk-guard");
    const std::string text =
        "+++\nlayout = \"text-only\"\n\xC3\x9C"
        "berschrift = \"x\"\n+++\n# \xC3\x9C"
        "ber uns\n\nText.\n";
    const SlideParseResult r = parse_slide_text(text, dir.path(), "slides/010-uber.md", KioskConfig{});
    EXPECT_FALSE(r.slide) << "a broken front matter rejects the slide";
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->file, "slides/010-uber.md");
    EXPECT_EQ(e->line, 3) << "counted from the file's first line, the +++ included";
    EXPECT_NE(e->message.find("outside quotes"), std::string::npos) << e->to_string();
}

TEST(TomlGuard, SlideBodyAndQuotedFrontMatterMayUseAnyLetter) {
    const test::TempDir dir("kiosk-guard");
    const std::string text =
        "+++\nlayout = \"text-only\"  # \xC3\xBC"
        "berall\n+++\n# \xC3\x9C"
        "ber uns\n\n\xC2\xA1Hola! \xC3\xA9t\xC3\xA9\n";
    const SlideParseResult r = parse_slide_text(text, dir.path(), "slides/010-uber.md", KioskConfig{});
    ASSERT_TRUE(r.slide) << (r.diagnostics.empty() ? "" : r.diagnostics.front().to_string());
    EXPECT_EQ(r.slide->title,
              "\xC3\x9C"
              "ber uns");
}

}  // namespace
}  // namespace kiosk
