// [audio] in kiosk.toml: Read aloud on or off, the espeak-ng voice for each language, volume and
// speaking rate. Read apart from config.cpp so the voice keys' rules sit next to their messages.
#pragma once

#include "toml_helpers.h"

#include <map>
#include <string>
#include <string_view>

namespace kiosk {

struct AudioConfig {
    bool enabled = true;
    std::string voice = "en";                   // the deck's own language
    std::map<std::string, std::string> voices;  // voice_es = "es" → voices["es"]: other languages
    double volume = 0.8;                        // 0 … 1 of full scale
    int rate = 150;                             // words per minute (espeak-ng's own default is 175)
    // The voice for `language` ("es"); the default voice for the deck's own language or one with
    // no voice_XX line.
    [[nodiscard]] const std::string& voice_for(std::string_view language) const;
    friend bool operator==(const AudioConfig&, const AudioConfig&) = default;
};

// Reads [audio]. A bad value is reported as file:line and keeps its value from `last`; an unknown
// key is an error with a "did you mean".
void parse_audio_config(const toml_util::Context& ctx, const toml::table& table, AudioConfig& out,
                        const AudioConfig& last);

}  // namespace kiosk
