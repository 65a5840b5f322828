// The deck loader's part for translated slides (translations.h): which files are translations,
// loading them beside their originals, the pairing warnings in each file's report, and marking the
// last slide as the call to action.
#pragma once

#include "deck.h"
#include "translations.h"

namespace kiosk {

[[nodiscard]] TranslationPairing pair_files(const std::vector<std::filesystem::path>& files, const KioskConfig& config,
                                            const std::string& display_prefix);

// After the originals are in `deck`: parses the translations into deck.translations, adds their
// reports and the pairing's warnings, and sets call_to_action on the last slide (and its translations).
void load_translations(Deck& deck, const std::vector<std::filesystem::path>& files, const TranslationPairing& pairing,
                       const DeckLoadOptions& options);

}  // namespace kiosk
