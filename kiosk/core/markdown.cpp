#include "markdown.h"

#include <md4c.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <vector>

namespace kiosk {

namespace {

// Collects blocks while md4c walks the document. Nested blocks (a paragraph in a list item, a
// quote) are flattened into the innermost block the kiosk can show.
class Collector {
public:
    RichText blocks;
    std::set<std::string> plain_constructs;  // names of things shown as plain text

    int on_enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_H:
                start(BlockKind::Heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
                break;
            case MD_BLOCK_LI:
                if (!lists_.empty() && lists_.back().ordered) {
                    // A numbered item keeps its number as plain text: as a bullet, "step 2" would lose its meaning.
                    start(BlockKind::Paragraph, 0);
                    append(std::to_string(lists_.back().next++) + lists_.back().delimiter + " ");
                } else {
                    start(BlockKind::Bullet, 0);
                }
                in_item_ = true;
                item_has_text_ = false;
                break;
            case MD_BLOCK_P:
                // A loose list item wraps its text in <p>: keep it in the bullet for the first paragraph.
                if (in_item_ && !item_has_text_) break;
                start(BlockKind::Paragraph, 0);
                break;
            case MD_BLOCK_CODE: plain("a code block"); start(BlockKind::Paragraph, 0); break;
            case MD_BLOCK_HTML: plain("HTML"); start(BlockKind::Paragraph, 0); break;
            case MD_BLOCK_TABLE: plain("a table"); break;
            case MD_BLOCK_TD:
            case MD_BLOCK_TH: start(BlockKind::Paragraph, 0); break;
            case MD_BLOCK_UL: lists_.push_back({false, 0, ' '}); break;
            case MD_BLOCK_OL: {
                const auto* ol = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
                plain("a numbered list");
                lists_.push_back({true, ol->start, ol->mark_delimiter});
                break;
            }
            case MD_BLOCK_QUOTE: plain("a quote"); break;
            default: break;
        }
        return 0;
    }

    int on_leave_block(MD_BLOCKTYPE type, void*) {
        switch (type) {
            case MD_BLOCK_LI: in_item_ = false; break;
            case MD_BLOCK_UL:
            case MD_BLOCK_OL: lists_.pop_back(); break;
            default: break;
        }
        return 0;
    }

    int on_enter_span(MD_SPANTYPE type, void*) {
        switch (type) {
            case MD_SPAN_STRONG: bold_++; break;
            case MD_SPAN_EM: italic_++; break;
            case MD_SPAN_A: plain("a link"); break;
            case MD_SPAN_IMG: plain("a picture inside the text (use image = \"...\" at the top instead)"); break;
            case MD_SPAN_CODE: plain("code"); break;
            default: break;
        }
        return 0;
    }

    int on_leave_span(MD_SPANTYPE type, void*) {
        if (type == MD_SPAN_STRONG) bold_--;
        if (type == MD_SPAN_EM) italic_--;
        return 0;
    }

    int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        if (blocks.empty()) start(BlockKind::Paragraph, 0);
        std::string_view s(text, size);
        switch (type) {
            case MD_TEXT_SOFTBR:
            case MD_TEXT_BR: append(" "); break;
            case MD_TEXT_NULLCHAR: break;
            case MD_TEXT_ENTITY: append(decode_entity(s)); break;
            case MD_TEXT_HTML: plain("HTML"); append(s); break;  // the tag's characters, as typed
            default: append(s); break;
        }
        if (in_item_) item_has_text_ = true;
        return 0;
    }

private:
    struct OpenList {
        bool ordered;
        unsigned next;   // the next item's number
        char delimiter;  // '.' or ')', as written
    };
    int bold_ = 0, italic_ = 0;
    std::vector<OpenList> lists_;
    bool in_item_ = false, item_has_text_ = false;

    void start(BlockKind kind, int level) { blocks.push_back(Block{kind, level, {}}); }
    void plain(const char* what) { plain_constructs.insert(what); }

    void append(std::string_view s) {
        Block& b = blocks.back();
        const bool bold = bold_ > 0 || b.kind == BlockKind::Heading;
        const bool italic = italic_ > 0;
        if (!b.spans.empty() && b.spans.back().bold == bold && b.spans.back().italic == italic) {
            b.spans.back().text += s;
        } else {
            b.spans.push_back(Span{std::string(s), bold, italic});
        }
    }

