// Keeps the deck in step with the slides folder: the folder watcher's thread notices a settled
// change, a loader thread parses and validates the whole folder off the frame loop, and the UI
// thread picks the finished deck up between frames. An SDL user event wakes the loop each time.
// The loader also decodes every picture at the size it is shown on this screen, into the deck:
// a slide kept in its last good version keeps its picture, and the frame loop never opens a file.
// At start the kiosk may ask for the first picture only (a quick first frame): the other slides
// are held back from the deck until the loader has decoded theirs, after the first frame.
#pragma once

#include "core/config.h"
#include "core/deck.h"
#include "platform/folder_watcher.h"

#include <SDL.h>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk {

class DeckReloader {
public:
    // `wake_event` is an SDL user event type registered by the app; it is pushed when a new deck
    // is ready. The first deck is loaded synchronously so the kiosk starts with its slides.
    // Pictures are decoded for a screen_w×screen_h screen.
    // With `first_picture_only`, the first deck decodes only the first picture it meets; the slides
    // whose pictures wait are left out of it (never shown, faded to or browsed to), and the whole
    // deck is loaded once start_background() is called (after the first frame is on screen).
    DeckReloader(std::filesystem::path folder, std::shared_ptr<const KioskConfig> config, Uint32 wake_event,
                 int screen_w, int screen_h, bool first_picture_only = false);
    ~DeckReloader();
    DeckReloader(const DeckReloader&) = delete;
    DeckReloader& operator=(const DeckReloader&) = delete;

    // The deck to show from now on, if a new one finished loading since the last call.
    [[nodiscard]] std::shared_ptr<const Deck> take_new_deck();
    // The latest deck (for the staff panel and logs).
    [[nodiscard]] std::shared_ptr<const Deck> current() const;
    // Ask for a reload now (staff panel "Reload now").
    void reload_now();
    // The window changed size: pictures are decoded again for it (in the background; until then
    // the old pixels are scaled).
    void set_screen_size(int w, int h);
    // New settings (kiosk.toml reloaded): slides fill in {clinic}/{phone}/{hours} and take their
    // reading time from them, so the deck is loaded again with these.
    void set_config(std::shared_ptr<const KioskConfig> config);
    // The first frame is on screen: the loader may now work (the rest of a first-picture-only
    // deck). Cheap to call again.
    void start_background();
    // True while the deck is the start-up one with slides held back for their pictures.
    [[nodiscard]] bool holding_back() const;
    [[nodiscard]] FolderStatus folder_status() const { return watch_ ? watch_->status() : FolderStatus::Missing; }

private:
    void loader_loop(std::stop_token stop);
    std::shared_ptr<const Deck> load(const std::shared_ptr<const Deck>& previous, const KioskConfig& config,
                                     bool first_picture_only = false) const;

    const std::filesystem::path folder_;
    std::shared_ptr<const KioskConfig> config_;  // guarded by mutex_
    const Uint32 wake_event_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    bool pending_ = false;
    int screen_w_, screen_h_;  // guarded by mutex_
    std::shared_ptr<const Deck> latest_;
    bool fresh_ = false;
    bool started_ = true;        // false until start_background() when the first deck is held back
    bool holding_back_ = false;  // latest_ leaves out slides whose pictures are not decoded yet
    std::jthread loader_;
    std::unique_ptr<FolderWatchThread> watch_;  // last: its callback uses everything above
};

}  // namespace kiosk
