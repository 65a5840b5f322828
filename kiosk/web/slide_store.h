// The slides folder as staff change it from the web page: list, read, check-then-save, add, remove
// (restorable), reorder, switch off/on and picture upload. No HTTP here, so it is tested with real files.
// Every name comes from a request: it is checked to be a plain file name and every open goes through a
// folder descriptor with RESOLVE_BENEATH, so nothing can reach outside the slides folder.
#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "core/diagnostic.h"
#include "core/translations.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::web {

// A switched-off slide keeps its file with this suffix ("020-massage.md.off"): the deck loader reads
// only "*.md", so the kiosk skips it, and switching it on again is one rename.
inline constexpr std::string_view kOffSuffix = ".off";
// Removed slides go here, below the slides folder; the loader never walks into folders.
inline constexpr std::string_view kRemovedFolder = "removed";
// Uploaded pictures go here (the sample slides keep theirs there too).
inline constexpr std::string_view kPictureFolder = "art";

enum class SlideStatus { Playing, Scheduled, Problems, Off };
[[nodiscard]] const char* to_string(SlideStatus s);

struct SlideEntry {
    std::string name;  // the file name, e.g. "020-massage.md" or "020-massage.md.off"
    SlideStatus status = SlideStatus::Playing;
    std::string title;
    std::string picture;                // the image key as written (relative), empty for none
    int duration_seconds = 0;           // as it plays (reading time when not written)
    std::string show_window;            // "always", or "Mon–Fri 08:00–12:00 from 2026-12-01"
    std::vector<std::string> messages;  // "line: message" (hint) for each warning/error
    // Off: the first error that keeps it from being switched on (the check set_enabled makes), so
    // staff see it before they try; empty when it would switch on.
    std::string switch_on_error;
    // Its translations beside it ("020-massage.es.md"), which travel with it when it is moved, removed
    // or restored. A translation whose original is gone is listed as an entry of its own.
    std::vector<std::string> translations;
};

// A slide file's text and its version stamp (a hash of the bytes): a save must present the stamp it
// started from, so a second editor's save never silently overwrites the first one's.
struct SlideText {
    std::string text;
    std::string etag;
    std::string error;  // set when the slide cannot be read (no such slide, not a plain file, ...)
};

struct SaveResult {
    enum class Outcome { Saved, Rejected, Conflict, Failed };
    Outcome outcome = Outcome::Failed;
    kiosk::Diagnostics diagnostics;  // Rejected: why `kiosk check` would refuse it (and warnings)
    std::string message;             // for a person
    std::string etag;                // Saved: the new stamp
    std::string name;                // Saved: the file written (add/restore may pick a new name)
};

struct UploadResult {
    int status = 200;     // 200, 413 (too big, limit stated), 415 (not a picture), 400, 500
    std::string message;  // for a person
    std::string picture;  // the image key to write, e.g. "art/poster.png"
};

// "line 5: message (hint)", what the page shows next to a field.
[[nodiscard]] std::string line_message(const kiosk::Diagnostic& d);

class SlideStore {
public:
    SlideStore(std::filesystem::path slides_dir, kiosk::KioskConfig config);

    // Every slide, switched-off ones included, in play order (the order of their file names);
    // translations (switched on or off) are listed under their original.
    [[nodiscard]] std::vector<SlideEntry> list(const kiosk::LocalTime& now) const;
    [[nodiscard]] std::vector<std::string> removed() const;

    [[nodiscard]] SlideText read(std::string_view name) const;
    // The checks `kiosk check` runs, on text not yet saved (for the preview and before a save).
    [[nodiscard]] kiosk::Diagnostics check(std::string_view name, std::string_view text) const;
    // Checks, compares the stamp, then writes atomically (temp file in the folder, fsync, rename).
    [[nodiscard]] SaveResult save(std::string_view name, std::string_view text, std::string_view expected_etag);
    // A new slide with the front matter (layout, picture, show window) of `template_name` and `title`,
    // numbered after the last slide. Checked like a save.
    [[nodiscard]] SaveResult add_from(std::string_view template_name, std::string_view title);
    [[nodiscard]] SaveResult remove(std::string_view name);   // into removed/
    [[nodiscard]] SaveResult restore(std::string_view name);  // from removed/, to the end of the order if taken
    // Renames the slide and its translations to or from "*.md.off" (all or none: a refused rename
    // puts back the ones done). Switching on is refused when the slide would not load.
    [[nodiscard]] SaveResult set_enabled(std::string_view name, bool on);
    // Rewrites the number prefixes (010, 020, ...) so the slides play in `order` (every slide's name).
    [[nodiscard]] SaveResult reorder(const std::vector<std::string>& order);
    // Moves one slide a place earlier (-1) or later (+1).
    [[nodiscard]] SaveResult move(std::string_view name, int step);
    // Moves one slide to `place` in the play order (1 = first).
    [[nodiscard]] SaveResult move_to(std::string_view name, int place);
    // A reorder cut short (power cut, the service stopped) leaves slides under hidden names the
    // kiosk skips; this puts each back under the name it was going to get. Run at start-up.
    void finish_interrupted_reorder();
    // A save or upload cut short (the process killed mid-write) leaves its hidden temp file
    // (".web-<digits>.tmp") for ever; this deletes those in the folder, removed/ and art/, and
    // nothing else. Run at start-up, before any save. Returns how many it deleted.
    int remove_leftover_temp_files();
    [[nodiscard]] UploadResult upload_picture(std::string_view filename, std::string_view bytes);

    [[nodiscard]] const std::filesystem::path& folder() const { return dir_; }
    [[nodiscard]] const kiosk::KioskConfig& config() const { return config_; }
    // The settings slide `name` is read and drawn with: a translation's are in its own language
    // (the buttons and {phone} text of [text.es]), as the kiosk's loader reads it.
    [[nodiscard]] kiosk::KioskConfig config_for(std::string_view name) const;
    // True when `name` (or, for a translation, its original) is the last slide the kiosk plays, the
    // one that gets the clinic's number unless it declines or has a picture.
    [[nodiscard]] bool is_last_slide(std::string_view name) const;

private:
    std::filesystem::path dir_;
    kiosk::KioskConfig config_;
};

// True for the names staff slides may have: a plain file name (no folder, no leading dot) of letters,
// digits, '-', '_' and '.', ending ".md" or ".md.off". Everything a request names is checked by this.
[[nodiscard]] bool is_slide_name(std::string_view name);
// "020-massage.es.md" and, switched off, "020-massage.es.md.off" → {"020-massage.md", "es"}; nullopt
// for an original.
[[nodiscard]] std::optional<kiosk::TranslationName> slide_translation_name(std::string_view name);
// The content stamp of a slide's bytes.
[[nodiscard]] std::string slide_etag(std::string_view bytes);

}  // namespace kiosk::web
