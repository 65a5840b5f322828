#include "text_layout.h"

#include "utf8.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace kiosk {

FontStyle style_of(bool bold, bool italic) {
    if (bold && italic) return FontStyle::BoldItalic;
    if (bold) return FontStyle::Bold;
    if (italic) return FontStyle::Italic;
    return FontStyle::Regular;
}

namespace {

// Vertical rhythm, in multiples of the pixel size. Generous spacing reads calmer from a distance.
constexpr double kTitleLineFactor = 1.18;
constexpr double kBodyLineFactor = 1.30;
constexpr double kGapAfterTitle = 0.75;
constexpr double kGapBetweenBlocks = 0.60;
constexpr double kGapBetweenBullets = 0.30;
constexpr double kGapBeforeHeading = 0.90;
constexpr double kBulletMarkerOffset = 0.10;  // marker starts slightly in from the edge
constexpr double kBulletGap = 0.50;           // between marker and text
constexpr double kShrinkStep = 0.95;          // each fit attempt is at most 95 % of the previous size

constexpr std::string_view kBulletMarker = "\xE2\x80\xA2";  // U+2022 BULLET

// What one layout may look at, so its cost is bounded by the screen and not by the file: a
// 20 000-word title once took 7.5 s in `kiosk check`. Lines stop one past the box's bottom (the
// answer is then "does not fit" whatever follows), and as a backstop for a measurer that calls
// text narrow (zero-width characters) no block gives more than this many words or bytes. Both far
// exceed what fits: at the smallest body size a 1080p or portrait screen holds ~3500 characters.
constexpr std::size_t kMaxWordsPerBlock = 4000;
constexpr std::size_t kMaxBytesPerBlock = 24 * 1024;

int scaled(double factor, int px) {
    return static_cast<int>(std::lround(factor * px));
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A word is a maximal run of non-space characters; it may change style in the middle ("**bold**,").
struct Piece {
    std::string text;
    FontStyle style = FontStyle::Regular;
};
struct Word {
    std::vector<Piece> pieces;
    FontStyle space_style = FontStyle::Regular;  // style of the whitespace before it in the source
};

void add_to_pieces(std::vector<Piece>& pieces, std::string_view text, FontStyle style) {
    if (!pieces.empty() && pieces.back().style == style) {
        pieces.back().text += text;
    } else {
        pieces.push_back(Piece{std::string(text), style});
    }
}

std::vector<Word> split_words(const std::vector<Span>& spans, bool force_bold, bool* truncated = nullptr) {
    std::vector<Word> words;
    std::size_t bytes = 0;
    bool in_word = false;
    FontStyle pending_space = FontStyle::Regular;
    bool have_space = false;
    for (const Span& span : spans) {
        const FontStyle style = style_of(span.bold || force_bold, span.italic);
        std::size_t pos = 0;
        while (pos < span.text.size()) {
            if (is_space(span.text[pos])) {
                if (in_word || !have_space) pending_space = style;
                have_space = true;
                in_word = false;
                ++pos;
                continue;
            }
            std::size_t end = pos;
            while (end < span.text.size() && !is_space(span.text[end])) ++end;
            bytes += end - pos;
            if (bytes > kMaxBytesPerBlock || (!in_word && words.size() >= kMaxWordsPerBlock)) {
                if (truncated) *truncated = true;
                return words;
            }
            if (!in_word) {
                words.push_back(Word{{}, have_space ? pending_space : style});
                have_space = false;
                in_word = true;
            }
            add_to_pieces(words.back().pieces, std::string_view(span.text).substr(pos, end - pos), style);
            pos = end;
        }
    }
    return words;
}

struct LineRun {
    std::string text;
    FontStyle style = FontStyle::Regular;
    int width = 0;
};
struct Line {
    std::vector<LineRun> runs;
    int width = 0;
    [[nodiscard]] bool empty() const { return runs.empty(); }
};

class LineBreaker {
public:
    LineBreaker(const TextMeasurer& measurer, int px, int max_width, std::size_t max_lines)
        : measurer_(measurer), px_(px), max_width_(max_width), max_lines_(std::max<std::size_t>(1, max_lines)) {}

    // True once max_lines lines are complete: later words could only overflow further.
    [[nodiscard]] bool full() const { return lines_.size() >= max_lines_; }

    void add(const Word& word) {
        if (full()) return;
        if (!current_.empty()) {
            Line trial = current_;
            append(trial, " ", word.space_style);
            for (const Piece& piece : word.pieces) append(trial, piece.text, piece.style);
            if (trial.width <= max_width_) {
                current_ = std::move(trial);
                return;
            }
            finish_line();
        }
        Line trial;
        for (const Piece& piece : word.pieces) append(trial, piece.text, piece.style);
        if (trial.width <= max_width_) {
            current_ = std::move(trial);
            return;
        }
        break_word(word);
    }

    std::vector<Line> take() {
        if (!current_.empty() && !full()) finish_line();
        return std::move(lines_);
    }

private:
    void append(Line& line, std::string_view text, FontStyle style) const {
        if (line.empty() || line.runs.back().style != style) line.runs.push_back(LineRun{{}, style, 0});
        LineRun& run = line.runs.back();
        line.width -= run.width;
        run.text += text;
        run.width = measurer_.text_width(run.text, style, px_);
        line.width += run.width;
    }

    // Last resort for a word wider than the whole line: cut between characters (never inside a
    // UTF-8 sequence), at least one character per line so even a too-narrow box terminates.
    void break_word(const Word& word) {
        for (const Piece& piece : word.pieces) {
            for (std::string_view ch : utf8_chars(piece.text)) {
                if (full()) return;
                if (current_.empty()) {
                    append(current_, ch, piece.style);
                    continue;
                }
                Line trial = current_;
                append(trial, ch, piece.style);
                if (trial.width <= max_width_) {
                    current_ = std::move(trial);
                } else {
                    finish_line();
                    append(current_, ch, piece.style);
                }
            }
        }
    }

    void finish_line() {
        lines_.push_back(std::move(current_));
        current_ = Line{};
    }

    const TextMeasurer& measurer_;
    int px_;
    int max_width_;
    std::size_t max_lines_;
    Line current_;
    std::vector<Line> lines_;
};

class Composer {
public:
    Composer(const Rect& box, const TextMeasurer& measurer, int title_px, int body_px)
        : box_(box), measurer_(measurer), title_px_(title_px), body_px_(body_px), y_(box.y) {}

    void title(const std::string& text) {
        bool truncated = false;
        const std::vector<Word> words = split_words({Span{text, true, false}}, true, &truncated);
        if (truncated) fits_ = false;
        if (words.empty()) return;
        const std::size_t max_lines = lines_left(title_px_, kTitleLineFactor);
        place_lines(balanced_lines(words, title_px_, box_.w, max_lines), box_.x, title_px_, kTitleLineFactor,
                    RunRole::Title);
        pending_gap_ = scaled(kGapAfterTitle, body_px_);
    }

    void block(const Block& block, bool previous_was_bullet) {
        const bool heading = block.kind == BlockKind::Heading;
        if (past_bottom_) return;  // nothing more can be seen, and the answer is already "does not fit"
        bool truncated = false;
        const std::vector<Word> words = split_words(block.spans, heading, &truncated);
        if (truncated) fits_ = false;
        if (words.empty()) return;
        if (placed_any_) {
            if (heading) {
                pending_gap_ = std::max(pending_gap_, scaled(kGapBeforeHeading, body_px_));
            } else if (block.kind == BlockKind::Bullet && previous_was_bullet) {
                pending_gap_ = scaled(kGapBetweenBullets, body_px_);
            } else {
                pending_gap_ = std::max(pending_gap_, scaled(kGapBetweenBlocks, body_px_));
            }
        }
        int text_x = box_.x;
        if (block.kind == BlockKind::Bullet) {
            const int marker_x = box_.x + scaled(kBulletMarkerOffset, body_px_);
            const int marker_w = measurer_.text_width(kBulletMarker, FontStyle::Regular, body_px_);
            text_x = marker_x + marker_w + scaled(kBulletGap, body_px_);
            marker_ = PlacedRun{std::string(kBulletMarker), FontStyle::Regular, body_px_, RunRole::BulletMarker,
                                Rect{marker_x, 0, marker_w, 0}};
        }
        const int gap_before = pending_gap_;
        const std::size_t max_lines = lines_left(body_px_, kBodyLineFactor, gap_before);
        place_lines(break_lines(words, body_px_, box_.right() - text_x, max_lines), text_x, body_px_, kBodyLineFactor,
                    RunRole::Body);
        marker_.reset();
        pending_gap_ = 0;
    }

    TextLayout finish() {
        TextLayout out;
        out.runs = std::move(runs_);
        out.title_px = title_px_;
        out.body_px = body_px_;
        out.fits = fits_ && (out.runs.empty() || bottom_ <= box_.bottom());
        if (out.runs.empty()) {
            out.used = Rect{box_.x, box_.y, 0, 0};
        } else {
            int l = out.runs.front().box.x, t = out.runs.front().box.y, r = l, b = t;
            for (const PlacedRun& run : out.runs) {
                l = std::min(l, run.box.x);
                t = std::min(t, run.box.y);
                r = std::max(r, run.box.right());
                b = std::max(b, run.box.bottom());
            }
            out.used = Rect{l, t, r - l, b - t};
        }
        return out;
    }

    // Baseline-to-baseline distance: our own rhythm, but never much tighter than the font wants.
    int advance_for(int px, double line_factor) const {
        return std::max(scaled(line_factor, px), measurer_.line_height(px) * 9 / 10);
    }

private:
    // Lines that can still start inside the box, plus one that overflows it (so "fits" is decided).
    std::size_t lines_left(int px, double line_factor, int gap = 0) const {
        const int advance = std::max(1, advance_for(px, line_factor));
        const long long room = static_cast<long long>(box_.bottom()) - (y_ + gap);
        return room < 0 ? 1 : static_cast<std::size_t>(room / advance) + 2;
    }

    std::vector<Line> break_lines(const std::vector<Word>& words, int px, int width, std::size_t max_lines,
                                  bool* hit_limit = nullptr) const {
        LineBreaker breaker(measurer_, px, width, max_lines);
        for (const Word& word : words) {
            if (breaker.full()) break;
            breaker.add(word);
        }
        if (hit_limit) *hit_limit = breaker.full();
        return breaker.take();
    }

    // A wrapped title reads better with even lines than with one word left alone on the last line:
    // find the narrowest width that still needs the same number of lines.
    // A title that overflows the box is not balanced: it does not fit anyway.
    std::vector<Line> balanced_lines(const std::vector<Word>& words, int px, int width, std::size_t max_lines) const {
        bool overflows = false;
        std::vector<Line> best = break_lines(words, px, width, max_lines, &overflows);
        if (best.size() < 2 || overflows) return best;
        const std::size_t count = best.size();
        int lo = width / 2, hi = width;
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            std::vector<Line> trial = break_lines(words, px, mid, count + 1);
            const bool same = trial.size() == count &&
                              std::all_of(trial.begin(), trial.end(), [&](const Line& l) { return l.width <= mid; });
            if (same) {
                best = std::move(trial);
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return best;
    }

    void place_lines(const std::vector<Line>& lines, int x0, int px, double line_factor, RunRole role) {
        const int box_h = measurer_.line_height(px);
        const int advance = advance_for(px, line_factor);
        const int max_width = box_.right() - x0;
        y_ += pending_gap_;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) y_ += advance;
            const Line& line = lines[i];
            if (line.width > max_width) fits_ = false;
            if (i == 0 && marker_) {
                marker_->box.y = y_;
                marker_->box.h = box_h;
                runs_.push_back(*marker_);
            }
            int x = x0;
            for (const LineRun& run : line.runs) {
                runs_.push_back(PlacedRun{run.text, run.style, px, role, Rect{x, y_, run.width, box_h}});
                x += run.width;
            }
        }
        bottom_ = y_ + box_h;
        if (bottom_ > box_.bottom()) {
            fits_ = false;
            past_bottom_ = true;
        }
        // The next block starts where another line would, plus its gap (added by the caller).
        y_ += std::max(advance, box_h);
        placed_any_ = true;
    }

    Rect box_;
    const TextMeasurer& measurer_;
    int title_px_;
    int body_px_;
    int y_;
    int bottom_ = 0;
    int pending_gap_ = 0;
    bool placed_any_ = false;
    bool fits_ = true;
    bool past_bottom_ = false;  // a line already ends below the box
    std::optional<PlacedRun> marker_;
    std::vector<PlacedRun> runs_;
};

TextLayout compose(const std::string& title, const RichText& body, const Rect& box, int title_px, int body_px,
                   const TextMeasurer& measurer) {
    Composer composer(box, measurer, title_px, body_px);
    composer.title(title);
    bool previous_was_bullet = false;
    for (const Block& block : body) {
        composer.block(block, previous_was_bullet);
        previous_was_bullet = block.kind == BlockKind::Bullet;
    }
    return composer.finish();
}

// Body sizes to try, largest first: small multiplicative steps down to the floor.
std::vector<int> candidate_body_sizes(const TextSizes& preferred) {
    const int start = std::max(1, preferred.body_px);
    const int floor_px = std::clamp(preferred.min_body_px, 1, start);
    std::vector<int> sizes{start};
    while (sizes.back() > floor_px) {
        const int next = std::min(sizes.back() - 1, static_cast<int>(std::floor(sizes.back() * kShrinkStep)));
        sizes.push_back(std::max(next, floor_px));
    }
    return sizes;
}

}  // namespace

