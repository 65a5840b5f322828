// Read aloud's voice: espeak-ng synthesises on a worker thread (never on the frame loop, so the
// screen never stutters) and the samples play through an SDL audio device that exists only while
// it speaks (a closed device costs nothing and, with SDL's disk driver, writes nothing).
#pragma once

#include <SDL.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

namespace kiosk {

// An open SDL audio device, closed exactly once.
class AudioDevice {
public:
    AudioDevice() = default;
    explicit AudioDevice(SDL_AudioDeviceID id) : id_(id) {}
    ~AudioDevice() { reset(); }
    AudioDevice(AudioDevice&& o) noexcept : id_(o.id_) { o.id_ = 0; }
    AudioDevice& operator=(AudioDevice&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = o.id_;
            o.id_ = 0;
        }
        return *this;
    }
    AudioDevice(const AudioDevice&) = delete;
    AudioDevice& operator=(const AudioDevice&) = delete;
    [[nodiscard]] SDL_AudioDeviceID get() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (id_ != 0) SDL_CloseAudioDevice(id_);
        id_ = 0;
    }

private:
    SDL_AudioDeviceID id_ = 0;
};

struct SpeechRequest {
    std::string text;   // UTF-8
    std::string voice;  // espeak-ng voice name
    int rate_wpm = 150;
    double volume = 0.8;  // 0 … 1
};

// True when `dev_snd` holds a playback device node (pcmC*D*p). On a box with no sound card ALSA
// prints a screenful of "cannot find card" errors to stderr when SDL opens audio, and the journal then
// reads as if something broke: without a playback node there is nothing to open, so the player says
// so in one line and leaves audio alone. SDL_AUDIODRIVER (disk in the tests, pulseaudio by hand)
// still goes straight to SDL.
[[nodiscard]] bool has_playback_device(const std::filesystem::path& dev_snd = "/dev/snd");

class SpeechPlayer {
public:
    // Starts the audio subsystem and the voice, and checks once that a device opens. When either
    // fails, available() is false and `unavailable_reason()` says why (the app logs it once).
    // `wake_event` is pushed when speaking ends, so the loop resumes the slides at once.
    explicit SpeechPlayer(Uint32 wake_event);
    ~SpeechPlayer();
    SpeechPlayer(const SpeechPlayer&) = delete;
    SpeechPlayer& operator=(const SpeechPlayer&) = delete;

    [[nodiscard]] bool available() const { return available_; }
    [[nodiscard]] const std::string& unavailable_reason() const { return reason_; }

    // Stops anything being spoken and starts `request`. Returns at once.
    void speak(SpeechRequest request);
    // Stops speaking now (the device closes within one synthesis chunk, ~0.1 s).
    void stop();
    // True from speak() until the last sample has played or stop() was called.
    [[nodiscard]] bool speaking() const { return speaking_.load(); }
    // The last problem while speaking (a voice espeak-ng does not have), once; empty if none.
    [[nodiscard]] std::string take_problem();

private:
    void run();
    void say(const SpeechRequest& request);

    Uint32 wake_event_;
    bool audio_started_ = false;
    bool available_ = false;
    std::string reason_;
    int sample_rate_ = 0;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<SpeechRequest> pending_;  // guarded by mutex_
    std::string problem_;                   // guarded by mutex_
    bool quit_ = false;                     // guarded by mutex_
    std::atomic<bool> abort_{false};
    std::atomic<bool> speaking_{false};
    std::thread worker_;
};

}  // namespace kiosk
