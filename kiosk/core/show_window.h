// When a slide may appear: an optional date range, days of the week and a daily time range,
// as written in a slide's [show] table. The player asks allows() each time it picks a slide.
#pragma once

#include "clock.h"

#include <cstdint>
#include <optional>

namespace kiosk {

struct CivilDate {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

struct ShowWindow {
    std::optional<CivilDate> from;     // inclusive
    std::optional<CivilDate> until;    // inclusive
    std::uint8_t days = 0x7F;          // bit 0 = Sunday .. bit 6 = Saturday
    int start_minute = 0;              // minutes after midnight, inclusive
    int end_minute = 24 * 60;          // exclusive; end < start means the range crosses midnight

    [[nodiscard]] bool allows(const LocalTime& t) const;
    [[nodiscard]] bool always() const {
        return !from && !until && days == 0x7F && start_minute == 0 && end_minute == 24 * 60;
    }
};

}  // namespace kiosk
