#include "deck.h"

#include "deck_translations.h"
#include "temp_files.h"

#include <algorithm>

namespace kiosk {

namespace fs = std::filesystem;

Diagnostics Deck::all_diagnostics() const {
    Diagnostics all = folder_diagnostics;
    for (const auto& f : files) all.insert(all.end(), f.diagnostics.begin(), f.diagnostics.end());
    return all;
}

const Slide* Deck::find(const std::string& file_name) const {
    for (const auto& s : slides) {
        if (s->file_name == file_name) return s.get();
    }
    return nullptr;
}

const char* to_string(SlideFileState s) {
    switch (s) {
        case SlideFileState::Ok: return "ok";
        case SlideFileState::Warnings: return "warning";
        case SlideFileState::Rejected: return "rejected";
        case SlideFileState::KeptPrevious: return "rejected, showing last good version";
    }
    return "?";
}

Deck load_deck(const fs::path& folder, const DeckLoadOptions& options) {
    static const KioskConfig kDefaults;
    const KioskConfig& config = options.config ? *options.config : kDefaults;
    Deck deck;
    deck.folder = folder;

    std::vector<fs::path> files;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
        deck.folder_readable = false;
        deck.folder_diagnostics.push_back(
            {folder.string(), 0, Severity::Error,
             ec == std::errc::no_such_file_or_directory ? "the slides folder does not exist"
                                                        : "the slides folder cannot be read (" + ec.message() + ")",
             "Check the folder name and permissions; the kiosk keeps showing the last good slides"});
        return deck;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (is_editor_temp_file(name)) continue;
        if (p.extension() != ".md") continue;  // pictures, notes and folders live alongside slides
        std::error_code fec;
        if (!fs::is_regular_file(p, fec)) continue;
        files.push_back(p);
    }
    // A slide that is a symbolic link to a file outside the folder is refused like such an image:
    // a USB stick or share must not be able to put any file of the box on screen.
    const fs::path real_folder = fs::weakly_canonical(folder, ec);
    std::vector<fs::path> outside;
    for (const fs::path& p : files) {
        std::error_code fec;
        const fs::path real = fs::canonical(p, fec);
        const auto [f_end, r_it] = std::mismatch(real_folder.begin(), real_folder.end(), real.begin(), real.end());
        if (fec || f_end != real_folder.end()) outside.push_back(p);
    }
    for (const fs::path& p : outside) {
        files.erase(std::remove(files.begin(), files.end(), p), files.end());
        const std::string name = p.filename().string();
        deck.files.push_back({name, SlideFileState::Rejected,
                              {{options.display_prefix + name, 0, Severity::Error,
                                "the slide is a link to a file outside the slides folder",
                                "Copy the slide file itself into the slides folder"}}});
    }
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename().string() < b.filename().string();
    });

    // Translations (NNN-name.es.md) are loaded beside the originals, not played as slides of their own.
    const TranslationPairing pairing = pair_files(files, config, options.display_prefix);
    for (const fs::path& file : files) {
        const std::string name = file.filename().string();
        if (translation_name(name)) continue;
        SlideParseResult parsed =
            parse_slide_file(file, folder, options.display_prefix + name, config, options.decode_picture);
        SlideFileReport report{name, SlideFileState::Ok, std::move(parsed.diagnostics)};
        if (parsed.slide) {
            if (!report.diagnostics.empty()) report.state = SlideFileState::Warnings;
            deck.slides.push_back(std::make_shared<const Slide>(std::move(*parsed.slide)));
        } else {
            report.state = SlideFileState::Rejected;
            if (options.previous) {
                const auto prev = std::find_if(options.previous->slides.begin(), options.previous->slides.end(),
                                               [&name](const auto& s) { return s->file_name == name; });
                if (prev != options.previous->slides.end()) {
                    report.state = SlideFileState::KeptPrevious;
                    deck.slides.push_back(*prev);
                }
            }
        }
        deck.files.push_back(std::move(report));
    }
    load_translations(deck, files, pairing, options);
    std::sort(deck.files.begin(), deck.files.end(),
              [](const SlideFileReport& a, const SlideFileReport& b) { return a.file_name < b.file_name; });
    return deck;
}

}  // namespace kiosk
