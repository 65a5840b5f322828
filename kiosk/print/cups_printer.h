// A CUPS queue through libcups: the slip goes as a PDF drawn by cairo at the paper width.
// The server is CUPS_SERVER (or client.conf); libcups keeps it per thread, so this backend is
// created and used on the print worker's thread only.
#pragma once

#include "printer.h"

#include <string>
#include <utility>
#include <vector>

namespace kiosk {

// The queue's IPP attributes in plain words: media-empty/media-needed → PaperOut, cover-open →
// CoverOpen, stopped or not accepting or offline → Offline, media-low → PaperLow. (Pure; tested.)
[[nodiscard]] PrinterStatus cups_queue_status(const std::string& queue, int printer_state, bool accepting,
                                              const std::vector<std::string>& reasons,
                                              const std::string& state_message);

// The job options that give the slip a page of its own size, from the queue's media-supported:
// PageSize=Custom.WxHmm when the queue takes custom sizes that fit it (a receipt printer's roll),
// else media=<the shortest fixed size of the paper's width that holds it>; print-scaling=none
// either way, so the slip is not blown up. Empty when neither fits (a raw queue lists no media
// and passes the PDF, already slip-sized, untouched; an office printer gets its default page).
// Not `media=custom_...`: cupsd 2.4 turns that into a size in whole points (79.7 mm), which an
// exactly-80 mm printer rejects. (Pure; tested.)
[[nodiscard]] std::vector<std::pair<std::string, std::string>> cups_page_options(
    int paper_width_mm, double slip_length_mm, const std::vector<std::string>& media_supported);

// The reasons to judge an IPP queue by. cupsd keeps the media and cover reasons its ipp backend
// saw during the last job until the next job runs, so after a paper-out it says "media-empty"
// for ever (and the kiosk would never submit again). The device's own reasons, when it
// answered, replace those; the queue's own (paused, offline, cups-*) stay. (Pure; tested.)
[[nodiscard]] std::vector<std::string> merge_device_reasons(const std::vector<std::string>& queue_reasons,
                                                            const std::vector<std::string>& device_reasons);

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
