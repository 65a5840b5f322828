#include "speech_player.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <future>
#include <utility>
#include <vector>

namespace kiosk {
namespace {

// Each synthesis callback carries this much audio: short enough that stop() is heard at once.
constexpr int kChunkMs = 100;

struct SynthTarget {
    SDL_AudioDeviceID device = 0;
    double volume = 1.0;
    const std::atomic<bool>* abort = nullptr;
    std::vector<std::int16_t> scratch;
};

// espeak-ng's synchronous callback, on the worker thread: scale, queue to the device; returning 1
// aborts the synthesis (a second touch, another touch, a new slide).
int on_samples(short* wav, int count, espeak_EVENT* events) {
    auto* target = static_cast<SynthTarget*>(events != nullptr ? events->user_data : nullptr);
    if (target == nullptr) return 0;
    if (target->abort->load()) return 1;
    if (wav != nullptr && count > 0) {
        target->scratch.resize(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) {
            const double v = std::lround(wav[i] * target->volume);
            target->scratch[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(std::clamp(v, -32768.0, 32767.0));
        }
        SDL_QueueAudio(target->device, target->scratch.data(), static_cast<Uint32>(count * sizeof(std::int16_t)));
    }
    return 0;
}

AudioDevice open_device(int sample_rate, std::string* error) {
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    want.callback = nullptr;  // SDL_QueueAudio
    SDL_AudioSpec have{};
    AudioDevice device(SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0));
    if (!device && error != nullptr) *error = SDL_GetError();
    return device;
}

}  // namespace

bool has_playback_device(const std::filesystem::path& dev_snd) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dev_snd, ec)) {
        const std::string n = e.path().filename().string();
        if (n.starts_with("pcmC") && n.ends_with("p")) return true;
    }
    return false;
}

SpeechPlayer::SpeechPlayer(Uint32 wake_event) : wake_event_(wake_event) {
    if (SDL_getenv("SDL_AUDIODRIVER") == nullptr && !has_playback_device()) {
        reason_ = "no sound card (no playback device in /dev/snd)";
        return;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        reason_ = std::string("no audio driver: ") + SDL_GetError();
        return;
    }
    audio_started_ = true;
    // The voice is started on the worker thread that will use it; its answer comes back here.
    std::promise<int> started;
    std::future<int> rate = started.get_future();
    worker_ = std::thread([this, &started] {
        const int r = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, kChunkMs, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (r > 0) espeak_SetSynthCallback(on_samples);
        started.set_value(r);
        if (r > 0) run();
    });
    sample_rate_ = rate.get();
    if (sample_rate_ <= 0) {
        worker_.join();
        reason_ = "espeak-ng could not start (is espeak-ng-data installed?)";
        return;
    }
    std::string error;
    if (!open_device(sample_rate_, &error)) {
        reason_ = "no audio output device: " + error;
        return;
    }
    available_ = true;
}

SpeechPlayer::~SpeechPlayer() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        pending_.reset();
    }
    abort_.store(true);
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
    if (sample_rate_ > 0) espeak_Terminate();
    if (audio_started_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SpeechPlayer::speak(SpeechRequest request) {
    if (!available_) return;
    // Whatever is playing ends first; the worker clears the flag when it takes the new request,
    // which it can only see after this store.
    abort_.store(true);
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(request);
        speaking_.store(true);
    }
    wake_.notify_all();
}

void SpeechPlayer::stop() {
    {
        std::lock_guard lock(mutex_);
        pending_.reset();
    }
    abort_.store(true);
    speaking_.store(false);
    wake_.notify_all();
}

std::string SpeechPlayer::take_problem() {
    std::lock_guard lock(mutex_);
    return std::exchange(problem_, std::string());
}

void SpeechPlayer::run() {
    for (;;) {
        SpeechRequest request;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || pending_.has_value(); });
            if (quit_) return;
            request = std::move(*pending_);
            pending_.reset();
            abort_.store(false);
        }
        say(request);
        bool more = false;
        {
            std::lock_guard lock(mutex_);
            more = pending_.has_value();
            if (!more) speaking_.store(false);
        }
        if (!more && wake_event_ != 0) {
            SDL_Event e{};
            e.type = wake_event_;
            SDL_PushEvent(&e);
        }
    }
}

void SpeechPlayer::say(const SpeechRequest& request) {
    std::string error;
    AudioDevice device = open_device(sample_rate_, &error);
    if (!device) {
        std::lock_guard lock(mutex_);
        problem_ = "cannot open the audio device: " + error;
        return;
    }
    if (espeak_SetVoiceByName(request.voice.c_str()) != EE_OK) {
        std::lock_guard lock(mutex_);
        problem_ = "espeak-ng has no voice \"" + request.voice + "\"; check [audio] voice (espeak-ng --voices)";
        // Fall through with the voice it had: a patient still hears the slide.
    }
    espeak_SetParameter(espeakRATE, std::clamp(request.rate_wpm, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
    SynthTarget target;
    target.device = device.get();
    target.volume = std::clamp(request.volume, 0.0, 1.0);
    target.abort = &abort_;
    SDL_PauseAudioDevice(device.get(), 0);
    espeak_Synth(request.text.c_str(), request.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                 &target);
    // Synthesis runs ahead of playback: wait for the queue to drain (or a stop) before closing.
    while (!abort_.load() && SDL_GetQueuedAudioSize(device.get()) > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!abort_.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(2 * kChunkMs));  // the device's own buffer
    SDL_ClearQueuedAudio(device.get());
}

}  // namespace kiosk
