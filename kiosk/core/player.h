// The slide loop's state machine: which slide is on screen, the crossfade to the next one, and
// when anything will next change, so the app can sleep until then (a static slide costs no CPU).
// Time comes from the injected Clock; show windows are checked each time a slide is picked.
#pragma once

#include "clock.h"
#include "config.h"
#include "deck.h"

#include <memory>
#include <optional>

namespace kiosk {

struct PlayerFrame {
    std::shared_ptr<const Slide> current;   // null when no slide may be shown now
    std::shared_ptr<const Slide> incoming;  // set during a crossfade
    float fade = 0.0f;                      // 0 = all `current`, 1 = all `incoming`
    int position = 0;                       // index among the slides that may show now (progress dots)
    int count = 0;                          // how many may show now
    bool paused = false;
};

class Player {
public:
    Player(const Clock& clock, PlayerConfig config);

    // Swaps in a new deck between frames. The slide on screen stays (in its new version) when its
    // file still exists; otherwise the loop crossfades to the next slide in file-name order.
    void set_deck(std::shared_ptr<const Deck> deck);

    // Advances the loop to the clock's present. Returns true when what is on screen changed.
    bool update();

    [[nodiscard]] PlayerFrame frame() const;
    [[nodiscard]] bool in_transition() const { return incoming_ != nullptr; }
    // The moment update() will next change something (end of slide, or now while fading).
    [[nodiscard]] std::optional<SteadyTime> next_deadline() const;
    // The slide the next crossfade will bring in (null while fading or when there is none), so
    // the app can paint it while the current one is static, before its transition starts.
    [[nodiscard]] std::shared_ptr<const Slide> upcoming() const;

    // New [player] settings (kiosk.toml reloaded): they apply from the next slide or fade on.
    void set_config(PlayerConfig config) { config_ = config; }

    void pause();
    void resume();
    void next();
    void previous();
    [[nodiscard]] bool paused() const { return paused_; }
    [[nodiscard]] const Deck* deck() const { return deck_.get(); }
    // How many times a slide has been put on screen (for the usage counters).
    [[nodiscard]] std::uint64_t slides_started() const { return slides_started_; }

private:
    [[nodiscard]] std::vector<std::shared_ptr<const Slide>> showable() const;
    [[nodiscard]] std::shared_ptr<const Slide> pick_after(const std::string& file_name, int step) const;
    void start_transition(std::shared_ptr<const Slide> to);
    void finish_transition();

    const Clock& clock_;
    PlayerConfig config_;
    std::shared_ptr<const Deck> deck_;
    std::shared_ptr<const Slide> current_;
    std::shared_ptr<const Slide> incoming_;
    SteadyTime shown_at_{};       // when current_ became fully visible
    SteadyTime fade_started_{};
    bool paused_ = false;
    SteadyTime paused_at_{};
    std::uint64_t slides_started_ = 0;
};

}  // namespace kiosk
