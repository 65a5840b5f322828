#include "audio_config.h"

#include <algorithm>
#include <array>

namespace kiosk {
namespace {

constexpr std::string_view kVoicePrefix = "voice_";
constexpr std::array<std::string_view, 4> kKeys{"enabled", "voice", "volume", "rate"};

// espeak-ng voice names: "en", "en-us", "es-419", "mb-en1", "en+f3" (a variant).
bool plausible_voice(std::string_view v) {
    if (v.empty() || v.size() > 40) return false;
    for (const char c : v) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '+';
        if (!ok) return false;
    }
    return true;
}

// The XX of voice_XX: a language code as the slide files use it (two or three letters).
bool plausible_language(std::string_view code) {
    if (code.size() < 2 || code.size() > 3) return false;
    for (const char c : code) {
        if (c < 'a' || c > 'z') return false;
    }
    return true;
}

bool read_voice(const toml_util::Context& ctx, const toml::table& t, std::string_view key, std::string& out) {
    std::string v;
    if (!toml_util::get_string(ctx, t, key, v)) return false;
    if (!plausible_voice(v)) {
        ctx.error(ctx.line_of(*t.get(key)), "'" + std::string(key) + "' is not an espeak-ng voice name: \"" + v + "\"",
                  "Write a voice such as \"en\", \"en-us\" or \"es\" (espeak-ng --voices lists them)");
        return false;
    }
    out = v;
    return true;
}

}  // namespace

const std::string& AudioConfig::voice_for(std::string_view language) const {
    if (const auto it = voices.find(std::string(language)); it != voices.end()) return it->second;
    return voice;
}

void parse_audio_config(const toml_util::Context& ctx, const toml::table& t, AudioConfig& out, const AudioConfig& last) {
    out = AudioConfig{};
    if (!toml_util::get_bool(ctx, t, "enabled", out.enabled)) out.enabled = last.enabled;
    if (t.get("voice") && !read_voice(ctx, t, "voice", out.voice)) out.voice = last.voice;
    if (!toml_util::get_number(ctx, t, "volume", out.volume, 0, 1)) out.volume = last.volume;
    if (!toml_util::get_int(ctx, t, "rate", out.rate, 80, 400)) out.rate = last.rate;
    for (const auto& [k, v] : t) {
        const std::string_view key = k.str();
        if (std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end()) continue;
        if (key.starts_with(kVoicePrefix) && plausible_language(key.substr(kVoicePrefix.size()))) {
            const std::string language(key.substr(kVoicePrefix.size()));
            std::string voice;
            if (read_voice(ctx, t, key, voice)) {
                out.voices[language] = voice;
            } else if (const auto it = last.voices.find(language); it != last.voices.end()) {
                out.voices[language] = it->second;
            }
            continue;
        }
        const std::string guess = toml_util::closest_key(key, std::span<const std::string_view>(kKeys));
        ctx.error(static_cast<int>(k.source().begin.line) + ctx.line_offset, "unknown key '" + std::string(key) + "' in [audio]",
                  guess.empty() ? "[audio] has enabled, voice, voice_XX (XX a language code such as es), volume and rate"
                                : "Did you mean '" + guess + "'?");
    }
}

}  // namespace kiosk
