#include "escpos.h"

#include "qr_code.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk {

namespace {

constexpr std::uint8_t ESC = 0x1B, GS = 0x1D, DLE = 0x10, EOT = 0x04, LF = 0x0A;

class Writer {
public:
    explicit Writer(Bytes& out) : out_(out) {}
    void put(std::initializer_list<std::uint8_t> bytes) { out_.insert(out_.end(), bytes); }
    void put(std::string_view text) {
        for (const char c : text) out_.push_back(static_cast<std::uint8_t>(c));
    }
    void put_u16(size_t v) {
        out_.push_back(static_cast<std::uint8_t>(v & 0xFF));
        out_.push_back(static_cast<std::uint8_t>((v >> 8) & 0xFF));
    }

private:
    Bytes& out_;
};

// Greedy word wrap of single-byte text; a word longer than a line is cut.
// Lines of a slip's text: wiping storage, as the text may be a patient's name.
SecretVector<SecretString> wrap(const SecretString& text, int columns) {
    SecretVector<SecretString> lines;
    const auto cols = static_cast<size_t>(std::max(1, columns));
    size_t start = 0;
    while (start <= text.size()) {
        const size_t nl = text.find('\n', start);
        std::string_view para(text.data() + start, (nl == std::string::npos ? text.size() : nl) - start);
        SecretString line;
        size_t i = 0;
        while (i < para.size()) {
            while (i < para.size() && para[i] == ' ') ++i;
            size_t j = i;
            while (j < para.size() && para[j] != ' ') ++j;
            std::string_view word = para.substr(i, j - i);
            if (word.empty()) break;
            const auto flush = [&] {
                if (!line.empty()) lines.push_back(std::exchange(line, {}));
            };
            while (word.size() > cols) {  // cannot fit on any line: cut it
                flush();
                lines.emplace_back(word.substr(0, cols));
                word.remove_prefix(cols);
            }
            if (!line.empty() && line.size() + 1 + word.size() > cols) flush();
            if (!line.empty()) line += ' ';
            line.append(word);
            i = j;
        }
        if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return lines;
}

struct CharSize {
    int width = 1, height = 1;  // GS ! multipliers
    bool font_b = false;        // ESC M 1: 9-dot-wide characters, for what font A cannot fit
};

size_t longest_word(std::string_view text) {
    size_t longest = 0, run = 0;
    for (const char c : text) {
        run = (c == ' ' || c == '\n') ? 0 : run + 1;
        longest = std::max(longest, run);
    }
    return longest;
}

// Sizes are chosen so nothing is ever split where a patient would misread it: the phone number
// stays on one line (smaller rather than wrapped), and no word of any text is cut.
CharSize choose_size(const SecretString& bytes, TextSize size, int dots) {
    const int cols_a = dots / kFontAWidthDots;
    const int cols_b = dots / kFontBWidthDots;
    const auto fits = [](size_t chars, int width, int columns) { return static_cast<int>(chars) * width <= columns; };
    const size_t word = longest_word(bytes);
    switch (size) {
        case TextSize::Normal:
            if (fits(word, 1, cols_a) || !fits(word, 1, cols_b)) return {1, 1, false};
            return {1, 1, true};
        case TextSize::Large:
            if (fits(word, 2, cols_a)) return {2, 2, false};
            if (fits(word, 1, cols_a)) return {1, 2, false};
            return {1, 2, fits(word, 1, cols_b)};
        case TextSize::Huge:
            // As large as fits on one line, and never shorter than two lines of normal text, so it
            // stands out above a name or heading printed at normal width.
            for (int m = 4; m >= 1; --m) {
                if (fits(bytes.size(), m, cols_a)) return {m, std::max(m, 2), false};
            }
            return {1, 2, fits(bytes.size(), 1, cols_b)};
    }
    return {};
}

void encode_text(Writer& w, const SlipText& t, const EscposOptions& opt, int dots) {
    SecretString bytes;
    transcode(t.text, opt.codepage, bytes);
    const CharSize cs = choose_size(bytes, t.size, dots);
    const int columns = dots / ((cs.font_b ? kFontBWidthDots : kFontAWidthDots) * cs.width);
    const auto align = static_cast<std::uint8_t>(t.align == Align::Left ? 0 : t.align == Align::Center ? 1 : 2);
    w.put({ESC, 'a', align});
    w.put({ESC, 'E', static_cast<std::uint8_t>(t.bold ? 1 : 0)});
    if (cs.font_b) w.put({ESC, 'M', 1});
    // GS ! n: high nibble = width multiplier - 1, low nibble = height multiplier - 1.
    w.put({GS, '!', static_cast<std::uint8_t>(((cs.width - 1) << 4) | (cs.height - 1))});
    for (const SecretString& line : wrap(bytes, columns)) {
        w.put(line);
        w.put({LF});
    }
    w.put({GS, '!', 0});
    if (cs.font_b) w.put({ESC, 'M', 0});
    w.put({ESC, 'E', 0});
}

// A rule as a raster line exactly as wide as the print area: a row of '─' characters falls short
// by the remainder of dots / 12 (8 dots at 512) and depends on the code page.
void encode_rule(Writer& w, int dots) {
    constexpr int kRuleHeight = 2;
    const int row_bytes = std::max(1, dots / 8);
    w.put({ESC, 'a', 0});
    w.put({GS, 'v', '0', 0});
    w.put_u16(static_cast<size_t>(row_bytes));
    w.put_u16(kRuleHeight);
    for (int i = 0; i < row_bytes * kRuleHeight; ++i) w.put({0xFF});
    w.put({ESC, 'J', 12});  // a little space below it (12 dots), as a text line would leave
}

void encode_native_qr(Writer& w, const SlipQr& q, int module) {
    // GS ( k function 165 (model 2), 167 (module size), 169 (error level M), 180 (store), 181 (print).
    w.put({GS, '(', 'k', 4, 0, 49, 65, 50, 0});
    w.put({GS, '(', 'k', 3, 0, 49, 67, static_cast<std::uint8_t>(module)});
    w.put({GS, '(', 'k', 3, 0, 49, 69, 49});
    w.put({GS, '(', 'k'});
    w.put_u16(q.payload.size() + 3);  // pL pH count cn, fn and m too
    w.put({49, 80, 48});
    w.put(q.payload);
    w.put({GS, '(', 'k', 3, 0, 49, 81, 48});
}

void encode_raster_qr(Writer& w, const SlipQr& q, int module) {
    const QrMatrix qr = make_qr(q.payload);
    if (qr.empty()) return;
    const int modules = qr.size + 2 * kQrQuietZone;
    const int dots = modules * module;
    const int row_bytes = (dots + 7) / 8;
    w.put({GS, 'v', '0', 0});
    w.put_u16(static_cast<size_t>(row_bytes));
    w.put_u16(static_cast<size_t>(dots));
    for (int y = 0; y < dots; ++y) {
        for (int bx = 0; bx < row_bytes; ++bx) {
            std::uint8_t byte = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = bx * 8 + bit;
                const int mx = x / module - kQrQuietZone, my = y / module - kQrQuietZone;
                const bool dark = x < dots && mx >= 0 && my >= 0 && mx < qr.size && my < qr.size && qr.dark(mx, my);
                if (dark) byte = static_cast<std::uint8_t>(byte | (0x80U >> bit));
            }
            w.put({byte});
        }
    }
}

}  // namespace

