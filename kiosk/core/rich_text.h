// Slide text as the renderer needs it: blocks (heading, paragraph, bullet) made of styled spans.
// Produced from Markdown by markdown.cpp; laid out by text_layout.cpp. No markup survives here.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct Span {
    std::string text;  // UTF-8, whitespace as in the source (a single space between words)
    bool bold = false;
    bool italic = false;
    friend bool operator==(const Span&, const Span&) = default;
};

enum class BlockKind { Heading, Paragraph, Bullet };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;  // heading level 1..6 (the slide title is taken out as Slide::title)
    std::vector<Span> spans;
    friend bool operator==(const Block&, const Block&) = default;
};

using RichText = std::vector<Block>;

// The blocks' text without styling, e.g. for word counts and "You were reading".
[[nodiscard]] std::string plain_text(const RichText& text);

}  // namespace kiosk
