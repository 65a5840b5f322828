#include "deck_reloader.h"

#include "picture_decoder.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>

namespace kiosk {

namespace {

// The deck without the slides (and translations) whose pictures were put off: they are not in
// it at all, so nothing can show, fade to, prepare or browse to one before its picture exists.
// A slide kept from here as "last good" by a later load therefore always has its picture.
std::shared_ptr<const Deck> without_waiting_pictures(Deck deck) {
    const auto waiting = [](const std::shared_ptr<const Slide>& s) {
        return s->image && is_waiting_picture(s->image->pixels);
    };
    std::erase_if(deck.slides, waiting);
    for (auto& [language, by_name] : deck.translations) {
        std::erase_if(by_name, [&](const auto& kv) { return waiting(kv.second); });
    }
    return std::make_shared<const Deck>(std::move(deck));
}

}  // namespace

DeckReloader::DeckReloader(std::filesystem::path folder, std::shared_ptr<const KioskConfig> config, Uint32 wake_event,
                           int screen_w, int screen_h, bool first_picture_only)
    : folder_(std::move(folder)),
      config_(std::move(config)),
      wake_event_(wake_event),
      screen_w_(screen_w),
      screen_h_(screen_h) {
    latest_ = load(nullptr, *config_, first_picture_only);
    fresh_ = true;
    if (first_picture_only) {
        // The whole deck next, from the folder like any reload, once the first frame is shown.
        holding_back_ = true;
        started_ = false;
        pending_ = true;
    }
    loader_ = std::jthread([this](std::stop_token stop) { loader_loop(stop); });
    watch_ = std::make_unique<FolderWatchThread>(folder_, [this](FolderStatus) { reload_now(); });
}

DeckReloader::~DeckReloader() {
    watch_.reset();  // no more callbacks
    loader_.request_stop();
    wake_.notify_all();
}

std::shared_ptr<const Deck> DeckReloader::load(const std::shared_ptr<const Deck>& previous, const KioskConfig& config,
                                               bool first_picture_only) const {
    int w = 0, h = 0;
    {
        std::lock_guard lock(mutex_);
        w = screen_w_;
        h = screen_h_;
    }
    DeckLoadOptions options;
    options.config = &config;
    options.decode_picture =
        first_picture_only ? first_picture_decoder_for_screen(w, h) : picture_decoder_for_screen(w, h, previous);
    options.previous = previous.get();
    options.display_prefix = (folder_ / "").string();
    auto deck = std::make_shared<Deck>(load_deck(folder_, options));
    if (first_picture_only) return without_waiting_pictures(std::move(*deck));
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
        bool was_holding_back = false;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return pending_ && started_; })) return;
            pending_ = false;
            previous = latest_;
            config = config_;
            was_holding_back = holding_back_;
        }
        const auto started = std::chrono::steady_clock::now();
        auto deck = load(previous, *config);
        malloc_trim(0);  // the decoders' scratch (full-size bitmaps, rasteriser buffers) is free now
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        SDL_Log(was_holding_back ? "slides: the other pictures decoded: %zu slides in %lld ms"
                                 : "slides reloaded: %zu slides in %lld ms",
                deck->slides.size(), static_cast<long long>(ms.count()));
        for (const auto& d : deck->all_diagnostics()) SDL_Log("%s", d.to_string().c_str());
        {
            std::lock_guard lock(mutex_);
            latest_ = std::move(deck);
            fresh_ = true;
            // Every load after the first decodes every picture; only a folder gone meanwhile keeps
            // the start-up deck (and its held-back slides wait for the folder to come back).
            holding_back_ = was_holding_back && !latest_->folder_readable;
        }
        SDL_Event e{};
        e.type = wake_event_;
        SDL_PushEvent(&e);  // thread-safe
    }
}

void DeckReloader::start_background() {
    {
        std::lock_guard lock(mutex_);
        if (started_) return;
        started_ = true;
    }
    wake_.notify_all();
}

bool DeckReloader::holding_back() const {
    std::lock_guard lock(mutex_);
    return holding_back_;
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