    // "&#169;" / "&#xA9;" → UTF-8. md4c reports numeric entities like named ones; without this a
    // slide would show the raw "&#169;". Invalid code points become U+FFFD, as CommonMark says.
    static std::string decode_numeric_entity(std::string_view e) {
        const bool hex = e.size() > 3 && (e[2] == 'x' || e[2] == 'X');
        const std::string_view digits = e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3));
        unsigned long cp = 0;
        for (const char ch : digits) {
            int d = -1;
            if (ch >= '0' && ch <= '9') d = ch - '0';
            else if (hex && ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
            else if (hex && ch >= 'A' && ch <= 'F') d = ch - 'A' + 10;
            if (d < 0) return std::string(e);
            cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
            if (cp > 0x10FFFF) break;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        std::string out;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        return out;
    }

    static std::string decode_entity(std::string_view e) {
        if (e.size() > 3 && e[1] == '#' && e.back() == ';') return decode_numeric_entity(e);
        static constexpr std::pair<std::string_view, std::string_view> kKnown[] = {
            {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
            {"&nbsp;", "\u00A0"}, {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"}, {"&euro;", "\u20AC"},
            {"&hellip;", "\u2026"}};
        for (const auto& [name, value] : kKnown) {
            if (e == name) return std::string(value);
        }
        return std::string(e);
    }
};

// Collapses runs of whitespace (Markdown source line breaks, double spaces) and trims each block,
// then drops blocks left empty.
void normalise(RichText& blocks) {
    for (Block& b : blocks) {
        bool prev_space = true;  // trims leading space
        for (Span& s : b.spans) {
            std::string out;
            out.reserve(s.text.size());
            for (const char c : s.text) {
                const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
                if (space) {
                    if (!prev_space) out += ' ';
                    prev_space = true;
                } else {
                    out += c;
                    prev_space = false;
                }
            }
            s.text = std::move(out);
        }
        // Trailing space of the block.
        for (auto it = b.spans.rbegin(); it != b.spans.rend(); ++it) {
            while (!it->text.empty() && it->text.back() == ' ') it->text.pop_back();
            if (!it->text.empty()) break;
        }
        b.spans.erase(std::remove_if(b.spans.begin(), b.spans.end(), [](const Span& s) { return s.text.empty(); }),
                      b.spans.end());
    }
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.spans.empty(); }),
                 blocks.end());
}

}  // namespace

MarkdownSlide parse_slide_markdown(std::string_view text, const std::string& file, int first_line, Diagnostics& diags) {
    Collector c;
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Raw HTML is recognised (so staff get a warning) but shown as the text it is: on_text appends
    // MD_TEXT_HTML literally. Indented text is a paragraph, not a code block, because staff indent
    // for looks, not for code.
    parser.flags = MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Collector*>(u)->on_enter_block(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Collector*>(u)->on_leave_block(t, d); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Collector*>(u)->on_enter_span(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Collector*>(u)->on_leave_span(t, d); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<Collector*>(u)->on_text(t, s, n); };
    // md4c 0.4.8 (Debian 12) reads one byte past the end of its input on some texts (fixed in
    // 0.5.0, e.g. "\xA9##r[](r[]("), so it is always given a copy that owns a '\0' there: a view
    // carved from a larger buffer, or one ending at a page boundary, must not be read beyond.
    const std::string terminated(text);
    md_parse(terminated.c_str(), static_cast<MD_SIZE>(terminated.size()), &parser, &c);
    normalise(c.blocks);

    for (const auto& what : c.plain_constructs) {
        diags.push_back({file, first_line, Severity::Warning, "the text contains " + what + ", shown as plain text",
                         "Slides support headings (#), paragraphs, bullets (-), **bold** and *italic*"});
    }

    MarkdownSlide out;
    auto it = c.blocks.begin();
    if (it != c.blocks.end() && it->kind == BlockKind::Heading) {
        for (const Span& s : it->spans) out.title += s.text;
        ++it;
    }
    out.body.assign(it, c.blocks.end());
    return out;
}

}  // namespace kiosk
