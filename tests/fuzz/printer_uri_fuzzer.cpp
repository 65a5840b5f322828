// The [printer] uri setting. An accepted URI must be one the backends can use as given.
#include "fuzz_input.h"
#include "print/printer_uri.h"

#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = kiosk::fuzz::text_of(data, size);
    const kiosk::ParsedPrinterUri r = kiosk::parse_printer_uri(text);
    if (!r.ok()) return 0;
    if (const auto* tcp = std::get_if<kiosk::TcpUri>(&r.uri)) {
        kiosk::fuzz::require(!tcp->host.empty(), "a TCP printer has a host");
        kiosk::fuzz::require(tcp->port >= 1 && tcp->port <= 65535, "a TCP port is in range");
    } else if (const auto* file = std::get_if<kiosk::FileUri>(&r.uri)) {
        kiosk::fuzz::require(!file->path.empty() && file->path.front() == '/', "a device path is absolute");
    } else if (const auto* cups = std::get_if<kiosk::CupsUri>(&r.uri)) {
        kiosk::fuzz::require(!cups->queue.empty(), "a CUPS queue has a name");
    }
    return 0;
}
