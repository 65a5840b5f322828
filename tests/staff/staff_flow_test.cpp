// The staff panel's flow driven by intents over a fake clock: gesture, keypad, panel, timeouts.
#include "core/staff_flow.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

class StaffFlowTest : public ::testing::Test {
protected:
    FakeClock clock;
    PinLock lock{clock, hash_pin("2468"), 5, std::chrono::duration<double>(300)};
    StaffFlow flow{clock, lock, StaffFlowOptions{}};

    // Press and hold the top-left corner for `held`, then release.
    void hold_corner(std::chrono::milliseconds held) {
        flow.pointer_down(10, 10);
        for (auto t = 0ms; t < held; t += 100ms) {
            clock.advance(100ms);
            flow.tick();
        }
        flow.pointer_up();
    }
    void type(const std::string& digits) {
        for (const char c : digits) flow.digit(c - '0');
    }
    void open_panel() {
        hold_corner(3000ms);
        type("2468");
        ASSERT_EQ(flow.ok(), StaffEffect::PanelOpened);
    }
};

TEST_F(StaffFlowTest, HoldingTheCornerThreeSecondsAsksForThePin) {
    flow.pointer_down(5, 5);
    clock.advance(2900ms);
    flow.tick();
    EXPECT_EQ(flow.state(), StaffState::Closed);
    EXPECT_GT(flow.view().hold_progress, 0.9F);
    clock.advance(100ms);
    flow.tick();
    EXPECT_EQ(flow.state(), StaffState::PinEntry) << "3 s of holding opens the keypad";
    EXPECT_EQ(flow.view().pin_length, 0U);
}

TEST_F(StaffFlowTest, ReleasingAfterThreeSecondsWithoutATickStillAsksForThePin) {
    flow.pointer_down(5, 5);
    clock.advance(3200ms);
    EXPECT_TRUE(flow.pointer_up()) << "the app may have slept in SDL_WaitEventTimeout while the finger rested";
    EXPECT_EQ(flow.state(), StaffState::PinEntry);
}

TEST_F(StaffFlowTest, ReleasingEarlyCancels) {
    hold_corner(2500ms);
    EXPECT_EQ(flow.state(), StaffState::Closed);
    clock.advance(5s);
    flow.tick();
    EXPECT_EQ(flow.state(), StaffState::Closed) << "a released hold never completes later";
}

TEST_F(StaffFlowTest, HoldingElsewhereOrSlidingOutDoesNotCount) {
    flow.pointer_down(500, 400);
    clock.advance(4s);
    flow.tick();
    EXPECT_EQ(flow.state(), StaffState::Closed) << "a press outside the corner is a patient's";
    flow.pointer_up();

    flow.pointer_down(10, 10);
    clock.advance(1s);
    flow.pointer_move(300, 10);
    clock.advance(3s);
    flow.tick();
    EXPECT_EQ(flow.state(), StaffState::Closed) << "sliding out of the corner cancels the hold";
}

TEST_F(StaffFlowTest, CorrectPinOpensThePanel) {
    hold_corner(3000ms);
    type("2468");
    EXPECT_EQ(flow.view().pin_length, 4U);
    EXPECT_EQ(flow.ok(), StaffEffect::PanelOpened);
    EXPECT_EQ(flow.state(), StaffState::Open);
    EXPECT_EQ(flow.view().pin_length, 0U) << "the digits are wiped once checked";
}

TEST_F(StaffFlowTest, BackspaceRemovesTheLastDigit) {
    hold_corner(3000ms);
    type("24689");
    flow.backspace();
    EXPECT_EQ(flow.ok(), StaffEffect::PanelOpened);
}

TEST_F(StaffFlowTest, WrongPinStaysOnTheKeypadAndCountsDown) {
    hold_corner(3000ms);
    type("1111");
    EXPECT_EQ(flow.ok(), StaffEffect::None);
    EXPECT_EQ(flow.state(), StaffState::PinEntry);
    EXPECT_EQ(flow.view().message, PinMessage::WrongPin);
    EXPECT_EQ(flow.view().remaining_attempts, 4);
    EXPECT_EQ(flow.view().pin_length, 0U);
}

