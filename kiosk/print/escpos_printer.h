// ESC/POS backends: over TCP (AppSocket, two-way: real-time status before and after each slip,
// and GS ( H to learn that a slip really printed)
// and to a device file such as /dev/usb/lp0 (treated as one-way: it only tells us it exists).
#pragma once

#include "printer.h"

#include "core/escpos.h"

namespace kiosk {

class EscposTcpPrinter final : public Printer {
public:
    // `confirm_timeout`: how long to wait for the printer to say the slip printed (GS ( H); zero:
    // do not ask, and report every slip "sent, not confirmed".
    EscposTcpPrinter(std::string host, int port, EscposOptions options,
                     std::chrono::milliseconds status_timeout = kStatusTimeout,
                     std::chrono::milliseconds confirm_timeout = std::chrono::seconds(10));
    [[nodiscard]] PrinterStatus query_status() override;
    [[nodiscard]] PrintReport print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) override;
    [[nodiscard]] std::string describe() const override;

private:
    std::string host_;
    int port_;
    EscposOptions options_;
    std::chrono::milliseconds status_timeout_;
    std::chrono::milliseconds confirm_timeout_;
    std::uint16_t next_process_id_ = 1;
    // Set when a slip's GS ( H went unanswered while the printer still answered DLE EOT: a model
    // that ignores the command. Later slips wait only kUnconfirmingWait for it, so one patient, not
    // every patient, waits the whole confirm_timeout; an answer clears it again.
    bool ignores_confirmation_ = false;
};

// How long a printer that ignored GS ( H before is given to answer it (a real answer comes within
// a slip's printing time, ~1-2 s, on models that know the command).
inline constexpr std::chrono::milliseconds kUnconfirmingWait{2000};

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
