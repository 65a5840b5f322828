// The [printer] uri setting, parsed: which backend and where. Kept apart from the backends so
// `kiosk check` and tests can validate a URI without touching a printer.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace kiosk {

struct NoPrinterUri {};
struct TcpUri {          // tcp://HOST:PORT, ESC/POS over AppSocket (usually port 9100)
    std::string host;
    int port = 9100;
};
struct FileUri {         // file:///dev/usb/lp0, ESC/POS written to a device file
    std::string path;
};
struct CupsUri {         // cups://QUEUE, a PDF sent to a CUPS queue (server from CUPS_SERVER)
    std::string queue;
};

using PrinterUri = std::variant<NoPrinterUri, TcpUri, FileUri, CupsUri>;

struct ParsedPrinterUri {
    PrinterUri uri;
    std::string error;  // non-empty: what is wrong, in words a staff member can act on
    [[nodiscard]] bool ok() const { return error.empty(); }
};

[[nodiscard]] ParsedPrinterUri parse_printer_uri(std::string_view text);

// What kind of printer `uri` names, in words for front-desk staff: "receipt printer at
// 192.168.1.50:9100", "receipt printer on /dev/usb/lp0", "CUPS queue 'desk'"; "" for none or a bad
// URI (whose error is reported elsewhere).
[[nodiscard]] std::string printer_kind(std::string_view uri);

}  // namespace kiosk
