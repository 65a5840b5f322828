#include "escpos.h"

#include "qr_code.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk {

namespace {

constexpr std::uint8_t ESC = 0x1B, GS = 0x1D, DLE = 0x10, EOT = 0x04, LF = 0x0A;
constexpr char kRuleChar = static_cast<char>(0xC4);  // '─' in both CP437 and CP858

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

int magnification(const SecretString& bytes, TextSize size, int columns) {
    switch (size) {
        case TextSize::Normal: return 1;
        case TextSize::Large: return 2;
        case TextSize::Huge:
            // The phone number is the point of the slip: as large as fits on one line.
            for (int m = 4; m >= 2; --m) {
                if (static_cast<int>(bytes.size()) * m <= columns) return m;
            }
            return 2;
    }
    return 1;
}

void encode_text(Writer& w, const SlipText& t, const EscposOptions& opt, int columns) {
    SecretString bytes;
    transcode(t.text, opt.codepage, bytes);
    const int m = magnification(bytes, t.size, columns);
    const auto align = static_cast<std::uint8_t>(t.align == Align::Left ? 0 : t.align == Align::Center ? 1 : 2);
    w.put({ESC, 'a', align});
    w.put({ESC, 'E', static_cast<std::uint8_t>(t.bold ? 1 : 0)});
    // GS ! n: high nibble = width multiplier - 1, low nibble = height multiplier - 1.
    w.put({GS, '!', static_cast<std::uint8_t>(((m - 1) << 4) | (m - 1))});
    for (const SecretString& line : wrap(bytes, columns / m)) {
        w.put(line);
        w.put({LF});
    }
    w.put({GS, '!', 0});
    w.put({ESC, 'E', 0});
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

Bytes encode_escpos(const SlipLayout& layout, const EscposOptions& options) {
    Bytes out;
    out.reserve(4096);  // a slip with a native QR fits: usually no reallocation at all
    Writer w(out);
    const int columns = printable_dots(layout.paper_width_mm) / kFontAWidthDots;
    const int module = qr_module_dots(layout.paper_width_mm);
    w.put({ESC, '@'});
    w.put({ESC, 't', escpos_codepage_number(options.codepage)});
    for (const SlipElement& e : layout.elements) {
        if (const auto* t = std::get_if<SlipText>(&e)) {
            encode_text(w, *t, options, columns);
        } else if (const auto* q = std::get_if<SlipQr>(&e)) {
            w.put({ESC, 'a', 1});
            if (options.raster_qr) {
                encode_raster_qr(w, *q, module);
            } else {
                encode_native_qr(w, *q, module);
            }
            w.put({LF});
        } else if (std::holds_alternative<SlipRule>(e)) {
            w.put({ESC, 'a', 1});
            w.put(std::string(static_cast<size_t>(columns), kRuleChar));
            w.put({LF});
        } else if (const auto* f = std::get_if<SlipFeed>(&e)) {
            w.put({ESC, 'd', static_cast<std::uint8_t>(std::clamp(f->lines, 0, 255))});
        }
    }
    // Feed past the tear bar, then GS V 66 0: feed to the cutter and cut leaving a hinge.
    w.put({ESC, 'd', 3});
    w.put({GS, 'V', 66, 0});
    return out;
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
