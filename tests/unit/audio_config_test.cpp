// [audio] in kiosk.toml: values, per-language voices, and file:line errors that keep the last good value.
#include "core/config.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

const Diagnostic* find(const ConfigResult& r, std::string_view part) {
    const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
    return it == r.diagnostics.end() ? nullptr : &*it;
}

TEST(AudioConfig, DefaultsWithNoSection) {
    const ConfigResult r = parse_config("", "kiosk.toml");
    EXPECT_TRUE(r.config.audio.enabled);
    EXPECT_EQ(r.config.audio.voice, "en");
    EXPECT_EQ(r.config.audio.voice_for("es"), "en") << "a language with no voice_XX uses the default voice";
}

TEST(AudioConfig, EverySettingIsRead) {
    const ConfigResult r = parse_config(
        "[audio]\nenabled = false\nvoice = \"en-gb\"\nvoice_es = \"es-419\"\nvolume = 0.5\nrate = 130\n", "kiosk.toml");
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().to_string();
    EXPECT_FALSE(r.config.audio.enabled);
    EXPECT_EQ(r.config.audio.voice, "en-gb");
    EXPECT_EQ(r.config.audio.voice_for("es"), "es-419");
    EXPECT_EQ(r.config.audio.voice_for("en"), "en-gb");
    EXPECT_DOUBLE_EQ(r.config.audio.volume, 0.5);
    EXPECT_EQ(r.config.audio.rate, 130);
}

TEST(AudioConfig, BadValuesAreFileLineErrorsAndKeepTheLastGood) {
    KioskConfig last;
    last.audio.volume = 0.3;
    last.audio.rate = 170;
    last.audio.voice = "en-us";
    last.audio.voices["es"] = "es";
    const ConfigResult r = parse_config(
        "[audio]\nvolume = 7\nrate = 1.5\nvoice = \"en us\"\nvoice_es = 3\nvolumen = 1\n", "kiosk.toml", last);
    EXPECT_DOUBLE_EQ(r.config.audio.volume, 0.3);
    EXPECT_EQ(r.config.audio.rate, 170);
    EXPECT_EQ(r.config.audio.voice, "en-us");
    EXPECT_EQ(r.config.audio.voice_for("es"), "es");
    const Diagnostic* voice = find(r, "not an espeak-ng voice");
    ASSERT_NE(voice, nullptr);
    EXPECT_EQ(voice->line, 4);
    EXPECT_NE(voice->to_string().find("kiosk.toml:4: error"), std::string::npos) << voice->to_string();
    const Diagnostic* typo = find(r, "unknown key 'volumen' in [audio]");
    ASSERT_NE(typo, nullptr);
    EXPECT_EQ(typo->line, 6);
    EXPECT_NE(typo->hint.find("volume"), std::string::npos);
    EXPECT_NE(find(r, "rate"), nullptr);
    EXPECT_NE(find(r, "voice_es"), nullptr);
}

}  // namespace
}  // namespace kiosk
