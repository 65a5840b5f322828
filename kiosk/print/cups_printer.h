// A CUPS queue through libcups: the slip goes as a PDF drawn by cairo at the paper width.
// The server is CUPS_SERVER (or client.conf); libcups keeps it per thread, so this backend is
// created and used on the print worker's thread only.
#pragma once

#include "printer.h"

#include <string>
#include <vector>

namespace kiosk {

// The queue's IPP attributes in plain words: media-empty/media-needed → PaperOut, cover-open →
// CoverOpen, stopped or not accepting or offline → Offline, media-low → PaperLow. (Pure; tested.)
[[nodiscard]] PrinterStatus cups_queue_status(const std::string& queue, int printer_state, bool accepting,
                                              const std::vector<std::string>& reasons,
                                              const std::string& state_message);

class CupsPrinter final : public Printer {
public:
    explicit CupsPrinter(std::string queue);
    [[nodiscard]] PrinterStatus query_status() override;
    // Submits only if the queue is idle/processing, accepting jobs and not out of media; then
    // waits for the job to complete and cancels it at `deadline`.
    [[nodiscard]] PrintReport print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) override;
    [[nodiscard]] std::string describe() const override;

private:
    std::string queue_;
};

}  // namespace kiosk
