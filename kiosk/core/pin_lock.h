// The staff PIN: salted hashing with libcrypt (yescrypt), verification, and the lockout that
// makes guessing a 4-digit PIN at the kiosk impractical (5 tries, then 5 minutes of nothing).
#pragma once

#include "clock.h"
#include "config.h"

#include <chrono>
#include <filesystem>
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

// nullopt when `hash` is a complete hash libcrypt can check a PIN against (what `kiosk hash-pin`
// prints: yescrypt "$y$...", or sha512-crypt "$6$..."), else what is wrong with it in words. A
// mistyped or truncated pin_hash would otherwise count the right PIN as wrong and lock staff out.
[[nodiscard]] std::optional<std::string> pin_hash_problem(std::string_view hash);
[[nodiscard]] inline bool is_usable_pin_hash(std::string_view hash) { return !pin_hash_problem(hash); }
// What staff should do about a bad pin_hash, for messages next to pin_hash_problem().
inline constexpr std::string_view kPinHashHint =
    "Run `kiosk hash-pin` and put the pin_hash line it prints under [staff] in kiosk.toml, then restart the "
    "kiosk; until then the staff panel is off";

// Re-hashes `pin` with the salt inside `hash` and compares in constant time. Any malformed,
// empty or unsupported hash gives false, never a crash.
[[nodiscard]] bool verify_pin(std::string_view pin, std::string_view hash);

enum class PinOutcome {
    Accepted,
    Rejected,    // wrong PIN; remaining_attempts() says how many are left
    LockedOut,   // too many wrong PINs; nothing is checked until seconds_until_unlock() is 0
    Disabled,    // no usable pin_hash configured: the staff panel is off
};

// Counts wrong PINs over the injected clock. Not thread-safe: owned by the UI thread.
// Note verify costs one yescrypt hash (tens of ms), which is fine on an OK press.
// With a state file, the count and the lockout's end (wall time) are saved on every change and
// read back at construction, so a restart does not reset them; a missing or unreadable file
// means "not locked" (start_note() says why, for the log).
class PinLock {
public:
    PinLock(const Clock& clock, std::string pin_hash, int max_attempts, std::chrono::duration<double> lockout,
            std::filesystem::path state_file = {});
    PinLock(const Clock& clock, const StaffConfig& config);
    // Persisted in pin_lockout_file(state_dir).
    PinLock(const Clock& clock, const StaffConfig& config, const std::filesystem::path& state_dir);

    // False without a usable hash (none, or a malformed one): the staff panel is off.
    [[nodiscard]] bool enabled() const { return usable_; }
    // A pin_hash was set but is not usable: the panel says it is not set up, rather than nothing.
    [[nodiscard]] bool misconfigured() const { return !hash_.empty() && !usable_; }
    [[nodiscard]] PinOutcome try_pin(std::string_view pin);
    [[nodiscard]] bool locked() const;
    [[nodiscard]] int remaining_attempts() const;
    // Whole seconds, rounded up so the panel never shows "0 s" while still locked.
    [[nodiscard]] int seconds_until_unlock() const;

    // What happened to the saved state at start ("restored: locked out for 212 s more", "no saved
    // lockout state in ...: not locked"); empty without a state file or a usable hash.
    [[nodiscard]] const std::string& start_note() const { return start_note_; }
    // Empty, or why the state could not be saved the last time it changed.
    [[nodiscard]] const std::string& save_error() const { return save_error_; }

private:
    void expire_lockout_if_due();
    void restore();
    void save();

    const Clock& clock_;
    std::string hash_;
    bool usable_ = false;
    std::filesystem::path state_file_;
    std::string start_note_;
    std::string save_error_;
    int max_attempts_;
    SteadyTime::duration lockout_;
    int failures_ = 0;
    std::optional<SteadyTime> locked_until_;
};

}  // namespace kiosk
