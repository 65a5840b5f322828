// md4c 0.4.8 (Debian 12) reads one byte past the end of a buffer on some texts (fixed upstream in
// 0.5.0). The kiosk must never let it: the text here ends exactly where an unreadable page begins,
// so a read at [size] is a SIGSEGV in the forked child instead of a silent overread.
#include "core/markdown.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

namespace kiosk {
namespace {

// Two pages: the first readable, the second PROT_NONE. Text copied to the end of the first page.
class TextBeforeAGuardPage {
public:
    explicit TextBeforeAGuardPage(std::string_view text) {
        page_ = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        void* m = mmap(nullptr, 2 * page_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) return;
        base_ = static_cast<char*>(m);
        mprotect(base_ + page_, page_, PROT_NONE);
        char* start = base_ + page_ - text.size();
        std::memcpy(start, text.data(), text.size());
        view_ = std::string_view(start, text.size());
    }
    ~TextBeforeAGuardPage() {
        if (base_) munmap(base_, 2 * page_);
    }
    TextBeforeAGuardPage(const TextBeforeAGuardPage&) = delete;
    TextBeforeAGuardPage& operator=(const TextBeforeAGuardPage&) = delete;
    [[nodiscard]] std::string_view view() const { return view_; }

private:
    std::size_t page_ = 0;
    char* base_ = nullptr;
    std::string_view view_;
};

void parse_at_page_end(std::string_view text) {
    const TextBeforeAGuardPage buffer(text);
    if (buffer.view().empty()) std::exit(2);
    Diagnostics diags;
    (void)parse_slide_markdown(buffer.view(), "slides/010-edge.md", 5, diags);
    std::exit(0);
}

TEST(MarkdownBounds, TextEndingAtAnUnreadablePageIsNeverReadPastItsEnd) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    // Found by fuzzing md4c (its fix 933388a): at the end of the input md4c 0.4.8 tests
    // text[size] for a newline.
    for (const std::string_view text : {std::string_view("\xA9##r[](r[]("), std::string_view("# Title\n\nSome *text"),
                                        std::string_view("- a\n- b"), std::string_view("x")}) {
        EXPECT_EXIT(parse_at_page_end(text), ::testing::ExitedWithCode(0), "")
            << "parsing a text that ends at a page boundary must not read the byte after it: \"" << text << "\"";
    }
}

TEST(MarkdownBounds, AViewIntoALargerBufferStopsAtItsEnd) {
    // The byte after the view is a heading marker and more text: none of it may show up.
    const std::string whole = "First words*\n# Not part of this slide";
    const std::string_view first = std::string_view(whole).substr(0, 11);
    Diagnostics diags;
    const MarkdownSlide s = parse_slide_markdown(first, "slides/010-view.md", 1, diags);
    ASSERT_EQ(s.body.size(), 1u);
    ASSERT_EQ(s.body[0].spans.size(), 1u);
    EXPECT_EQ(s.body[0].spans[0].text, "First words");
    EXPECT_TRUE(s.title.empty());
}

}  // namespace
}  // namespace kiosk
