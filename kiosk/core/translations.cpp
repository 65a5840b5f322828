#include "translations.h"

#include <algorithm>
#include <set>

namespace kiosk {

bool is_language_code(std::string_view code) {
    return (code.size() == 2 || code.size() == 3) &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::optional<TranslationName> translation_name(std::string_view file_name) {
    constexpr std::string_view kExt = ".md";
    if (file_name.size() <= kExt.size() || !file_name.ends_with(kExt)) return std::nullopt;
    const std::string_view stem = file_name.substr(0, file_name.size() - kExt.size());
    const std::size_t dot = stem.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    const std::string_view code = stem.substr(dot + 1);
    if (!is_language_code(code)) return std::nullopt;
    return TranslationName{std::string(stem.substr(0, dot)) + std::string(kExt), std::string(code)};
}

TranslationPairing pair_translations(const std::vector<std::string>& file_names,
                                     const std::vector<std::string>& languages, const std::string& display_prefix) {
    TranslationPairing out;
    std::vector<std::pair<std::string, TranslationName>> translated;
    for (const std::string& name : file_names) {
        if (auto t = translation_name(name)) {
            translated.emplace_back(name, std::move(*t));
        } else {
            out.originals.push_back(name);
        }
    }
    const std::set<std::string> originals(out.originals.begin(), out.originals.end());
    for (const auto& [file, t] : translated) {
        const bool listed = std::find(languages.begin(), languages.end(), t.language) != languages.end();
        if (!listed) {
            // With no other language offered the feature is off: translations wait silently.
            if (languages.empty()) continue;
            out.warnings[file].push_back(
                {display_prefix + file, 0, Severity::Warning,
                 "this is a translation into '" + t.language + "', which [languages] in kiosk.toml does not list",
                 "Add " + t.language + " = \"(its name)\" under [languages], or rename the file; it is not shown"});
        } else if (!originals.contains(t.original)) {
            out.warnings[file].push_back({display_prefix + file, 0, Severity::Warning,
                                          "this translation has no original '" + t.original + "'",
                                          "Name it like the slide it translates (or restore " + t.original +
                                              "); it is not shown"});
        } else {
            out.translations[t.language][t.original] = file;
        }
    }
    for (const std::string& lang : languages) {
        const auto& have = out.translations[lang];
        for (const std::string& original : out.originals) {
            if (have.contains(original)) continue;
            const std::string stem = original.substr(0, original.size() - 3);
            out.warnings[original].push_back({display_prefix + original, 0, Severity::Warning,
                                              "no '" + lang + "' translation: patients who choose it see this slide untranslated",
                                              "Add " + stem + "." + lang + ".md beside it"});
        }
    }
    return out;
}

}  // namespace kiosk
