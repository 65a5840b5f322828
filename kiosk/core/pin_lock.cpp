#include "pin_lock.h"

#include "pin_lockout_state.h"

#include <crypt.h>
#include <string.h>  // explicit_bzero

#include <algorithm>
#include <cmath>
#include <memory>

namespace kiosk {
namespace {

// crypt_data is ~32 KB and holds the PIN while hashing: keep it off the stack and wipe it after.
struct CryptScratch {
    std::unique_ptr<crypt_data> data = std::make_unique<crypt_data>();  // zeroed, as crypt_rn wants
    CryptScratch() = default;
    CryptScratch(const CryptScratch&) = delete;
    CryptScratch& operator=(const CryptScratch&) = delete;
    ~CryptScratch() { explicit_bzero(data.get(), sizeof(crypt_data)); }
};

// Time depends only on the lengths, which are public (the hash format fixes them).
bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
    }
    return diff == 0;
}

// Runs crypt_rn; nullopt on any failure, including libcrypt's "*0"/"*1" failure tokens.
std::optional<std::string> run_crypt(std::string_view pin, std::string_view setting) {
    // crypt wants NUL-terminated strings; an embedded NUL would silently shorten the phrase.
    if (pin.find('\0') != std::string_view::npos || setting.find('\0') != std::string_view::npos) return std::nullopt;
    if (setting.size() >= CRYPT_OUTPUT_SIZE) return std::nullopt;
    CryptScratch scratch;
    std::string phrase(pin);
    const std::string salt(setting);
    const char* out = crypt_rn(phrase.c_str(), salt.c_str(), scratch.data.get(), sizeof(crypt_data));
    explicit_bzero(phrase.data(), phrase.size());
    if (out == nullptr || out[0] == '*' || out[0] == '\0') return std::nullopt;
    return std::string(out);
}

}  // namespace

std::optional<std::string> validate_pin(std::string_view pin) {
    if (pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits) {
        return "the PIN must have 4 to 8 digits (it has " + std::to_string(pin.size()) + " characters)";
    }
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return "the PIN may contain only the digits 0-9";
    }
    return std::nullopt;
}

std::string hash_pin(std::string_view pin) {
    if (validate_pin(pin)) return {};
    char setting[CRYPT_GENSALT_OUTPUT_SIZE] = {};
    // NULL random bytes: libcrypt draws the salt from getentropy itself. Count 0 = its default cost.
    if (crypt_gensalt_rn("$y$", 0, nullptr, 0, setting, sizeof setting) == nullptr || setting[0] == '*') {
        // yescrypt missing from an old libcrypt: sha512-crypt is still far better than nothing.
        if (crypt_gensalt_rn("$6$", 0, nullptr, 0, setting, sizeof setting) == nullptr || setting[0] == '*') return {};
    }
    return run_crypt(pin, setting).value_or(std::string{});
}

std::optional<std::string> pin_hash_problem(std::string_view hash) {
    if (hash.empty()) return "pin_hash is empty";
    const bool printable = std::all_of(hash.begin(), hash.end(), [](char c) { return c > ' ' && c < 127; });
    if (!printable) return "pin_hash contains spaces or characters a hash never has";
    if (hash.substr(0, 3) != "$y$" && hash.substr(0, 3) != "$6$") {
        return "pin_hash does not start with $y$ (yescrypt) or $6$ (sha512-crypt), so it is not a hash from "
               "`kiosk hash-pin`";
    }
    const std::string h(hash);
    if (crypt_checksalt(h.c_str()) != CRYPT_SALT_OK) return "libcrypt does not accept pin_hash's parameters";
    // Hashing any PIN with this hash as the setting must give a result of the same shape: same
    // parameters and salt, a hash part of the same length. A truncated paste, or a "$..." part a
    // shell swallowed, fails here instead of at the staff member's first try.
    const auto probe = run_crypt("0000", hash);
    const size_t last = hash.rfind('$');
    if (!probe || probe->size() != hash.size() || probe->compare(0, last + 1, hash.substr(0, last + 1)) != 0) {
        return "pin_hash is incomplete or damaged (" + std::to_string(hash.size()) +
               " characters; a hash from `kiosk hash-pin` is " +
               (probe ? std::to_string(probe->size()) : std::string("longer")) + ")";
    }
    return std::nullopt;
}

