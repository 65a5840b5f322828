// ESC/POS backends: over TCP (AppSocket, two-way: real-time status before and after each slip)
// and to a device file such as /dev/usb/lp0 (treated as one-way: it only tells us it exists).
#pragma once

#include "printer.h"

#include "core/escpos.h"

namespace kiosk {

class EscposTcpPrinter final : public Printer {
public:
    EscposTcpPrinter(std::string host, int port, EscposOptions options,
                     std::chrono::milliseconds status_timeout = kStatusTimeout);
    [[nodiscard]] PrinterStatus query_status() override;
    [[nodiscard]] PrintReport print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) override;
    [[nodiscard]] std::string describe() const override;

private:
    std::string host_;
    int port_;
    EscposOptions options_;
    std::chrono::milliseconds status_timeout_;
};

class EscposDevicePrinter final : public Printer {
public:
    EscposDevicePrinter(std::string path, EscposOptions options);
    [[nodiscard]] PrinterStatus query_status() override;
    [[nodiscard]] PrintReport print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) override;
    [[nodiscard]] std::string describe() const override;

private:
    std::string path_;
    EscposOptions options_;
};

}  // namespace kiosk
