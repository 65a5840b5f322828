// The slides folder as a whole: the usable slides in file-name order, and a report for every
// file (ok / warnings / rejected / showing its last good version), which `kiosk check`, the log
// and the staff panel all show.
#pragma once

#include "config.h"
#include "diagnostic.h"
#include "slide.h"
#include "slide_parser.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {

enum class SlideFileState {
    Ok,
    Warnings,      // usable, with warnings
    Rejected,      // not shown
    KeptPrevious,  // the new version is broken: its last good version keeps playing
};

struct SlideFileReport {
    std::string file_name;
    SlideFileState state = SlideFileState::Ok;
    Diagnostics diagnostics;
};

struct Deck {
    std::filesystem::path folder;
    std::vector<std::shared_ptr<const Slide>> slides;  // shared so the player can hold one across swaps
    std::vector<SlideFileReport> files;
    // Translated slides (NNN-name.es.md): language -> original's file name -> translation.
    std::map<std::string, std::map<std::string, std::shared_ptr<const Slide>>> translations;
    Diagnostics folder_diagnostics;  // the folder itself is missing or unreadable
    bool folder_readable = true;

    [[nodiscard]] Diagnostics all_diagnostics() const;
    [[nodiscard]] const Slide* find(const std::string& file_name) const;
    // `slide` in `language`: its translation, or itself when it has none (deck_translations.cpp).
    [[nodiscard]] std::shared_ptr<const Slide> in_language(const std::shared_ptr<const Slide>& slide,
                                                           std::string_view language) const;
};

struct DeckLoadOptions {
    const KioskConfig* config = nullptr;
    // Decodes each picture into the deck (at the size it is shown); empty: pictures are only
    // read and checked by their header.
    PictureDecoder decode_picture;
    // The deck on screen now: a slide whose new version is rejected keeps this version.
    const Deck* previous = nullptr;
    // How files are named in diagnostics: prefix + file name (e.g. "slides/").
    std::string display_prefix;
};

[[nodiscard]] Deck load_deck(const std::filesystem::path& folder, const DeckLoadOptions& options);

[[nodiscard]] const char* to_string(SlideFileState s);

}  // namespace kiosk
