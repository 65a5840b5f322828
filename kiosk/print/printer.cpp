#include "printer.h"

#include "cups_printer.h"
#include "escpos_printer.h"
#include "printer_uri.h"

#include "core/wiping_allocator.h"

#include <utility>

namespace kiosk {

namespace {

// uri = "none": the kiosk offers "Show the number" only; any job that still arrives is answered.
class NoPrinter final : public Printer {
public:
    PrinterStatus query_status() override { return status_now(PrinterState::None, "no printer configured"); }
    PrintReport print(const SlipLayout&, SteadyTime, std::stop_token) override {
        return {JobOutcome::NoPrinter, "no printer configured", query_status()};
    }
    std::string describe() const override { return "no printer"; }
};

// Every backend is wrapped in this: the frames a slip's text went through while being encoded
// and sent (short strings live on the stack) are overwritten as soon as print() returns, since
// the print thread then sleeps with its stack as it was.
class StackWipingPrinter final : public Printer {
public:
    explicit StackWipingPrinter(std::unique_ptr<Printer> inner) : inner_(std::move(inner)) {}
    PrinterStatus query_status() override { return inner_->query_status(); }
    PrintReport print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) override {
        PrintReport report = inner_->print(slip, deadline, std::move(stop));
        burn_stack();
        return report;
    }
    std::string describe() const override { return inner_->describe(); }

private:
    std::unique_ptr<Printer> inner_;
};

MadePrinter wiping(MadePrinter made) {
    if (made.printer) made.printer = std::make_unique<StackWipingPrinter>(std::move(made.printer));
    return made;
}

MadePrinter make_backend(const PrinterConfig& config) {
    ParsedPrinterUri parsed = parse_printer_uri(config.uri);
    if (!parsed.ok()) return {nullptr, parsed.error};
    if (std::holds_alternative<NoPrinterUri>(parsed.uri)) return {std::make_unique<NoPrinter>(), {}};
    if (const auto* cups = std::get_if<CupsUri>(&parsed.uri)) return {std::make_unique<CupsPrinter>(cups->queue), {}};

    const auto codepage = parse_codepage(config.codepage);
    if (!codepage) return {nullptr, "printer codepage '" + config.codepage + "' is not supported (use cp858 or cp437)"};
    const EscposOptions options{*codepage, config.raster_qr};
    if (const auto* tcp = std::get_if<TcpUri>(&parsed.uri)) {
        const auto confirm = std::chrono::milliseconds(static_cast<long long>(config.confirm_seconds * 1000));
        return {std::make_unique<EscposTcpPrinter>(tcp->host, tcp->port, options, kStatusTimeout, confirm), {}};
    }
    const auto& file = std::get<FileUri>(parsed.uri);
    return {std::make_unique<EscposDevicePrinter>(file.path, options), {}};
}

}  // namespace

PrinterStatus status_now(PrinterState state, std::string detail) {
    PrinterStatus s;
    s.state = state;
    s.detail = std::move(detail);
    s.checked_at = std::chrono::system_clock::now();
    return s;
}

MadePrinter make_printer(const PrinterConfig& config) { return wiping(make_backend(config)); }

}  // namespace kiosk
