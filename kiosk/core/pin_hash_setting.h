// The [staff] pin_hash key checked when kiosk.toml is read, so a mistyped or truncated hash is
// reported as file:line (with how to make a good one) at start and by `kiosk check`, instead of
// silently counting the right PIN as wrong.
#pragma once

#include "toml_helpers.h"

namespace kiosk {

// Adds a warning naming pin_hash's line when it is set but not a usable hash (pin_lock.h). The
// value stays as written; PinLock treats such a hash as "not set up".
void check_pin_hash_setting(const toml_util::Context& ctx, const toml::table& staff);

}  // namespace kiosk
