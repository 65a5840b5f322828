#include "printer_uri.h"

#include <charconv>

namespace kiosk {

namespace {

ParsedPrinterUri fail(std::string_view text, const std::string& why) {
    return {NoPrinterUri{}, "printer uri '" + std::string(text) + "': " + why +
                                " (use tcp://HOST:PORT, file:///dev/usb/lp0, cups://QUEUE or none)"};
}

}  // namespace

ParsedPrinterUri parse_printer_uri(std::string_view text) {
    if (text.empty() || text == "none") return {NoPrinterUri{}, {}};
    if (text.starts_with("tcp://")) {
        std::string_view rest = text.substr(6);
        while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
        std::string host;
        std::string_view port_text;
        if (rest.starts_with('[')) {  // [::1]:9100
            const auto close = rest.find(']');
            if (close == std::string_view::npos) return fail(text, "missing ']'");
            host = std::string(rest.substr(1, close - 1));
            rest.remove_prefix(close + 1);
            if (rest.starts_with(':')) port_text = rest.substr(1);
            else if (!rest.empty()) return fail(text, "unexpected text after the address");
        } else {
            const auto colon = rest.rfind(':');
            host = std::string(rest.substr(0, colon));
            if (colon != std::string_view::npos) port_text = rest.substr(colon + 1);
        }
        if (host.empty()) return fail(text, "no host name");
        int port = 9100;
        if (!port_text.empty()) {
            const auto r = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
            if (r.ec != std::errc{} || r.ptr != port_text.data() + port_text.size() || port < 1 || port > 65535) {
                return fail(text, "the port must be a number from 1 to 65535");
            }
        }
        return {TcpUri{host, port}, {}};
    }
    if (text.starts_with("file://")) {
        const std::string_view path = text.substr(7);
        if (!path.starts_with('/')) return fail(text, "the path must be absolute, e.g. file:///dev/usb/lp0");
        return {FileUri{std::string(path)}, {}};
    }
    if (text.starts_with("cups://")) {
        std::string_view queue = text.substr(7);
        while (!queue.empty() && queue.back() == '/') queue.remove_suffix(1);
        if (queue.empty()) return fail(text, "no queue name");
        for (const char c : queue) {
            // CUPS queue names: printable, no space, '/', '#' or quote.
            if (c <= ' ' || c == '/' || c == '#' || c == '\'' || c == '"' || c == 0x7F) {
                return fail(text, "a CUPS queue name cannot contain spaces, '/', '#' or quotes");
            }
        }
        return {CupsUri{std::string(queue)}, {}};
    }
    return fail(text, "unknown kind of printer");
}

std::string printer_kind(std::string_view uri) {
    const ParsedPrinterUri parsed = parse_printer_uri(uri);
    if (!parsed.ok()) return {};
    if (const auto* tcp = std::get_if<TcpUri>(&parsed.uri))
        return "receipt printer at " + tcp->host + ":" + std::to_string(tcp->port);
    if (const auto* file = std::get_if<FileUri>(&parsed.uri)) return "receipt printer on " + file->path;
    if (const auto* cups = std::get_if<CupsUri>(&parsed.uri)) return "CUPS queue '" + cups->queue + "'";
    return {};
}

}  // namespace kiosk
