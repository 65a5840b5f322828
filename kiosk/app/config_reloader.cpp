#include "config_reloader.h"

#include <fstream>
#include <sstream>

namespace kiosk {

namespace {

std::filesystem::path folder_of(const std::filesystem::path& file) {
    const auto parent = file.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

std::optional<std::string> read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

ConfigReloader::ConfigReloader(std::filesystem::path file, std::shared_ptr<const KioskConfig> initial, Adjust adjust,
                               Uint32 wake_event, FolderWatcherOptions watch)
    : file_(std::move(file)), adjust_(std::move(adjust)), wake_event_(wake_event), last_good_(std::move(initial)) {
    last_text_ = read_all(file_).value_or(std::string());
    loader_ = std::jthread([this](std::stop_token stop) { loader_loop(stop); });
    watch_ = std::make_unique<FolderWatchThread>(
        folder_of(file_), [this](FolderStatus) { reload_now(); }, watch);
}

ConfigReloader::~ConfigReloader() {
    watch_.reset();  // no more callbacks
    loader_.request_stop();
    wake_.notify_all();
}

void ConfigReloader::reload_now() {
    {
        std::lock_guard lock(mutex_);
        pending_ = true;
    }
    wake_.notify_all();
}

void ConfigReloader::loader_loop(std::stop_token stop) {
    for (;;) {
        std::shared_ptr<const KioskConfig> base;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return pending_; })) return;
            pending_ = false;
            base = last_good_;
        }
        const std::optional<std::string> text = read_all(file_);
        // Any file in the folder wakes the watcher (an editor's swap file, a backup): only a
        // change of kiosk.toml's own bytes is a reload. A vanished file keeps the settings.
        if (text && *text == last_text_) continue;
        ConfigUpdate update;
        if (!text) {
            update.diagnostics.push_back(
                {file_.string(), 0, Severity::Error, "cannot read the settings file",
                 "Check that it exists and is readable; the kiosk keeps its previous settings"});
        } else {
            ConfigResult parsed = parse_config(*text, file_.string(), *base);
            if (adjust_) adjust_(parsed.config);
            update.diagnostics = std::move(parsed.diagnostics);
            if (!(parsed.config == *base))
                update.config = std::make_shared<const KioskConfig>(std::move(parsed.config));
        }
        {
            std::lock_guard lock(mutex_);
            if (text) last_text_ = *text;
            if (update.config) last_good_ = update.config;
            // An update not taken yet still carries settings the UI has not seen: keep them.
            if (update_ && !update.config) update.config = update_->config;
            update_ = std::move(update);
        }
        SDL_Event e{};
        e.type = wake_event_;
        SDL_PushEvent(&e);  // thread-safe
    }
}

std::optional<ConfigUpdate> ConfigReloader::take_update() {
    std::lock_guard lock(mutex_);
    std::optional<ConfigUpdate> out = std::move(update_);
    update_.reset();
    return out;
}

}  // namespace kiosk
