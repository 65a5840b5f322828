// The staff PIN lockout as a file in the state folder, so restarting the kiosk (or pulling its
// plug) does not hand a PIN guesser five fresh tries. Wall time, since the steady clock restarts
// at boot. Written atomically (temporary file, then rename): a crash leaves the old or the new one.
#pragma once

#include "clock.h"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

struct PinLockoutState {
    int failures = 0;                      // wrong PINs since the last right one
    std::optional<WallTime> locked_until;  // set while locked out
    friend bool operator==(const PinLockoutState&, const PinLockoutState&) = default;
};

struct LoadedLockoutState {
    PinLockoutState state;  // "not locked" unless read from a good file
    std::string problem;    // empty when the file was read; else why it was not (missing, corrupt)
};

// <state_dir>/pin-lockout
[[nodiscard]] std::filesystem::path pin_lockout_file(const std::filesystem::path& state_dir);

[[nodiscard]] LoadedLockoutState load_pin_lockout(const std::filesystem::path& file);
// Empty on success, else what went wrong (the folder is created if missing).
[[nodiscard]] std::string save_pin_lockout(const std::filesystem::path& file, const PinLockoutState& state);

}  // namespace kiosk
