// Slide Markdown → title + RichText: only headings, paragraphs, bullets, bold and italic become
// styling; everything else is shown as the plain text it is, with a warning.
#include "core/markdown.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

struct Parsed {
    MarkdownSlide slide;
    Diagnostics diags;
};

Parsed parse(std::string_view md, int first_line = 1) {
    Parsed p;
    p.slide = parse_slide_markdown(md, "slides/010-test.md", first_line, p.diags);
    return p;
}

Span plain(std::string s) { return Span{std::move(s), false, false}; }
Span bold(std::string s) { return Span{std::move(s), true, false}; }
Span italic(std::string s) { return Span{std::move(s), false, true}; }

bool has_warning_about(const Diagnostics& diags, std::string_view what) {
    return std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) {
        return d.severity == Severity::Warning && d.message.find(what) != std::string::npos;
    });
}

TEST(Markdown, FirstHeadingBecomesTheTitle) {
    const Parsed p = parse("# Back pain can halt your life\n\nIt can make tasks unbearable.\n");
    EXPECT_EQ(p.slide.title, "Back pain can halt your life") << "the leading heading is the title, without '#'";
    ASSERT_EQ(p.slide.body.size(), 1u) << "the title is taken out of the body";
    EXPECT_EQ(p.slide.body[0].kind, BlockKind::Paragraph);
    EXPECT_EQ(p.slide.body[0].spans, std::vector<Span>{plain("It can make tasks unbearable.")});
    EXPECT_TRUE(p.diags.empty()) << "supported Markdown raises no warning";
}

TEST(Markdown, StyledTitleIsFlattenedToText) {
    const Parsed p = parse("## Massage *and* your **mood**\n\nText.\n");
    EXPECT_EQ(p.slide.title, "Massage and your mood") << "the title keeps its words and spaces, without markup";
}

TEST(Markdown, NoLeadingHeadingMeansNoTitle) {
    const Parsed p = parse("Just a sentence.\n\n# A later heading\n");
    EXPECT_TRUE(p.slide.title.empty()) << "only a heading that comes first is the title";
    ASSERT_EQ(p.slide.body.size(), 2u);
    EXPECT_EQ(p.slide.body[1].kind, BlockKind::Heading) << "a later heading stays in the body";
    EXPECT_EQ(p.slide.body[1].level, 1);
}

TEST(Markdown, BoldAndItalicKeepSingleSpacesBetweenRuns) {
    const Parsed p = parse("# T\n\nIt can make **everyday tasks** unbearable, and *extraordinary* tasks impossible.\n");
    ASSERT_EQ(p.slide.body.size(), 1u);
    const std::vector<Span> want = {plain("It can make "), bold("everyday tasks"), plain(" unbearable, and "),
                                    italic("extraordinary"), plain(" tasks impossible.")};
    EXPECT_EQ(p.slide.body[0].spans, want) << "each run keeps exactly one space at its edges, so words never touch";
    EXPECT_EQ(plain_text(p.slide.body),
              "It can make everyday tasks unbearable, and extraordinary tasks impossible.");
}

TEST(Markdown, BoldItalicNestedAndAtLineEdges) {
    const Parsed p = parse("**Start** in the middle ***both*** and at the *end*\n");
    ASSERT_EQ(p.slide.body.size(), 1u);
    const std::vector<Span> want = {bold("Start"), plain(" in the middle "), Span{"both", true, true},
                                    plain(" and at the "), italic("end")};
    EXPECT_EQ(p.slide.body[0].spans, want);
}

TEST(Markdown, SoftLineBreaksAndExtraSpacesCollapse) {
    const Parsed p = parse("# T\n\nOne line\nnext   line  **bold\nacross** end.   \n");
    ASSERT_EQ(p.slide.body.size(), 1u);
    EXPECT_EQ(plain_text(p.slide.body), "One line next line bold across end.")
        << "line breaks in the source are one space and runs of spaces collapse";
    EXPECT_EQ(p.slide.body[0].spans.back(), plain(" end.")) << "trailing spaces are trimmed";
}

