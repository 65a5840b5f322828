// The staff PIN's hash check and its lockout surviving a restart: a new PinLock reading the same
// state folder (real files in a temp folder), driven by FakeClock.
#include "core/pin_lockout_state.h"
#include "core/pin_lock.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const std::string& good_hash() {
    static const std::string h = hash_pin("2468");
    return h;
}

StaffConfig staff(const std::string& hash) {
    StaffConfig c;
    c.pin_hash = hash;
    c.max_pin_attempts = 5;
    c.lockout_seconds = 300;
    return c;
}

// 2026-12-01 09:00 UTC: a wall clock that is not the epoch, as on a real kiosk.
WallTime morning() {
    return WallTime(std::chrono::seconds(1796115600));
}

}  // namespace

TEST(PinHashCheck, AcceptsWhatHashPinMakes) {
    EXPECT_EQ(pin_hash_problem(good_hash()), std::nullopt) << good_hash();
    EXPECT_TRUE(is_usable_pin_hash(good_hash()));
}

TEST(PinHashCheck, NamesWhatIsWrongWithAMalformedHash) {
    const std::string& h = good_hash();
    ASSERT_EQ(h.substr(0, 3), "$y$");
    const std::vector<std::string> bad = {
        "2468",                                // the PIN itself pasted instead of its hash
        h.substr(0, h.size() - 5),             // truncated paste
        h.substr(0, h.rfind('$') + 1),         // the hash part lost
        "$y$" + h.substr(h.find('$', 3)),      // parameters swallowed by a shell ("$j9T" expanded)
        h + "x",                               // one character too many
        " " + h,                               // a stray space
        "$1$abcdefgh$abcdefghijklmnopqrstuv",  // md5-crypt: weak, and not what hash-pin makes
        "$y$j9T$",
    };
    for (const std::string& b : bad) {
        const auto problem = pin_hash_problem(b);
        EXPECT_TRUE(problem.has_value()) << "accepted a malformed hash: '" << b << "'";
        EXPECT_FALSE(is_usable_pin_hash(b)) << b;
    }
    EXPECT_NE(pin_hash_problem("2468")->find("$y$"), std::string::npos) << *pin_hash_problem("2468");
}

TEST(PinHashCheck, AMalformedHashMeansNotSetUpInsteadOfWrongPins) {
    FakeClock clock(morning());
    const std::string& h = good_hash();
    PinLock lock(clock, staff(h.substr(0, h.size() - 3)));
    EXPECT_FALSE(lock.enabled()) << "the staff panel must be off, not counting the right PIN as wrong";
    for (int i = 0; i < 6; ++i) EXPECT_EQ(lock.try_pin("2468"), PinOutcome::Disabled);
    EXPECT_FALSE(lock.locked()) << "a bad hash must never lead to a lockout";
}

TEST(PinLockout, SurvivesARestart) {
    test::TempDir dir("kiosk-pinstate");
    FakeClock clock(morning());
    {
        PinLock lock(clock, staff(good_hash()), dir.path());
        for (int i = 0; i < 4; ++i) ASSERT_EQ(lock.try_pin("0000"), PinOutcome::Rejected);
        ASSERT_EQ(lock.try_pin("0000"), PinOutcome::LockedOut);
        ASSERT_TRUE(lock.save_error().empty()) << lock.save_error();
    }
    ASSERT_TRUE(std::filesystem::exists(pin_lockout_file(dir.path())));
    clock.advance(100s);  // the kiosk restarts 100 s into the lockout
    PinLock again(clock, staff(good_hash()), dir.path());
    EXPECT_TRUE(again.locked()) << "a restart must not end the lockout: " << again.start_note();
    EXPECT_NEAR(again.seconds_until_unlock(), 200, 1);
    EXPECT_EQ(again.try_pin("2468"), PinOutcome::LockedOut) << "even the right PIN waits for the lockout";
    EXPECT_NE(again.start_note().find("locked"), std::string::npos) << again.start_note();
    clock.advance(201s);
    EXPECT_FALSE(again.locked());
    EXPECT_EQ(again.try_pin("2468"), PinOutcome::Accepted);

    PinLock third(clock, staff(good_hash()), dir.path());
    EXPECT_FALSE(third.locked()) << "the served lockout was saved as over";
    EXPECT_EQ(third.remaining_attempts(), 5);
}

