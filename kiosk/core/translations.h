// Translated slides live beside their original: `020-massage.es.md` is the Spanish version of
// `020-massage.md` (same name, a language code before ".md"). This pairs them by file name and
// says what is missing, so `kiosk check` can warn about a translation with no original (it would
// never show) and an original with no translation (it shows in the default language).
#pragma once

#include "diagnostic.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct TranslationName {
    std::string original;  // "020-massage.md"
    std::string language;  // "es"
    friend bool operator==(const TranslationName&, const TranslationName&) = default;
};

// "020-massage.es.md" -> {"020-massage.md", "es"}; nullopt for an original ("020-massage.md") or a
// name whose last dotted part is not a language code (2 or 3 lowercase letters).
[[nodiscard]] std::optional<TranslationName> translation_name(std::string_view file_name);

// True for "es", "de", "fil": what may stand before ".md" and in [languages].
[[nodiscard]] bool is_language_code(std::string_view code);

struct TranslationPairing {
    std::vector<std::string> originals;  // in the order given
    // language -> original file name -> translation file name
    std::map<std::string, std::map<std::string, std::string>> translations;
    // file name -> warnings about it (a translation without original, an original without a
    // translation into a listed language, a translation into a language not listed, unless none is: then
    // the feature is off and translations are quietly left out)
    std::map<std::string, Diagnostics> warnings;
};

// Sorts slide file names into originals and translations. `languages` are the other languages the
// kiosk offers (not the deck's own); `display_prefix` goes before file names in diagnostics.
[[nodiscard]] TranslationPairing pair_translations(const std::vector<std::string>& file_names,
                                                   const std::vector<std::string>& languages,
                                                   const std::string& display_prefix);

}  // namespace kiosk
