// Reads [languages] and each [text.xx] of kiosk.toml into LanguagesConfig (config.h), and makes the
// settings a patient sees in one language. Kept out of config.cpp, which only calls read_languages.
//
//   [languages]
//   default = "en"        # the language of the slides with no code in their name
//   en = "English"        # each language's name as its speakers write it: shown on the button
//   es = "Español"
//   [text.es]             # the patient-facing sentences in Spanish; a missing key stays as in [text]
//   button_label = "¿Le interesa? Toque aquí"
#pragma once

#include "config.h"
#include "toml_helpers.h"

#include <string_view>

namespace kiosk {

// [languages] and [text.xx] from the file's root table. A bad entry keeps its last good value;
// `base_text` (the parsed [text]) fills every sentence a [text.xx] leaves out.
void read_languages(const toml_util::Context& ctx, const toml::table& root, LanguagesConfig& out,
                    const LanguagesConfig& last, const UiStrings& base_text);

// The [text] reader of config.cpp, for one [text.xx] table: unknown keys are errors, a bad or
// empty value keeps `last`'s.
void read_ui_strings(const toml_util::Context& ctx, const toml::table& t, UiStrings& s, const UiStrings& last);

// The settings with `code`'s sentences in [text] (an unknown code, or the default: unchanged).
[[nodiscard]] KioskConfig localized(const KioskConfig& config, std::string_view code);

// The codes of the other languages, for the deck loader's pairing.
[[nodiscard]] std::vector<std::string> other_language_codes(const LanguagesConfig& languages);

}  // namespace kiosk