int printable_dots(int paper_width_mm) {
    if (paper_width_mm <= 58) return 384;
    if (paper_width_mm >= 80) return 576;
    return (paper_width_mm - 10) * 8;  // 8 dots per mm, about 5 mm margin on each side
}

int qr_module_dots(int paper_width_mm) { return paper_width_mm <= 58 ? 6 : 8; }

int qr_module_dots_for(int print_width_dots) { return print_width_dots <= 400 ? 6 : 8; }

Bytes encode_escpos(const SlipLayout& layout, const EscposOptions& options) {
    Bytes out;
    out.reserve(4096);  // a slip with a native QR fits: usually no reallocation at all
    Writer w(out);
    const int dots = layout.print_width_dots > 0 ? layout.print_width_dots : printable_dots(layout.paper_width_mm);
    const int module = qr_module_dots_for(dots);
    w.put({ESC, '@'});
    w.put({ESC, 't', escpos_codepage_number(options.codepage)});
    // GS W: the print area is the configured width, so centring and wrapping match this layout.
    w.put({GS, 'W'});
    w.put_u16(static_cast<size_t>(dots));
    for (const SlipElement& e : layout.elements) {
        if (const auto* t = std::get_if<SlipText>(&e)) {
            encode_text(w, *t, options, dots);
        } else if (const auto* q = std::get_if<SlipQr>(&e)) {
            w.put({ESC, 'a', 1});
            if (options.raster_qr) {
                encode_raster_qr(w, *q, module);
            } else {
                encode_native_qr(w, *q, module);
            }
            w.put({LF});
        } else if (std::holds_alternative<SlipRule>(e)) {
            encode_rule(w, dots);
        } else if (const auto* f = std::get_if<SlipFeed>(&e)) {
            w.put({ESC, 'd', static_cast<std::uint8_t>(std::clamp(f->lines, 0, 255))});
        }
    }
    // Feed past the tear bar, then GS V 66 0: feed to the cutter and cut leaving a hinge.
    w.put({ESC, 'd', 3});
    w.put({GS, 'V', 66, 0});
    return out;
}

namespace {
std::array<std::uint8_t, 4> id_digits(std::uint16_t id) {
    id = static_cast<std::uint16_t>(id % 10000);
    return {static_cast<std::uint8_t>('0' + id / 1000), static_cast<std::uint8_t>('0' + id / 100 % 10),
            static_cast<std::uint8_t>('0' + id / 10 % 10), static_cast<std::uint8_t>('0' + id % 10)};
}
}  // namespace

Bytes process_id_request(std::uint16_t id) {
    const auto d = id_digits(id);
    return {GS, '(', 'H', 6, 0, 48, 48, d[0], d[1], d[2], d[3]};
}

bool is_process_id_answer(const std::uint8_t* a, std::uint16_t id) {
    const auto d = id_digits(id);
    return a[0] == 0x37 && a[1] == 0x22 && a[2] == d[0] && a[3] == d[1] && a[4] == d[2] && a[5] == d[3] && a[6] == 0;
}

Bytes status_request() { return {DLE, EOT, 2, DLE, EOT, 4}; }

std::optional<EscposStatus> decode_status(std::uint8_t offline_cause, std::uint8_t paper_sensor) {
    const auto valid = [](std::uint8_t b) { return (b & 0x93U) == 0x12U; };
    if (!valid(offline_cause) || !valid(paper_sensor)) return std::nullopt;
    EscposStatus s;
    s.cover_open = (offline_cause & 0x04U) != 0;
    s.paper_out = (offline_cause & 0x20U) != 0 || (paper_sensor & 0x60U) != 0;
    s.error = (offline_cause & 0x40U) != 0;
    s.paper_near_end = (paper_sensor & 0x0CU) != 0;
    return s;
}

PrinterState printer_state(const EscposStatus& s) {
    if (s.cover_open) return PrinterState::CoverOpen;
    if (s.paper_out) return PrinterState::PaperOut;
    if (s.error) return PrinterState::Error;
    if (s.paper_near_end) return PrinterState::PaperLow;
    return PrinterState::Ready;
}

}  // namespace kiosk
