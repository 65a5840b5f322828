// The edit form's fields ↔ a slide file's text: what the form shows is rewritten, the rest is kept.
#include "web/slide_form.h"

#include <gtest/gtest.h>

using namespace kiosk::web;

namespace {
const char* kSlide =
    "+++\n"
    "# Slide settings for staff. Lines starting with # are notes.\n"
    "image = \"art/back-pain.svg\"\n"
    "layout = \"image-right\"\n"
    "[show]\n"
    "days = [\"mon\", \"tue\"]\n"
    "+++\n"
    "# Back pain can halt your life\n"
    "\n"
    "It can make **everyday tasks** unbearable.\n";
}

TEST(SlideForm, ReadsEveryFieldTheFormShows) {
    const SlideFields f = fields_from_text(kSlide);
    EXPECT_EQ(f.title, "Back pain can halt your life");
    EXPECT_EQ(f.text, "It can make **everyday tasks** unbearable.");
    EXPECT_EQ(f.picture, "art/back-pain.svg");
    EXPECT_EQ(f.layout, "image-right");
    EXPECT_EQ(f.days, "mon tue");
    EXPECT_EQ(f.duration, "");
}

TEST(SlideForm, UnchangedFieldsGiveTheSameFileBack) {
    EXPECT_EQ(text_from_fields(kSlide, fields_from_text(kSlide)), kSlide);
}

TEST(SlideForm, WritesChangedFieldsAndKeepsNotesAndFormatting) {
    SlideFields f = fields_from_text(kSlide);
    f.title = "New title";
    f.duration = "12";
    f.hours = "08:00-12:00";
    f.days = "";
    f.layout = "image-left";
    const std::string out = text_from_fields(kSlide, f);
    EXPECT_NE(out.find("# Slide settings for staff."), std::string::npos) << out;
    EXPECT_NE(out.find("**everyday tasks**"), std::string::npos) << out;
    EXPECT_NE(out.find("# New title\n"), std::string::npos) << out;
    EXPECT_NE(out.find("layout = \"image-left\"\nduration = 12\n[show]\nhours = \"08:00-12:00\"\n"), std::string::npos)
        << out;
    EXPECT_EQ(out.find("days"), std::string::npos) << "an emptied field removes its key: " << out;
}

TEST(SlideForm, AddsFrontMatterToAPlainSlideAndDropsAnEmptyShowTable) {
    SlideFields f = fields_from_text("# Plain\n\ntext\n");
    f.picture = "art/x.png";
    EXPECT_EQ(text_from_fields("# Plain\n\ntext\n", f), "+++\nimage = \"art/x.png\"\n+++\n# Plain\n\ntext\n");
    SlideFields g = fields_from_text(kSlide);
    g.days = "";
    EXPECT_EQ(text_from_fields(kSlide, g).find("[show]"), std::string::npos);
}

TEST(SlideForm, FormValuesCannotInjectLines) {
    const SlideFields f = fields_from_form({{"title", "A\r\n+++\nimage = \"/etc/passwd\""},
                                            {"picture", "x.png\"\nlayout = \"y"},
                                            {"text", "line one\r\nline two"}});
    EXPECT_EQ(f.title.find('\n'), std::string::npos);
    EXPECT_EQ(f.text, "line one\nline two");
    const std::string out = text_from_fields("", f);
    EXPECT_NE(out.find("image = \"x.png\\\"layout = \\\"y\"\n"), std::string::npos) << out;
}
