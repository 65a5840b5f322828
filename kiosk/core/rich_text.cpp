#include "rich_text.h"

namespace kiosk {

std::string plain_text(const RichText& text) {
    std::string out;
    for (const Block& block : text) {
        if (!out.empty()) out += '\n';
        for (const Span& span : block.spans) out += span.text;
    }
    return out;
}

}  // namespace kiosk
