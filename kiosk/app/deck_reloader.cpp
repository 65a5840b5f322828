#include "deck_reloader.h"

#include "picture_decoder.h"

#include <chrono>

namespace kiosk {

DeckReloader::DeckReloader(std::filesystem::path folder, std::shared_ptr<const KioskConfig> config, Uint32 wake_event,
                           int screen_w, int screen_h)
    : folder_(std::move(folder)),
      config_(std::move(config)),
      wake_event_(wake_event),
      screen_w_(screen_w),
      screen_h_(screen_h) {
    latest_ = load(nullptr, *config_);
    fresh_ = true;
    loader_ = std::jthread([this](std::stop_token stop) { loader_loop(stop); });
    watch_ = std::make_unique<FolderWatchThread>(folder_, [this](FolderStatus) { reload_now(); });
}

DeckReloader::~DeckReloader() {
    watch_.reset();  // no more callbacks
    loader_.request_stop();
    wake_.notify_all();
}

std::shared_ptr<const Deck> DeckReloader::load(const std::shared_ptr<const Deck>& previous,
                                               const KioskConfig& config) const {
    int w = 0, h = 0;
    {
        std::lock_guard lock(mutex_);
        w = screen_w_;
        h = screen_h_;
    }
    DeckLoadOptions options;
    options.config = &config;
    options.decode_picture = picture_decoder_for_screen(w, h, previous);
    options.previous = previous.get();
    options.display_prefix = (folder_ / "").string();
    auto deck = std::make_shared<Deck>(load_deck(folder_, options));
    // A folder that vanished (USB stick pulled, share unmounted) keeps the last good slides
    // playing; the diagnostics still say what happened.
    if (!deck->folder_readable && previous) {
        auto kept = std::make_shared<Deck>(*previous);
        kept->folder_readable = false;
        kept->folder_diagnostics = deck->folder_diagnostics;
        return kept;
    }
    return deck;
}

void DeckReloader::set_config(std::shared_ptr<const KioskConfig> config) {
    {
        std::lock_guard lock(mutex_);
        config_ = std::move(config);
        pending_ = true;
    }
    wake_.notify_all();
}

void DeckReloader::reload_now() {
    {
        std::lock_guard lock(mutex_);
        pending_ = true;
    }
    wake_.notify_all();
}

void DeckReloader::set_screen_size(int w, int h) {
    {
        std::lock_guard lock(mutex_);
        if (w == screen_w_ && h == screen_h_) return;
        screen_w_ = w;
        screen_h_ = h;
    }
    reload_now();
}

void DeckReloader::loader_loop(std::stop_token stop) {
    for (;;) {
        std::shared_ptr<const Deck> previous;
        std::shared_ptr<const KioskConfig> config;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return pending_; })) return;
            pending_ = false;
            previous = latest_;
            config = config_;
        }
        const auto started = std::chrono::steady_clock::now();
        auto deck = load(previous, *config);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        SDL_Log("slides reloaded: %zu slides in %lld ms", deck->slides.size(), static_cast<long long>(ms.count()));
        for (const auto& d : deck->all_diagnostics()) SDL_Log("%s", d.to_string().c_str());
        {
            std::lock_guard lock(mutex_);
            latest_ = std::move(deck);
            fresh_ = true;
        }
        SDL_Event e{};
        e.type = wake_event_;
        SDL_PushEvent(&e);  // thread-safe
    }
}

std::shared_ptr<const Deck> DeckReloader::take_new_deck() {
    std::lock_guard lock(mutex_);
    if (!fresh_) return nullptr;
    fresh_ = false;
    return latest_;
}

std::shared_ptr<const Deck> DeckReloader::current() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

}  // namespace kiosk
