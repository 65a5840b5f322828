#include "deck_translations.h"

#include "language_config.h"

#include <algorithm>

namespace kiosk {

namespace fs = std::filesystem;

std::shared_ptr<const Slide> Deck::in_language(const std::shared_ptr<const Slide>& slide, std::string_view language) const {
    if (!slide) return slide;
    const auto lang = translations.find(std::string(language));
    if (lang == translations.end()) return slide;
    const auto t = lang->second.find(slide->file_name);
    return t == lang->second.end() ? slide : t->second;
}

TranslationPairing pair_files(const std::vector<fs::path>& files, const KioskConfig& config,
                              const std::string& display_prefix) {
    std::vector<std::string> names;
    names.reserve(files.size());
    for (const fs::path& f : files) names.push_back(f.filename().string());
    return pair_translations(names, other_language_codes(config.languages), display_prefix);
}

namespace {

SlideFileReport* report_of(Deck& deck, const std::string& name) {
    for (auto& r : deck.files) {
        if (r.file_name == name) return &r;
    }
    return nullptr;
}

std::shared_ptr<const Slide> with_call_to_action(const std::shared_ptr<const Slide>& s) {
    if (!s || s->call_to_action) return s;
    auto copy = std::make_shared<Slide>(*s);
    copy->call_to_action = true;
    return copy;
}

}  // namespace

void load_translations(Deck& deck, const std::vector<fs::path>& files, const TranslationPairing& pairing,
                       const DeckLoadOptions& options) {
    static const KioskConfig kDefaults;
    const KioskConfig& config = options.config ? *options.config : kDefaults;
    for (const auto& [lang, by_original] : pairing.translations) {
        // A translation is read with the sentences of its own language ({phone} hidden, etc.).
        const KioskConfig lang_config = localized(config, lang);
        for (const auto& [original, name] : by_original) {
            // A named copy, not the binding itself: C++20 lambdas cannot capture structured bindings portably
            // (g++ allows it, clang 14 used by the fuzz build does not).
            const std::string& wanted = name;
            const auto file = std::find_if(files.begin(), files.end(),
                                           [&wanted](const fs::path& p) { return p.filename().string() == wanted; });
            if (file == files.end()) continue;
            SlideParseResult parsed = parse_slide_file(*file, deck.folder, options.display_prefix + name, lang_config,
                                                       options.decode_picture);
            SlideFileReport report{name, SlideFileState::Ok, std::move(parsed.diagnostics)};
            std::shared_ptr<const Slide> slide;
            if (parsed.slide) {
                if (!report.diagnostics.empty()) report.state = SlideFileState::Warnings;
                slide = std::make_shared<const Slide>(std::move(*parsed.slide));
            } else {
                report.state = SlideFileState::Rejected;
                if (options.previous) {
                    if (const auto l = options.previous->translations.find(lang); l != options.previous->translations.end()) {
                        if (const auto p = l->second.find(original); p != l->second.end()) {
                            report.state = SlideFileState::KeptPrevious;
                            slide = p->second;
                        }
                    }
                }
            }
            deck.files.push_back(std::move(report));
            const Slide* source = deck.find(original);
            if (!slide || !source) continue;
            // The original asks for the call to action: so does its translation.
            if (source->call_to_action) slide = with_call_to_action(slide);
            deck.translations[lang][original] = std::move(slide);
        }
    }
    for (const auto& [name, warnings] : pairing.warnings) {
        SlideFileReport* r = report_of(deck, name);
        if (!r) {
            deck.files.push_back({name, SlideFileState::Warnings, {}});
            r = &deck.files.back();
        }
        if (r->state == SlideFileState::Ok) r->state = SlideFileState::Warnings;
        r->diagnostics.insert(r->diagnostics.end(), warnings.begin(), warnings.end());
    }
    // The article ends "call ... today": the last slide carries the number, unless it declines or has a
    // picture of its own (staff who put a picture there see it, never a QR code in its place; they
    // write call_to_action = true to have the number instead, as the bundled deck does).
    if (!deck.slides.empty() && deck.slides.back()->takes_call_to_action_when_last()) {
        auto& last = deck.slides.back();
        last = with_call_to_action(last);
        for (auto& [lang, by_original] : deck.translations) {
            if (auto t = by_original.find(last->file_name); t != by_original.end()) t->second = with_call_to_action(t->second);
        }
    }
}

}  // namespace kiosk
