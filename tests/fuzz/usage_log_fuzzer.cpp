// The usage log as a power cut, a full disk or a hand edit may leave it.
#include "core/usage_log.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = kiosk::fuzz::text_of(data, size);
    const kiosk::UsageReport all = kiosk::parse_usage_log(text);
    kiosk::fuzz::require(all.skipped_lines >= 0, "skipped lines are counted up");
    for (const auto& [date, totals] : all.days) {
        for (const int n : totals.counts) kiosk::fuzz::require(n >= 0, "counts never go negative");
        (void)date.to_string();
    }
    const kiosk::UsageReport recent = kiosk::parse_usage_log(text, kiosk::LocalDate{2026, 11, 1});
    kiosk::fuzz::require(recent.days.size() <= all.days.size(), "a later start keeps no more days");
    return 0;
}
