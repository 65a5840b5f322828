#include "escpos_reader.h"

#include <algorithm>

namespace kiosk::test {

const PaperLine* Paper::line_with(const std::string& text) const {
    for (const PaperLine& l : lines) {
        if (l.text.find(text) != std::string::npos) return &l;
    }
    return nullptr;
}

std::string Paper::all_text() const {
    std::string s;
    for (const PaperLine& l : lines) s += l.text + "\n";
    return s;
}

namespace {

struct State {
    int width_mul = 1, height_mul = 1;
    bool bold = false, font_b = false;
};

class Reader {
public:
    Reader(const std::vector<std::uint8_t>& b, int dots) : b_(b) { paper_.area_dots = dots; }

    Paper run() {
        while (i_ < b_.size()) step();
        if (!buf_.text.empty()) paper_.problems.push_back("text left without LF: \"" + buf_.text + "\"");
        return std::move(paper_);
    }

private:
    bool has(size_t n) {
        if (i_ + n <= b_.size()) return true;
        paper_.problems.push_back("command cut short at byte " + std::to_string(i_));
        i_ = b_.size();
        return false;
    }
    int u16(size_t at) const { return b_[at] | (b_[at + 1] << 8); }

    void flush(bool wrapped) {
        buf_.wrapped = wrapped;
        paper_.lines.push_back(buf_);
        buf_ = {};
    }

    void put_char(char c) {
        const int w = (state_.font_b ? 9 : 12) * state_.width_mul;
        if (buf_.dots + w > paper_.area_dots) flush(true);  // the printer breaks the line itself
        if (buf_.text.empty()) {
            buf_.width_mul = state_.width_mul;
            buf_.height_mul = state_.height_mul;
            buf_.bold = state_.bold;
            buf_.font_b = state_.font_b;
        }
        buf_.text += c;
        buf_.dots += w;
    }

    void step() {
        const std::uint8_t c = b_[i_];
        if (c >= 0x20 && c != 0x7F) {
            put_char(static_cast<char>(c));
            ++i_;
            return;
        }
        if (c == 0x0A) {
            flush(false);
            ++i_;
            return;
        }
        if (c == 0x10) {  // DLE EOT n: answered in real time, prints nothing
            if (has(3)) i_ += 3;
            return;
        }
        if ((c != 0x1B && c != 0x1D) || !has(2)) {
            paper_.problems.push_back("stray byte " + std::to_string(c) + " at " + std::to_string(i_));
            ++i_;
            return;
        }
        const std::uint8_t op = b_[i_ + 1];
        if (c == 0x1B) {
            if (op == '@') {
                state_ = {};
                i_ += 2;
            } else if (has(3)) {
                const int n = b_[i_ + 2];
                switch (op) {
                    case 'E':
                        state_.bold = (n & 1) != 0;
                        break;
                    case 'M':
                        state_.font_b = n == 1 || n == '1';
                        break;
                    case 'a':
                    case 't':
                    case 'd':
                    case 'J':
                        break;
                    default:
                        paper_.problems.push_back("unknown ESC " + std::to_string(op));
                }
                i_ += 3;
            }
            return;
        }
        // GS
        if (op == '!' && has(3)) {
            state_.width_mul = ((b_[i_ + 2] >> 4) & 7) + 1;
            state_.height_mul = (b_[i_ + 2] & 7) + 1;
            i_ += 3;
        } else if (op == 'W' && has(4)) {
            paper_.area_dots = std::min(paper_.area_dots, u16(i_ + 2));
            i_ += 4;
        } else if (op == 'V' && has(3)) {
            ++paper_.cuts;
            i_ += (b_[i_ + 2] == 65 || b_[i_ + 2] == 66) ? 4 : 3;
        } else if (op == 'v' && has(8)) {
            const int xb = u16(i_ + 4), h = u16(i_ + 6);
            if (xb * 8 > paper_.area_dots) {
                paper_.problems.push_back("raster " + std::to_string(xb * 8) + " dots wide on a " +
                                          std::to_string(paper_.area_dots) + "-dot area");
            }
            paper_.rasters.push_back({xb * 8, h});
            i_ += 8 + static_cast<size_t>(xb) * static_cast<size_t>(h);
        } else if (op == '(' && has(5)) {
            const int fn = b_[i_ + 2];
            const auto len = static_cast<size_t>(u16(i_ + 3));
            if (!has(5 + len)) return;
            if (fn == 'k' && len >= 3 && b_[i_ + 6] == 80) {
                stored_qr_.assign(b_.begin() + static_cast<long>(i_ + 8), b_.begin() + static_cast<long>(i_ + 5 + len));
            } else if (fn == 'k' && len >= 3 && b_[i_ + 6] == 81) {
                paper_.qr_payloads.push_back(stored_qr_);
            }
            i_ += 5 + len;
        } else {
            paper_.problems.push_back("unknown GS " + std::to_string(op) + " at " + std::to_string(i_));
            i_ += 2;
        }
    }

    const std::vector<std::uint8_t>& b_;
    size_t i_ = 0;
    State state_;
    PaperLine buf_;
    std::string stored_qr_;
    Paper paper_;
};

}  // namespace

Paper print_on_paper(const std::vector<std::uint8_t>& bytes, int printer_dots) {
    return Reader(bytes, printer_dots).run();
}

}  // namespace kiosk::test