TextLayout layout_text(const std::string& title, const RichText& body, const Rect& box, const TextSizes& preferred,
                       const TextMeasurer& measurer) {
    const std::vector<int> sizes = candidate_body_sizes(preferred);
    const int pref_body = sizes.front();
    const int pref_title = std::max(preferred.title_px, pref_body);
    auto attempt = [&](std::size_t i) {
        const int body_px = sizes[i];
        // Title and body shrink together, keeping their ratio (and the title never below the body).
        const int title_px =
            i == 0 ? pref_title
                   : std::max(body_px,
                              static_cast<int>(std::lround(static_cast<double>(pref_title) * body_px / pref_body)));
        TextLayout layout = compose(title, body, box, title_px, body_px, measurer);
        layout.shrunk = i > 0;
        return layout;
    };

    TextLayout first = attempt(0);
    if (first.fits || sizes.size() == 1) return first;
    // Height grows with size, so binary-search the first candidate that fits; the answer is always
    // a layout that was actually checked, even if some odd font made the search non-monotonic.
    std::size_t lo = 1, hi = sizes.size() - 1;
    TextLayout best = attempt(hi);
    if (!best.fits) return best;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        TextLayout trial = attempt(mid);
        if (trial.fits) {
            best = std::move(trial);
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return best;
}

}  // namespace kiosk
