// The staff PIN: salted hashing with libcrypt (yescrypt), verification, and the lockout that
// makes guessing a 4-digit PIN at the kiosk impractical (5 tries, then 5 minutes of nothing).
#pragma once

#include "clock.h"
#include "config.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 8;

// nullopt when `pin` is 4–8 ASCII digits, else a sentence saying what is wrong.
[[nodiscard]] std::optional<std::string> validate_pin(std::string_view pin);

// A fresh yescrypt ("$y$") hash with a random salt from getentropy, so two hashes of one PIN
// differ. Empty when the PIN is not valid (see validate_pin) or libcrypt fails.
[[nodiscard]] std::string hash_pin(std::string_view pin);

// Whether `hash` is a setting libcrypt accepts and considers current (yescrypt, sha512, ...).
// For a start-up warning: a mistyped pin_hash silently locks staff out otherwise.
[[nodiscard]] bool is_usable_pin_hash(std::string_view hash);

// Re-hashes `pin` with the salt inside `hash` and compares in constant time. Any malformed,
// empty or unsupported hash gives false, never a crash.
[[nodiscard]] bool verify_pin(std::string_view pin, std::string_view hash);

enum class PinOutcome {
    Accepted,
    Rejected,    // wrong PIN; remaining_attempts() says how many are left
    LockedOut,   // too many wrong PINs; nothing is checked until seconds_until_unlock() is 0
    Disabled,    // no pin_hash configured: the staff panel is off
};

// Counts wrong PINs over the injected clock. Not thread-safe: owned by the UI thread.
// Note verify costs one yescrypt hash (tens of ms), which is fine on an OK press.
class PinLock {
public:
    PinLock(const Clock& clock, std::string pin_hash, int max_attempts, std::chrono::duration<double> lockout);
    PinLock(const Clock& clock, const StaffConfig& config);

    [[nodiscard]] bool enabled() const { return !hash_.empty(); }
    [[nodiscard]] PinOutcome try_pin(std::string_view pin);
    [[nodiscard]] bool locked() const;
    [[nodiscard]] int remaining_attempts() const;
    // Whole seconds, rounded up so the panel never shows "0 s" while still locked.
    [[nodiscard]] int seconds_until_unlock() const;

private:
    void expire_lockout_if_due();

    const Clock& clock_;
    std::string hash_;
    int max_attempts_;
    SteadyTime::duration lockout_;
    int failures_ = 0;
    std::optional<SteadyTime> locked_until_;
};

}  // namespace kiosk