bool verify_pin(std::string_view pin, std::string_view hash) {
    // An empty hash must never match: crypt("", "") style edge cases are not a way in.
    if (pin.empty() || hash.empty() || hash.front() != '$') return false;
    const auto computed = run_crypt(pin, hash);
    if (!computed) return false;
    return constant_time_equal(*computed, hash);
}

PinLock::PinLock(const Clock& clock, std::string pin_hash, int max_attempts, std::chrono::duration<double> lockout,
                 std::filesystem::path state_file)
    : clock_(clock),
      hash_(std::move(pin_hash)),
      usable_(is_usable_pin_hash(hash_)),
      state_file_(std::move(state_file)),
      max_attempts_(std::max(1, max_attempts)),
      // Clamped to a week so a mistyped lockout_seconds cannot overflow the clock arithmetic.
      lockout_(std::chrono::duration_cast<SteadyTime::duration>(
          std::clamp(lockout, std::chrono::duration<double>(0), std::chrono::duration<double>(7 * 24 * 3600)))) {
    if (usable_ && !state_file_.empty()) restore();
}

PinLock::PinLock(const Clock& clock, const StaffConfig& config)
    : PinLock(clock, config.pin_hash, config.max_pin_attempts, std::chrono::duration<double>(config.lockout_seconds)) {}

PinLock::PinLock(const Clock& clock, const StaffConfig& config, const std::filesystem::path& state_dir)
    : PinLock(clock, config.pin_hash, config.max_pin_attempts, std::chrono::duration<double>(config.lockout_seconds),
              pin_lockout_file(state_dir)) {}

void PinLock::restore() {
    const LoadedLockoutState loaded = load_pin_lockout(state_file_);
    if (!loaded.problem.empty()) {
        start_note_ = loaded.problem + ": the staff PIN is not locked";
        return;
    }
    failures_ = std::clamp(loaded.state.failures, 0, max_attempts_ - 1);
    if (loaded.state.locked_until) {
        // A wall clock set back (or a lockout_seconds made shorter) must not lock staff out for
        // longer than one lockout from now.
        const auto left = std::min(std::chrono::duration_cast<SteadyTime::duration>(*loaded.state.locked_until - clock_.wall()), lockout_);
        if (left > SteadyTime::duration::zero()) {
            locked_until_ = clock_.steady() + left;
            failures_ = max_attempts_;
            start_note_ = "restored from " + state_file_.string() + ": the staff PIN stays locked for " +
                          std::to_string(seconds_until_unlock()) + " s more";
            return;
        }
        failures_ = 0;  // the lockout ran out while the kiosk was off
    }
    start_note_ = "restored from " + state_file_.string() + ": " + std::to_string(failures_) + " wrong PIN(s), not locked";
}

void PinLock::save() {
    if (state_file_.empty()) return;
    PinLockoutState state;
    state.failures = failures_;
    if (locked_until_) {
        state.locked_until = clock_.wall() + std::chrono::duration_cast<WallTime::duration>(*locked_until_ - clock_.steady());
    }
    save_error_ = save_pin_lockout(state_file_, state);
}

void PinLock::expire_lockout_if_due() {
    if (locked_until_ && clock_.steady() >= *locked_until_) {
        locked_until_.reset();
        failures_ = 0;
        save();
    }
}

PinOutcome PinLock::try_pin(std::string_view pin) {
    if (!enabled()) return PinOutcome::Disabled;
    expire_lockout_if_due();
    if (locked_until_) return PinOutcome::LockedOut;
    if (verify_pin(pin, hash_)) {
        if (failures_ != 0) {
            failures_ = 0;
            save();
        }
        return PinOutcome::Accepted;
    }
    if (++failures_ >= max_attempts_) {
        locked_until_ = clock_.steady() + lockout_;
        save();
        return PinOutcome::LockedOut;
    }
    save();
    return PinOutcome::Rejected;
}

bool PinLock::locked() const { return locked_until_ && clock_.steady() < *locked_until_; }

int PinLock::remaining_attempts() const {
    if (locked()) return 0;
    if (locked_until_) return max_attempts_;  // the lockout has run out; try_pin will reset the count
    return max_attempts_ - failures_;
}

int PinLock::seconds_until_unlock() const {
    if (!locked()) return 0;
    const std::chrono::duration<double> left = *locked_until_ - clock_.steady();
    return static_cast<int>(std::ceil(left.count()));
}

}  // namespace kiosk
