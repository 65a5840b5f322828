// What a patient asked to be printed. The slip's layout is composed from this by slip.cpp.
// A desk slip carries a patient's name and number: it lives only in memory, is never logged or
// written to disk, and its holder wipes it (see wipe()) as soon as the job is handed over.
#pragma once

#include "clock.h"

#include <cstdint>
#include <string>

namespace kiosk {

enum class SlipKind { TakeAway, Desk };

struct SlipRequest {
    SlipKind kind = SlipKind::TakeAway;
    std::string topic;          // title of the slide the patient was reading
    std::string patient_name;   // Desk only, optional
    std::string patient_phone;  // Desk only, validated
    WallTime when{};
    std::uint32_t slip_number = 0;

    // Overwrites the personal fields' bytes before clearing them.
    void wipe();
};

}  // namespace kiosk
