// What Read aloud speaks: the title and text without markup, or the slide's `say` override.
#include "core/slide_parser.h"
#include "core/speech_text.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

SlideParseResult parse(const std::string& text) {
    return parse_slide_text(text, "/nonexistent-slides", "slides/010-a.md", KioskConfig{});
}

TEST(SpeechText, TitleAndTextWithoutMarkupAsSentences) {
    const auto r = parse("# Back pain can *halt* your life\n\nIt makes **everyday tasks** hard.\n\n"
                         "- Start with [five minutes](https://example.org) a day\n- Stop if it hurts\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_EQ(speech_text(*r.slide),
              "Back pain can halt your life. It makes everyday tasks hard. Start with five minutes a day. Stop if it "
              "hurts.");
}

TEST(SpeechText, SayOverridesTheText) {
    const auto r = parse("+++\nsay = \"Welcome to Epic Healthcare.  Ask   us.\"\nlayout = \"text-only\"\n+++\n# Epic\n\nText.\n");
    ASSERT_TRUE(r.slide.has_value());
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(r.slide->say, "Welcome to Epic Healthcare.  Ask   us.");
    EXPECT_EQ(speech_text(*r.slide), "Welcome to Epic Healthcare. Ask us.") << "spaces tidied, nothing added";
}

TEST(SpeechText, AnEmptySayIsAWarningAndTheTextIsRead) {
    const auto r = parse("+++\nlayout = \"text-only\"\nsay = \"  \"\n+++\n# Title\n\nBody text\n");
    ASSERT_TRUE(r.slide.has_value()) << "an empty say costs the slide nothing";
    const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.message.find("'say' is empty") != std::string::npos; });
    ASSERT_NE(it, r.diagnostics.end());
    EXPECT_EQ(it->severity, Severity::Warning);
    EXPECT_EQ(it->line, 3) << "file:line counts the +++ line";
    EXPECT_EQ(speech_text(*r.slide), "Title. Body text.");
}

TEST(SpeechText, ASayThatIsNotAStringIsAnError) {
    const auto r = parse("+++\nsay = 3\n+++\n# Title\n\nBody\n");
    EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error && d.line == 2 && d.message.find("say") != std::string::npos;
    }));
}

TEST(SpeechText, WordsAndPlausibleDuration) {
    EXPECT_EQ(spoken_words("  one two\tthree\nfour "), 4);
    EXPECT_EQ(spoken_words(""), 0);
    EXPECT_DOUBLE_EQ(expected_speech_seconds("a b c d e f g h i j", 150), 4.0);
    EXPECT_DOUBLE_EQ(expected_speech_seconds("a", 0), 0.0);
}

}  // namespace
}  // namespace kiosk
