// The staff panel's behaviour with no UI: the hidden corner gesture, the PIN keypad with its
// lockout, and the panel's commands, which come back as effects for the app to carry out.
#pragma once

#include "clock.h"
#include "pin_lock.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>

namespace kiosk {

enum class StaffState {
    Closed,     // patients' screens; the corner gesture may be in progress
    PinEntry,   // keypad shown
    Open,       // panel shown: only reachable through an accepted PIN
};

// What the app must do after an intent or a tick. None for everything that only changed state.
enum class StaffEffect {
    None,
    PanelOpened,     // PIN accepted
    PanelClosed,     // closed by Close, Cancel or the idle timeout
    Pause,
    Resume,
    PreviousSlide,
    NextSlide,
    ReloadDeck,
    TestPrint,
    ExitKiosk,       // second ExitKiosk press within kExitConfirmWindow
};

enum class StaffCommand { Pause, Resume, Previous, Next, ReloadNow, TestPrint, ExitKiosk, Close };

// Why the keypad shows a message. Patients never see this screen.
enum class PinMessage { None, WrongPin, LockedOut, NotSetUp };

struct StaffFlowOptions {
    float corner_size_px = 120;                          // top-left square that starts the gesture
    std::chrono::milliseconds hold{3000};                // press-and-hold time
    std::chrono::duration<double> idle_timeout{30.0};    // PlayerConfig::idle_timeout_seconds
    std::chrono::milliseconds exit_confirm{5000};        // second "Exit kiosk" press must come within
};

// Everything the keypad and panel draw. Holds no digits: only how many were typed.
struct StaffView {
    StaffState state = StaffState::Closed;
    std::size_t pin_length = 0;
    PinMessage message = PinMessage::None;
    int remaining_attempts = 0;
    int seconds_until_unlock = 0;
    bool exit_armed = false;       // "press Exit again to quit"
    float hold_progress = 0;       // 0..1 while the corner is held (the app may show nothing)
};

// Single-threaded (the UI thread). Every call takes the current time from the clock; call tick()
// each frame (or on a timer) so the hold completes and the idle timeout fires without input.
class StaffFlow {
public:
    StaffFlow(const Clock& clock, PinLock& lock, StaffFlowOptions options);
    ~StaffFlow();
    StaffFlow(const StaffFlow&) = delete;
    StaffFlow& operator=(const StaffFlow&) = delete;

    // Pointer input in window pixels. Returns true when the flow consumed the event, i.e. the
    // patient UI must not also act on it (the panel or keypad is up).
    bool pointer_down(float x, float y);
    bool pointer_move(float x, float y);
    bool pointer_up();

    // Keypad intents; ignored unless the keypad is shown.
    void digit(int d);
    void backspace();
    StaffEffect ok();
    StaffEffect cancel();

    // Panel intents; return None unless the panel is Open (nothing is reachable without the PIN).
    StaffEffect command(StaffCommand c);

    // Completes the hold gesture and applies the idle timeout.
    StaffEffect tick();

    [[nodiscard]] StaffState state() const { return state_; }
    [[nodiscard]] StaffView view() const;

private:
    void touch();
    bool complete_hold_if_due();
    StaffEffect close();
    void wipe_pin();

    const Clock& clock_;
    PinLock& lock_;
    StaffFlowOptions options_;
    StaffState state_ = StaffState::Closed;
    std::optional<SteadyTime> hold_started_;
    SteadyTime last_input_{};
    std::array<char, kMaxPinDigits> pin_{};
    std::size_t pin_length_ = 0;
    PinMessage message_ = PinMessage::None;
    std::optional<SteadyTime> exit_armed_at_;
};

}  // namespace kiosk
