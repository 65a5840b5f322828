#include "escpos_parser.h"

namespace kiosk::test {

namespace {
Command command(Cmd k, int arg = 0) {
    Command c;
    c.cmd = k;
    c.arg = arg;
    return c;
}
}  // namespace

ParseResult parse_escpos(const std::vector<std::uint8_t>& b) {
    ParseResult r;
    size_t i = 0;
    const auto need = [&](size_t n) {
        if (i + n > b.size()) {
            r.error = "truncated command at byte " + std::to_string(i);
            return false;
        }
        return true;
    };
    while (i < b.size() && r.error.empty()) {
        const std::uint8_t c = b[i];
        if (c == 0x0A) {
            r.commands.push_back(command(Cmd::LineFeed));
            ++i;
        } else if (c == 0x1B) {
            if (!need(2)) break;
            const std::uint8_t op = b[i + 1];
            if (op == '@') {
                r.commands.push_back(command(Cmd::Init));
                i += 2;
            } else if (op == 't' || op == 'a' || op == 'E' || op == 'd' || op == 'M' || op == 'J') {
                if (!need(3)) break;
                const Cmd k = op == 't'   ? Cmd::Codepage
                              : op == 'a' ? Cmd::Align
                              : op == 'E' ? Cmd::Bold
                              : op == 'M' ? Cmd::Font
                              : op == 'J' ? Cmd::FeedDots
                                          : Cmd::FeedLines;
                r.commands.push_back(command(k, b[i + 2]));
                i += 3;
            } else {
                r.error = "unknown ESC " + std::to_string(op) + " at byte " + std::to_string(i);
            }
        } else if (c == 0x1D) {
            if (!need(2)) break;
            const std::uint8_t op = b[i + 1];
            if (op == '!') {
                if (!need(3)) break;
                r.commands.push_back(command(Cmd::Size, b[i + 2]));
                i += 3;
            } else if (op == 'V') {
                if (!need(3)) break;
                const int m = b[i + 2];
                const size_t len = (m == 65 || m == 66) ? 4 : 3;
                if (!need(len)) break;
                r.commands.push_back(command(Cmd::Cut, m));
                i += len;
            } else if (op == 'W') {
                if (!need(4)) break;
                r.commands.push_back(command(Cmd::PrintWidth, b[i + 2] | (b[i + 3] << 8)));
                i += 4;
            } else if (op == '(' && need(5) && b[i + 2] == 'H') {
                const size_t len = b[i + 3] | (static_cast<size_t>(b[i + 4]) << 8);
                if (len != 6 || !need(5 + len) || b[i + 5] != 48 || b[i + 6] != 48) {
                    r.error = "bad GS ( H at byte " + std::to_string(i);
                    break;
                }
                Command cmd = command(Cmd::ProcessId);
                cmd.data.assign(b.begin() + static_cast<long>(i + 7), b.begin() + static_cast<long>(i + 11));
                r.commands.push_back(cmd);
                i += 11;
            } else if (op == '(') {
                if (!need(5) || b[i + 2] != 'k') {
                    r.error = "unknown GS ( at byte " + std::to_string(i);
                    break;
                }
                const size_t len = b[i + 3] | (static_cast<size_t>(b[i + 4]) << 8);
                if (!need(5 + len) || len < 2 || b[i + 5] != 49) {
                    r.error = "bad GS ( k at byte " + std::to_string(i);
                    break;
                }
                const int fn = b[i + 6];
                Command cmd;
                switch (fn) {
                    case 65: cmd.cmd = Cmd::QrModel; cmd.arg = b[i + 7]; break;
                    case 67: cmd.cmd = Cmd::QrModuleSize; cmd.arg = b[i + 7]; break;
                    case 69: cmd.cmd = Cmd::QrErrorLevel; cmd.arg = b[i + 7]; break;
                    case 80:
                        cmd.cmd = Cmd::QrStore;
                        cmd.data.assign(b.begin() + static_cast<long>(i + 8), b.begin() + static_cast<long>(i + 5 + len));
                        break;
                    case 81: cmd.cmd = Cmd::QrPrint; break;
                    default: r.error = "unknown QR function " + std::to_string(fn);
                }
                r.commands.push_back(cmd);
                i += 5 + len;
            } else if (op == 'v') {
                if (!need(8) || b[i + 2] != '0') {
                    r.error = "bad GS v at byte " + std::to_string(i);
                    break;
                }
                Command cmd = command(Cmd::Raster, b[i + 3]);
                cmd.width_bytes = b[i + 4] | (b[i + 5] << 8);
                cmd.height = b[i + 6] | (b[i + 7] << 8);
                const size_t n = static_cast<size_t>(cmd.width_bytes) * static_cast<size_t>(cmd.height);
                if (!need(8 + n)) break;
                cmd.data.assign(b.begin() + static_cast<long>(i + 8), b.begin() + static_cast<long>(i + 8 + n));
                r.commands.push_back(cmd);
                i += 8 + n;
            } else {
                r.error = "unknown GS " + std::to_string(op) + " at byte " + std::to_string(i);
            }
        } else if (c == 0x10) {
            if (!need(3) || b[i + 1] != 0x04) {
                r.error = "bad DLE at byte " + std::to_string(i);
                break;
            }
            r.commands.push_back(command(Cmd::StatusRequest, b[i + 2]));
            i += 3;
        } else if (c < 0x20 || c == 0x7F) {
            r.error = "stray control byte " + std::to_string(c) + " at byte " + std::to_string(i);
        } else {
            Command cmd = command(Cmd::Text);
            while (i < b.size() && b[i] >= 0x20 && b[i] != 0x7F) cmd.data += static_cast<char>(b[i++]);
            r.commands.push_back(cmd);
        }
    }
    return r;
}

std::string printed_text(const std::vector<Command>& commands) {
    std::string s;
    for (const Command& c : commands) {
        if (c.cmd == Cmd::Text) s += c.data;
        if (c.cmd == Cmd::LineFeed) s += '\n';
    }
    return s;
}

}  // namespace kiosk::test
