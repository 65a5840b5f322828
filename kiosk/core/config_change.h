// What a kiosk.toml reload means for the running kiosk: which parts must be rebuilt or told,
// decided from the old and new settings alone, so the rules are tested without a window.
#pragma once

#include "config.h"

namespace kiosk {

struct ConfigChange {
    bool fonts = false;      // [theme] font_family: open the new family
    bool layout = false;     // [display] rotate: the layout's size and the touch mapping
    bool player = false;     // [player]: new timings from the next slide on
    bool deck = false;       // slides fill in the clinic's details and reading times: reload them
    bool printer = false;    // [printer]: a new print worker (connection, queue, status)
    bool staff = false;      // [staff] PIN and lockout, or the staff flow's timeout and corner
    bool usage_log = false;  // [staff] stats_file
    [[nodiscard]] bool any() const { return fonts || layout || player || deck || printer || staff || usage_log; }
};

// The painter, the UI layer and the patient panel are always rebuilt (they are cheap, and they
// hold the snapshot itself); everything listed here only when its settings changed.
[[nodiscard]] ConfigChange config_change(const KioskConfig& before, const KioskConfig& after);

}  // namespace kiosk
