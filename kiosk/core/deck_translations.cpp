#include "deck_translations.h"

#include "language_config.h"

#include <algorithm>
#include <chrono>
#include <optional>

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

// A translation saved before its original was last changed may no longer say the same. Copying a
// folder or checking it out writes the files seconds apart in any order: only a gap longer than
// that counts.
constexpr auto kStaleTranslationSlack = std::chrono::minutes(5);

std::optional<Diagnostic> stale_translation(const fs::path& translation, const fs::path& original,
                                            const std::string& display_name, const std::string& original_name) {
    std::error_code e1, e2;
    const auto t = fs::last_write_time(translation, e1);
    const auto o = fs::last_write_time(original, e2);
    if (e1 || e2 || o - t <= kStaleTranslationSlack) return std::nullopt;
    return Diagnostic{display_name, 0, Severity::Warning,
                      "this translation is older than " + original_name + ", which was changed after it was translated",
                      "Check that it still says the same as " + original_name +
                          " and save it (even unchanged) to clear this warning"};
}

// The translation's picture is usually its original's: the same file, shown in the same layout,
// is taken from the original's decoded pixels instead of being decoded a second time.
PictureDecoder sharing_decoder(const PictureDecoder& decode, const Slide* original) {
    if (!decode) return decode;
    return
        [decode, original](const SlideImage& image, std::string_view bytes, SlideLayoutKind layout) -> PictureDecode {
            if (original && original->image && original->image->pixels && original->layout == layout &&
                original->image->path == image.path && original->image->digest == image.digest) {
                return PictureDecode{original->image->pixels, {}};
            }
            return decode(image, bytes, layout);
        };
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
            const Slide* source = deck.find(original);
            SlideParseResult parsed = parse_slide_file(*file, deck.folder, options.display_prefix + name, lang_config,
                                                       sharing_decoder(options.decode_picture, source));
            SlideFileReport report{name, SlideFileState::Ok, std::move(parsed.diagnostics)};
            if (auto stale =
                    stale_translation(*file, deck.folder / original, options.display_prefix + name, original)) {
                report.diagnostics.push_back(std::move(*stale));
                if (parsed.slide) parsed.slide->warnings.push_back(report.diagnostics.back());
            }
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