TEST_F(StaffFlowTest, LockoutIsShownAndDigitsIgnored) {
    hold_corner(3000ms);
    for (int i = 0; i < 5; ++i) {
        type("0000");
        flow.ok();
    }
    EXPECT_EQ(flow.view().message, PinMessage::LockedOut);
    EXPECT_EQ(flow.view().seconds_until_unlock, 300);
    type("2468");
    EXPECT_EQ(flow.view().pin_length, 0U) << "typing is pointless while locked";
    EXPECT_EQ(flow.ok(), StaffEffect::None);
    EXPECT_NE(flow.state(), StaffState::Open);
    // Reopening the keypad later still shows the lockout.
    flow.cancel();
    clock.advance(100s);
    hold_corner(3000ms);
    EXPECT_EQ(flow.view().message, PinMessage::LockedOut);
    EXPECT_EQ(flow.view().seconds_until_unlock, 197);
}

TEST_F(StaffFlowTest, PanelCommandsBecomeEffects) {
    open_panel();
    EXPECT_EQ(flow.command(StaffCommand::Pause), StaffEffect::Pause);
    EXPECT_EQ(flow.command(StaffCommand::Resume), StaffEffect::Resume);
    EXPECT_EQ(flow.command(StaffCommand::Previous), StaffEffect::PreviousSlide);
    EXPECT_EQ(flow.command(StaffCommand::Next), StaffEffect::NextSlide);
    EXPECT_EQ(flow.command(StaffCommand::ReloadNow), StaffEffect::ReloadDeck);
    EXPECT_EQ(flow.command(StaffCommand::TestPrint), StaffEffect::TestPrint);
    EXPECT_EQ(flow.command(StaffCommand::Close), StaffEffect::PanelClosed);
    EXPECT_EQ(flow.state(), StaffState::Closed);
}

TEST_F(StaffFlowTest, ExitNeedsASecondPressWithinFiveSeconds) {
    open_panel();
    EXPECT_EQ(flow.command(StaffCommand::ExitKiosk), StaffEffect::None);
    EXPECT_TRUE(flow.view().exit_armed);
    clock.advance(6s);
    flow.tick();
    EXPECT_FALSE(flow.view().exit_armed) << "the confirmation expires";
    EXPECT_EQ(flow.command(StaffCommand::ExitKiosk), StaffEffect::None);
    clock.advance(2s);
    EXPECT_EQ(flow.command(StaffCommand::ExitKiosk), StaffEffect::ExitKiosk);
}

TEST_F(StaffFlowTest, NothingIsReachableWithoutThePin) {
    for (const auto c : {StaffCommand::Pause, StaffCommand::Resume, StaffCommand::Previous, StaffCommand::Next,
                         StaffCommand::ReloadNow, StaffCommand::TestPrint, StaffCommand::ExitKiosk,
                         StaffCommand::Close}) {
        EXPECT_EQ(flow.command(c), StaffEffect::None) << "closed: no command may act";
        EXPECT_EQ(flow.state(), StaffState::Closed);
    }
    hold_corner(3000ms);
    for (const auto c : {StaffCommand::Pause, StaffCommand::Next, StaffCommand::ExitKiosk, StaffCommand::ExitKiosk,
                         StaffCommand::TestPrint}) {
        EXPECT_EQ(flow.command(c), StaffEffect::None) << "keypad shown: no command may act";
    }
    EXPECT_EQ(flow.ok(), StaffEffect::None) << "an empty PIN opens nothing";
    EXPECT_NE(flow.state(), StaffState::Open);
}

TEST_F(StaffFlowTest, DisabledPanelHasNoGesture) {
    PinLock disabled(clock, StaffConfig{});
    StaffFlow f(clock, disabled, StaffFlowOptions{});
    f.pointer_down(5, 5);
    clock.advance(10s);
    f.tick();
    f.pointer_up();
    EXPECT_EQ(f.state(), StaffState::Closed) << "an empty pin_hash means no staff panel at all";
}

