#include "pin_lock.h"

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

bool is_usable_pin_hash(std::string_view hash) {
    if (hash.empty() || hash.find('\0') != std::string_view::npos) return false;
    const std::string h(hash);
    return crypt_checksalt(h.c_str()) == CRYPT_SALT_OK;
}

bool verify_pin(std::string_view pin, std::string_view hash) {
    // An empty hash must never match: crypt("", "") style edge cases are not a way in.
    if (pin.empty() || hash.empty() || hash.front() != '$') return false;
    const auto computed = run_crypt(pin, hash);
    if (!computed) return false;
    return constant_time_equal(*computed, hash);
}

PinLock::PinLock(const Clock& clock, std::string pin_hash, int max_attempts, std::chrono::duration<double> lockout)
    : clock_(clock),
      hash_(std::move(pin_hash)),
      max_attempts_(std::max(1, max_attempts)),
      // Clamped to a week so a mistyped lockout_seconds cannot overflow the clock arithmetic.
      lockout_(std::chrono::duration_cast<SteadyTime::duration>(
          std::clamp(lockout, std::chrono::duration<double>(0), std::chrono::duration<double>(7 * 24 * 3600)))) {}

PinLock::PinLock(const Clock& clock, const StaffConfig& config)
    : PinLock(clock, config.pin_hash, config.max_pin_attempts, std::chrono::duration<double>(config.lockout_seconds)) {}

void PinLock::expire_lockout_if_due() {
    if (locked_until_ && clock_.steady() >= *locked_until_) {
        locked_until_.reset();
        failures_ = 0;
    }
}

PinOutcome PinLock::try_pin(std::string_view pin) {
    if (!enabled()) return PinOutcome::Disabled;
    expire_lockout_if_due();
    if (locked_until_) return PinOutcome::LockedOut;
    if (verify_pin(pin, hash_)) {
        failures_ = 0;
        return PinOutcome::Accepted;
    }
    if (++failures_ >= max_attempts_) {
        locked_until_ = clock_.steady() + lockout_;
        return PinOutcome::LockedOut;
    }
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
