// Slide Markdown → RichText with md4c. Supported: headings, paragraphs, bullet lists, bold,
// italic. Everything else (links, code, HTML, tables, images) becomes plain text, never markup,
// and is reported as a warning so staff know why it looks plain.
#pragma once

#include "diagnostic.h"
#include "rich_text.h"

#include <string>
#include <string_view>

namespace kiosk {

struct MarkdownSlide {
    std::string title;  // text of the first block when it is a heading
    RichText body;      // the rest
};

// `first_line` is the line number of the text's first line in its file, for diagnostics.
[[nodiscard]] MarkdownSlide parse_slide_markdown(std::string_view text, const std::string& file, int first_line,
                                                 Diagnostics& diags);

}  // namespace kiosk