TEST(Markdown, TightBulletList) {
    const Parsed p = parse("# T\n\n- First **point**\n- Second point\n* Third point\n");
    ASSERT_EQ(p.slide.body.size(), 3u) << "each item is one bullet block";
    for (const Block& b : p.slide.body) EXPECT_EQ(b.kind, BlockKind::Bullet);
    EXPECT_EQ(p.slide.body[0].spans, (std::vector<Span>{plain("First "), bold("point")}));
    EXPECT_EQ(p.slide.body[1].spans, std::vector<Span>{plain("Second point")});
    EXPECT_EQ(p.slide.body[2].spans, std::vector<Span>{plain("Third point")});
    EXPECT_TRUE(p.diags.empty());
}

TEST(Markdown, LooseBulletListGivesTheSameBullets) {
    const Parsed tight = parse("# T\n\n- First point\n- Second point\n");
    const Parsed loose = parse("# T\n\n- First point\n\n- Second point\n");
    EXPECT_EQ(loose.slide.body, tight.slide.body) << "a blank line between items changes nothing on screen";
}

TEST(Markdown, LooseItemWithSecondParagraph) {
    const Parsed p = parse("# T\n\n- First point\n\n  More about it\n- Second point\n");
    ASSERT_EQ(p.slide.body.size(), 3u);
    EXPECT_EQ(p.slide.body[0].kind, BlockKind::Bullet);
    EXPECT_EQ(plain_text({p.slide.body[0]}), "First point");
    EXPECT_EQ(p.slide.body[1].kind, BlockKind::Paragraph) << "an item's second paragraph is a paragraph under it";
    EXPECT_EQ(plain_text({p.slide.body[1]}), "More about it");
    EXPECT_EQ(p.slide.body[2].kind, BlockKind::Bullet);
}

TEST(Markdown, NumberedListKeepsItsNumbersAsPlainTextWithAWarning) {
    const Parsed p = parse("# T\n\n3. Call **us**\n4. Book a visit\n\n- A bullet\n");
    ASSERT_EQ(p.slide.body.size(), 3u);
    EXPECT_EQ(p.slide.body[0].kind, BlockKind::Paragraph) << "a numbered item is not turned into a bullet";
    EXPECT_EQ(p.slide.body[0].spans, (std::vector<Span>{plain("3. Call "), bold("us")}))
        << "the item keeps its number, as written, and its styling";
    EXPECT_EQ(plain_text({p.slide.body[1]}), "4. Book a visit");
    EXPECT_EQ(p.slide.body[2].kind, BlockKind::Bullet) << "a bullet list after it is still bullets";
    EXPECT_TRUE(has_warning_about(p.diags, "numbered list"));

    const Parsed loose = parse("1) First\n\n2) Second\n");
    EXPECT_EQ(plain_text(loose.slide.body), "1) First\n2) Second") << "a loose numbered list reads the same";
}

TEST(Markdown, NestedBulletsAreFlattened) {
    const Parsed p = parse("- Outer\n  - Inner\n- Next\n");
    ASSERT_EQ(p.slide.body.size(), 3u);
    for (const Block& b : p.slide.body) EXPECT_EQ(b.kind, BlockKind::Bullet);
    EXPECT_EQ(plain_text(p.slide.body), "Outer\nInner\nNext");
}

TEST(Markdown, ParagraphAfterListIsAParagraph) {
    const Parsed p = parse("# T\n\n- Item\n\nClosing words.\n");
    ASSERT_EQ(p.slide.body.size(), 2u);
    EXPECT_EQ(p.slide.body[1].kind, BlockKind::Paragraph);
    EXPECT_EQ(plain_text({p.slide.body[1]}), "Closing words.");
}

