// PIN hashing with the real libcrypt and the lockout over a fake clock.
#include "core/pin_lock.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

TEST(PinHash, TwoHashesOfOnePinDifferAndBothVerify) {
    const std::string a = hash_pin("2468");
    const std::string b = hash_pin("2468");
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty());
    EXPECT_NE(a, b) << "each hash must have its own random salt";
    EXPECT_EQ(a.rfind("$y$", 0), 0U) << "yescrypt expected: " << a;
    EXPECT_TRUE(verify_pin("2468", a));
    EXPECT_TRUE(verify_pin("2468", b));
    EXPECT_TRUE(is_usable_pin_hash(a));
}

TEST(PinHash, WrongPinFails) {
    const std::string h = hash_pin("13572468");
    EXPECT_FALSE(verify_pin("1357246", h));
    EXPECT_FALSE(verify_pin("13572469", h));
    EXPECT_FALSE(verify_pin("", h));
}

TEST(PinHash, Sha512HashesFromOtherToolsVerify) {
    // `openssl passwd -6 -salt saltsalt 4321`: staff may make the hash with another tool.
    const std::string h =
        "$6$saltsalt$yvP.xuNbteEHG7s4HLA15TvaepDAcrBHxvoonMeFdjuyW0hx7LTY0zTPCCQFggX4KNafQ4zn0CXlK1oKFyGNj1";
    EXPECT_TRUE(verify_pin("4321", h));
    EXPECT_FALSE(verify_pin("1234", h));
    EXPECT_FALSE(verify_pin("4321", h.substr(0, h.size() - 1))) << "a truncated hash must not match";
}

TEST(PinHash, GarbageHashFailsSafely) {
    for (const std::string& garbage : std::vector<std::string>{
             "", "*", "*0", "$", "$y$", "$y$j9T$", "$6$", "$6$short", "$1$", "$2b$05$abc",
             "plain-text-1234", "1234", std::string(1000, '$'), std::string("$6$a\0b", 6), "$y$j9T$$",
             "$9$unknown$method"}) {
        EXPECT_FALSE(verify_pin("1234", garbage)) << "hash '" << garbage << "' must never accept a PIN";
    }
    EXPECT_FALSE(is_usable_pin_hash(""));
    EXPECT_FALSE(is_usable_pin_hash("plain-text-1234"));
}

TEST(PinHash, OnlyFourToEightDigitsAreValidPins) {
    EXPECT_FALSE(validate_pin("1234"));
    EXPECT_FALSE(validate_pin("12345678"));
    EXPECT_TRUE(validate_pin("123"));
    EXPECT_TRUE(validate_pin("123456789"));
    EXPECT_TRUE(validate_pin("12a4"));
    EXPECT_TRUE(validate_pin("12 34"));
    EXPECT_TRUE(validate_pin("١٢٣٤"));   // Arabic-Indic digits are not ASCII digits
    EXPECT_EQ(hash_pin("123"), "") << "an invalid PIN is never hashed";
}

class PinLockTest : public ::testing::Test {
protected:
    FakeClock clock;
    std::string hash = hash_pin("2468");
    PinLock lock{clock, hash, 5, std::chrono::duration<double>(300)};
};

TEST_F(PinLockTest, FiveWrongPinsLockForFiveMinutes) {
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(lock.try_pin("0000"), PinOutcome::Rejected);
        EXPECT_EQ(lock.remaining_attempts(), 4 - i);
    }
    EXPECT_EQ(lock.try_pin("0000"), PinOutcome::LockedOut) << "the fifth wrong PIN locks";
    EXPECT_TRUE(lock.locked());
    EXPECT_EQ(lock.seconds_until_unlock(), 300);
    clock.advance(299s);
    EXPECT_TRUE(lock.locked());
    EXPECT_EQ(lock.seconds_until_unlock(), 1);
    EXPECT_EQ(lock.try_pin("2468"), PinOutcome::LockedOut) << "even the right PIN is refused while locked";
    clock.advance(1s);
    EXPECT_FALSE(lock.locked());
    EXPECT_EQ(lock.seconds_until_unlock(), 0);
    EXPECT_EQ(lock.remaining_attempts(), 5) << "a served lockout gives all attempts back";
    EXPECT_EQ(lock.try_pin("2468"), PinOutcome::Accepted);
}

TEST_F(PinLockTest, CorrectPinResetsTheCount) {
    EXPECT_EQ(lock.try_pin("1111"), PinOutcome::Rejected);
    EXPECT_EQ(lock.try_pin("2222"), PinOutcome::Rejected);
    EXPECT_EQ(lock.try_pin("3333"), PinOutcome::Rejected);
    EXPECT_EQ(lock.try_pin("2468"), PinOutcome::Accepted);
    EXPECT_EQ(lock.remaining_attempts(), 5);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(lock.try_pin("9999"), PinOutcome::Rejected);
    EXPECT_FALSE(lock.locked()) << "the count restarted after the correct PIN";
}

TEST(PinLock, EmptyHashDisablesThePanel) {
    FakeClock clock;
    PinLock lock(clock, StaffConfig{});
    EXPECT_FALSE(lock.enabled());
    EXPECT_EQ(lock.try_pin("1234"), PinOutcome::Disabled);
    EXPECT_EQ(lock.try_pin(""), PinOutcome::Disabled);
}

TEST(PinLock, TakesItsLimitsFromTheConfig) {
    FakeClock clock;
    StaffConfig config;
    config.pin_hash = hash_pin("1357");
    config.max_pin_attempts = 2;
    config.lockout_seconds = 60;
    PinLock lock(clock, config);
    EXPECT_EQ(lock.try_pin("0000"), PinOutcome::Rejected);
    EXPECT_EQ(lock.try_pin("0000"), PinOutcome::LockedOut);
    EXPECT_EQ(lock.seconds_until_unlock(), 60);
    clock.advance(60s);
    EXPECT_EQ(lock.try_pin("1357"), PinOutcome::Accepted);
}

}  // namespace
}  // namespace kiosk