TEST_F(StaffFlowTest, AMalformedHashSaysNotSetUpInsteadOfCountingWrongPins) {
    const std::string good = hash_pin("2468");
    StaffConfig config;
    config.pin_hash = good.substr(0, good.size() - 4);  // a truncated paste
    PinLock broken(clock, config);
    StaffFlow f(clock, broken, StaffFlowOptions{});
    f.pointer_down(5, 5);
    clock.advance(3s);
    f.tick();
    f.pointer_up();
    ASSERT_EQ(f.state(), StaffState::PinEntry) << "the gesture still answers, so staff learn why";
    EXPECT_EQ(f.view().message, PinMessage::NotSetUp);
    for (int i = 0; i < 6; ++i) {
        for (const char c : std::string("2468")) f.digit(c - '0');
        EXPECT_EQ(f.ok(), StaffEffect::None);
        EXPECT_EQ(f.view().message, PinMessage::NotSetUp) << "never 'Wrong PIN' for the right PIN";
        EXPECT_EQ(f.view().pin_length, 0U) << "nothing to type into";
    }
    EXPECT_FALSE(broken.locked()) << "a bad hash never leads to a lockout";
}

TEST_F(StaffFlowTest, IdlePanelClosesItself) {
    StaffFlowOptions options;
    options.idle_timeout = std::chrono::duration<double>(PlayerConfig{}.idle_timeout_seconds);
    StaffFlow f(clock, lock, options);
    f.pointer_down(5, 5);
    clock.advance(3s);
    f.tick();
    for (const char c : std::string("2468")) f.digit(c - '0');
    ASSERT_EQ(f.ok(), StaffEffect::PanelOpened);
    clock.advance(20s);
    EXPECT_EQ(f.command(StaffCommand::Pause), StaffEffect::Pause);
    clock.advance(29s);
    EXPECT_EQ(f.tick(), StaffEffect::None) << "input restarts the idle timer";
    clock.advance(1s);
    EXPECT_EQ(f.tick(), StaffEffect::PanelClosed);
    EXPECT_EQ(f.state(), StaffState::Closed);
}

TEST_F(StaffFlowTest, IdleKeypadClosesAndWipesTheDigits) {
    hold_corner(3000ms);
    type("24");
    EXPECT_EQ(flow.view().pin_length, 2U);
    clock.advance(30s);
    EXPECT_EQ(flow.tick(), StaffEffect::PanelClosed);
    EXPECT_EQ(flow.view().pin_length, 0U);
    // Had "24" survived, "68" would complete the PIN.
    hold_corner(3000ms);
    type("68");
    EXPECT_EQ(flow.ok(), StaffEffect::None) << "digits typed before a close must be gone";
    EXPECT_NE(flow.state(), StaffState::Open);
}

TEST_F(StaffFlowTest, CancelWipesTheDigits) {
    hold_corner(3000ms);
    type("246");
    EXPECT_EQ(flow.cancel(), StaffEffect::PanelClosed);
    hold_corner(3000ms);
    EXPECT_EQ(flow.view().pin_length, 0U);
    type("8");
    EXPECT_EQ(flow.ok(), StaffEffect::None);
}

TEST_F(StaffFlowTest, AtMostEightDigitsAreKept) {
    hold_corner(3000ms);
    type("2468000000000");
    EXPECT_EQ(flow.view().pin_length, 8U);
}

TEST_F(StaffFlowTest, PointerEventsAreConsumedOnlyWhileThePanelIsUp) {
    EXPECT_FALSE(flow.pointer_down(10, 10)) << "closed: the patient UI gets the touch too";
    flow.pointer_up();
    open_panel();
    EXPECT_TRUE(flow.pointer_down(500, 500));
    EXPECT_TRUE(flow.pointer_up());
}

}  // namespace
}  // namespace kiosk