TEST(Markdown, HtmlIsShownLiterallyWithAWarning) {
    const Parsed p = parse("# T\n\nCall <b>now</b> please\n");
    EXPECT_EQ(plain_text(p.slide.body), "Call <b>now</b> please") << "inline HTML is shown as the characters typed";
    for (const Span& s : p.slide.body[0].spans) EXPECT_FALSE(s.bold) << "HTML tags never become styling";
    EXPECT_TRUE(has_warning_about(p.diags, "HTML")) << "staff are told why the tags show";

    const Parsed block = parse("# T\n\n<div>\nHello\n</div>\n");
    EXPECT_EQ(plain_text(block.slide.body), "<div> Hello </div>") << "an HTML block is shown as text too";
    EXPECT_TRUE(has_warning_about(block.diags, "HTML"));
}

TEST(Markdown, LinkBecomesItsTextWithAWarning) {
    const Parsed p = parse("# T\n\nSee [our website](https://example.com) today\n", 5);
    EXPECT_EQ(plain_text(p.slide.body), "See our website today") << "a link shows only its words, not the address";
    ASSERT_TRUE(has_warning_about(p.diags, "link")) << "a link is reported";
    EXPECT_EQ(p.diags[0].file, "slides/010-test.md") << "the warning names the file";
    EXPECT_EQ(p.diags[0].line, 5) << "the warning points at the text's first line";
    EXPECT_FALSE(p.diags[0].hint.empty()) << "the warning lists what slides support";
}

TEST(Markdown, OtherConstructsArePlainTextWithWarnings) {
    const Parsed code = parse("# T\n\nUse `code` here\n");
    EXPECT_EQ(plain_text(code.slide.body), "Use code here");
    EXPECT_TRUE(has_warning_about(code.diags, "code"));

    const Parsed quote = parse("# T\n\n> Quoted words\n");
    EXPECT_EQ(plain_text(quote.slide.body), "Quoted words");
    EXPECT_TRUE(has_warning_about(quote.diags, "quote"));

    const Parsed img = parse("# T\n\nLook ![a smile](art/smile.png) here\n");
    EXPECT_EQ(plain_text(img.slide.body), "Look a smile here") << "an inline picture shows its description";
    EXPECT_TRUE(has_warning_about(img.diags, "picture"));

    const Parsed fenced = parse("# T\n\n```\nline one\n```\n");
    EXPECT_EQ(plain_text(fenced.slide.body), "line one");
    EXPECT_TRUE(has_warning_about(fenced.diags, "code"));
}

TEST(Markdown, IndentedTextIsAParagraphNotCode) {
    const Parsed p = parse("# T\n\n    Indented for looks\n");
    EXPECT_EQ(plain_text(p.slide.body), "Indented for looks");
    EXPECT_TRUE(p.diags.empty()) << "indenting is not a code block, so nothing to warn about";
}

TEST(Markdown, EntitiesAreDecoded) {
    const Parsed p = parse("# Fish &amp; chips\n\n5 &lt; 6 &ndash; &quot;ok&quot; &euro;5 &#169; &#x2764; &#38;\n");
    EXPECT_EQ(p.slide.title, "Fish & chips") << "a named entity in the title is decoded";
    EXPECT_EQ(plain_text(p.slide.body), "5 < 6 \u2013 \"ok\" \u20AC5 \u00A9 \u2764 &")
        << "named, decimal and hex entities show as the characters they stand for";
}

TEST(Markdown, BackslashEscapesShowTheCharacter) {
    const Parsed p = parse("# T\n\n\\*not italic\\* and 3 \\< 4\n");
    EXPECT_EQ(plain_text(p.slide.body), "*not italic* and 3 < 4");
    for (const Span& s : p.slide.body[0].spans) EXPECT_FALSE(s.italic);
}

TEST(Markdown, EmptyTextGivesNothing) {
    const Parsed p = parse("\n   \n\n");
    EXPECT_TRUE(p.slide.title.empty());
    EXPECT_TRUE(p.slide.body.empty()) << "blank lines make no empty blocks";
}

}  // namespace
}  // namespace kiosk