TEST(PinLockout, WrongPinsCountAcrossARestart) {
    test::TempDir dir("kiosk-pinstate");
    FakeClock clock(morning());
    {
        PinLock lock(clock, staff(good_hash()), dir.path());
        for (int i = 0; i < 3; ++i) ASSERT_EQ(lock.try_pin("0000"), PinOutcome::Rejected);
    }
    PinLock again(clock, staff(good_hash()), dir.path());
    EXPECT_EQ(again.remaining_attempts(), 2) << again.start_note();
    EXPECT_EQ(again.try_pin("1111"), PinOutcome::Rejected);
    EXPECT_EQ(again.try_pin("1111"), PinOutcome::LockedOut) << "restarting gave no fresh tries";
}

TEST(PinLockout, ALockoutThatRanOutWhileOffIsOver) {
    test::TempDir dir("kiosk-pinstate");
    FakeClock clock(morning());
    {
        PinLock lock(clock, staff(good_hash()), dir.path());
        for (int i = 0; i < 5; ++i) (void)lock.try_pin("0000");
        ASSERT_TRUE(lock.locked());
    }
    clock.advance(301s);
    PinLock again(clock, staff(good_hash()), dir.path());
    EXPECT_FALSE(again.locked());
    EXPECT_EQ(again.remaining_attempts(), 5);
}

TEST(PinLockout, AClockSetBackCannotLockForLongerThanOneLockout) {
    test::TempDir dir("kiosk-pinstate");
    // A file claiming a lockout until next year (a wrong clock when it was written).
    std::ofstream(pin_lockout_file(dir.path()))
        << "failures = 5\nlocked_until = "
        << std::chrono::duration_cast<std::chrono::seconds>((morning() + 24h * 365).time_since_epoch()).count() << "\n";
    FakeClock clock(morning());
    PinLock lock(clock, staff(good_hash()), dir.path());
    EXPECT_TRUE(lock.locked());
    EXPECT_LE(lock.seconds_until_unlock(), 300);
}

TEST(PinLockout, AMissingOrCorruptFileMeansNotLockedAndSaysSo) {
    test::TempDir dir("kiosk-pinstate");
    FakeClock clock(morning());
    PinLock fresh(clock, staff(good_hash()), dir.path());
    EXPECT_FALSE(fresh.locked());
    EXPECT_EQ(fresh.remaining_attempts(), 5);
    EXPECT_NE(fresh.start_note().find("not locked"), std::string::npos) << fresh.start_note();

    for (const std::string garbage : {"failures = lots\nlocked_until = 0\n", "\x01\x02\x03", "failures = 2\n"}) {
        std::ofstream(pin_lockout_file(dir.path()), std::ios::trunc) << garbage;
        PinLock lock(clock, staff(good_hash()), dir.path());
        EXPECT_FALSE(lock.locked()) << garbage;
        EXPECT_EQ(lock.remaining_attempts(), 5) << garbage;
        EXPECT_NE(lock.start_note().find("not locked"), std::string::npos) << lock.start_note();
        EXPECT_NE(lock.start_note().find("pin-lockout"), std::string::npos) << lock.start_note();
    }
}

TEST(PinLockout, IsWrittenAtomicallyWithNoTemporaryLeftBehind) {
    test::TempDir dir("kiosk-pinstate");
    const auto file = pin_lockout_file(dir.path() / "new-folder");
    PinLockoutState s;
    s.failures = 2;
    s.locked_until = morning();
    ASSERT_EQ(save_pin_lockout(file, s), "");
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".tmp"));
    const LoadedLockoutState back = load_pin_lockout(file);
    EXPECT_EQ(back.problem, "");
    EXPECT_EQ(back.state, s);
}
