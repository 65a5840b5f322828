#include "web/slide_store.h"

#include "core/deck.h"
#include "core/image_probe.h"
#include "core/language_config.h"
#include "core/picture_file.h"
#include "core/slide_parser.h"
#include "core/translations.h"
#include "web/folder_io.h"
#include "web/slide_form.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <set>

namespace kiosk::web {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "020-massage.md.off" → "020-massage.md"
std::string base_name(std::string_view name) {
    return std::string(ends_with(name, kOffSuffix) ? name.substr(0, name.size() - kOffSuffix.size()) : name);
}

// "020-massage.md" → "massage.md": the name without its play-order number.
std::string unnumbered(std::string_view name) {
    std::size_t i = 0;
    while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) ++i;
    if (i > 0 && i < name.size() && (name[i] == '-' || name[i] == '_')) return std::string(name.substr(i + 1));
    return std::string(name);
}

int number_of(std::string_view name) {
    int n = 0;
    std::size_t i = 0;
    for (; i < name.size() && i < 6 && std::isdigit(static_cast<unsigned char>(name[i])); ++i)
        n = n * 10 + (name[i] - '0');
    return i == 0 ? 0 : n;
}

std::string numbered(int number, std::string_view rest) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%03d-", number);
    return prefix + std::string(rest);
}

std::string slug(std::string_view text, std::string_view fallback) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80)
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string(fallback) : out;
}

const char* day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string describe(const ShowWindow& w) {
    if (w.always()) return "always";
    std::string out;
    if (w.days != 0x7F) {
        for (int d = 1; d <= 7; ++d) {  // Monday first, as a desk calendar
            if (w.days & (1u << (d % 7))) out += std::string(out.empty() ? "" : " ") + day_names[d % 7];
        }
    }
    if (w.start_minute != 0 || w.end_minute != 24 * 60) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02d:%02d–%02d:%02d", w.start_minute / 60, w.start_minute % 60,
                      w.end_minute / 60, w.end_minute % 60);
        out += std::string(out.empty() ? "" : " ") + buf;
    }
    const auto date = [](const CivilDate& d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        return std::string(buf);
    };
    if (w.from) out += std::string(out.empty() ? "" : " ") + "from " + date(*w.from);
    if (w.until) out += std::string(out.empty() ? "" : " ") + "until " + date(*w.until);
    return out;
}

SaveResult failed(std::string message) {
    SaveResult r;
    r.outcome = SaveResult::Outcome::Failed;
    r.message = std::move(message);
    return r;
}

SaveResult done(std::string name, std::string message) {
    SaveResult r;
    r.outcome = SaveResult::Outcome::Saved;
    r.name = std::move(name);
    r.message = std::move(message);
    return r;
}

// True for "020-massage.es.md" (or "020-massage.es.md.off"): a translation, which plays only beside
// its original.
bool is_translation(std::string_view name) {
    return slide_translation_name(name).has_value();
}

// The translations of `original` ("020-massage.md" or "020-massage.md.off") among `files`, switched
// on or off.
std::vector<std::string> translations_of(const std::vector<std::string>& files, std::string_view original) {
    std::vector<std::string> out;
    if (is_translation(original)) return out;
    const std::string base = base_name(original);
    for (const std::string& f : files) {
        if (!is_slide_name(f) || !is_translation(f)) continue;
        if (slide_translation_name(f)->original == base) out.push_back(f);
    }
    return out;
}

// What `translation` is called beside its original's new name: "020-massage.es.md" beside
// "030-massage.md" (or "030-massage.md.off") is "030-massage.es.md"; a switched-off translation
// stays switched off ("030-massage.es.md.off").
std::string translation_beside(std::string_view translation, std::string_view new_original) {
    const std::string base = base_name(new_original);
    return base.substr(0, base.size() - 3) + "." + slide_translation_name(translation)->language + ".md" +
           (ends_with(translation, kOffSuffix) ? std::string(kOffSuffix) : "");
}

// "020-massage.md" ↔ "020-massage.md.off".
std::string toggled(std::string_view name) {
    return ends_with(name, kOffSuffix) ? base_name(name) : std::string(name) + std::string(kOffSuffix);
}

// `folder` + "/" + name, or the name alone for the slides folder itself.
std::string in_folder(std::string_view folder, std::string_view name) {
    return folder.empty() ? std::string(name) : std::string(folder) + "/" + std::string(name);
}

// True when `name` in `folder` and what its translations would be called are free, switched on and off.
bool free_with(const FolderIo& io, std::string_view folder, const std::string& name,
               const std::vector<std::string>& translations) {
    if (io.exists(in_folder(folder, name)) || io.exists(in_folder(folder, toggled(name)))) return false;
    for (const std::string& t : translations) {
        const std::string beside = translation_beside(t, name);
        if (io.exists(in_folder(folder, beside)) || io.exists(in_folder(folder, toggled(beside)))) return false;
    }
    return true;
}

// Renames a slide and its translations from `from_folder` to `to_folder` ("" = the slides folder),
// the slide to `to`, each translation beside it. Stops at the first refusal.
bool rename_with(const FolderIo& io, std::string_view from_folder, std::string_view from, std::string_view to_folder,
                 const std::string& to, const std::vector<std::string>& translations, std::string& error) {
    if (!io.rename(in_folder(from_folder, from), in_folder(to_folder, to), error)) return false;
    for (const std::string& t : translations) {
        if (!io.rename(in_folder(from_folder, t), in_folder(to_folder, translation_beside(t, to)), error)) return false;
    }
    return true;
}

int last_number(const FolderIo& io) {
    int last = 0;
    for (const std::string& n : io.files()) {
        if (is_slide_name(n)) last = std::max(last, number_of(n));
    }
    return last;
}

// A reorder moves each slide through this hidden name (the kiosk's loader skips hidden files), which
// also says where it was going, so a reorder cut short can be finished.
constexpr std::string_view kReorderPrefix = ".reorder.";
constexpr std::string_view kReorderSuffix = ".tmp";

std::vector<std::string> messages_of(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(line_message(d));
    return out;
}

}  // namespace

const char* to_string(SlideStatus s) {
    switch (s) {
        case SlideStatus::Playing:
            return "playing";
        case SlideStatus::Scheduled:
            return "scheduled";
        case SlideStatus::Problems:
            return "has problems";
        case SlideStatus::Off:
            return "switched off";
    }
    return "?";
}

std::string line_message(const Diagnostic& d) {
    std::string out = d.line > 0 ? "line " + std::to_string(d.line) + ": " : "";
    out += d.severity == Severity::Warning ? "warning: " : "";
    out += d.message;
    if (!d.hint.empty()) out += " (" + d.hint + ")";
    return out;
}

bool is_slide_name(std::string_view name) {
    if (name.empty() || name.size() > 120 || name.front() == '.' || name.front() == '-') return false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) && u < 0x80) && c != '-' && c != '_' && c != '.' && c != ' ') return false;
    }
    if (name.find("..") != std::string_view::npos) return false;
    return ends_with(name, ".md") || ends_with(name, std::string(".md") + std::string(kOffSuffix));
}

std::optional<TranslationName> slide_translation_name(std::string_view name) {
    return translation_name(base_name(name));
}

std::string slide_etag(std::string_view bytes) {
    return "\"" + std::to_string(bytes.size()) + "-" + std::to_string(std::hash<std::string_view>{}(bytes)) + "\"";
}

SlideStore::SlideStore(fs::path slides_dir, KioskConfig config)
    : dir_(std::move(slides_dir)), config_(std::move(config)) {}

std::vector<SlideEntry> SlideStore::list(const LocalTime& now) const {
    DeckLoadOptions options;
    options.config = &config_;
    const Deck deck = load_deck(dir_, options);  // the kiosk's own loader and checks
    const FolderIo io(dir_);
    const std::vector<std::string> files = io.files();
    // The originals here (switched off or not): their translations are listed under them.
    std::set<std::string> originals;
    for (const std::string& n : files) {
        if (is_slide_name(n) && !is_translation(n)) originals.insert(base_name(n));
    }
    std::vector<SlideEntry> out;
    for (const SlideFileReport& f : deck.files) {
        if (is_translation(f.file_name) && originals.count(slide_translation_name(f.file_name)->original)) continue;
        SlideEntry e;
        e.name = f.file_name;
        e.translations = translations_of(files, f.file_name);
        e.messages = messages_of(f.diagnostics);
        const Slide* s = deck.find(f.file_name);
        if (!s) {
            e.status = SlideStatus::Problems;
        } else {
            e.status = s->show.allows(now) ? SlideStatus::Playing : SlideStatus::Scheduled;
            e.title = s->title;
            e.duration_seconds = static_cast<int>((s->duration.count() + 500) / 1000);
            e.show_window = describe(s->show);
            if (s->image) e.picture = fs::path(s->image->path).lexically_relative(dir_).generic_string();
        }
        if (e.title.empty()) {
            SlideText t = read(f.file_name);
            e.title = fields_from_text(t.text).title;
        }
        out.push_back(std::move(e));
    }
    // Switched-off slides: given the check that switching on makes, so staff see why one would not
    // switch on before they try. A switched-off translation is listed under its original.
    for (const std::string& name : files) {
        if (!ends_with(name, std::string(".md") + std::string(kOffSuffix)) || !is_slide_name(name)) continue;
        if (is_translation(name) && originals.count(slide_translation_name(name)->original)) continue;
        SlideEntry e;
        e.name = name;
        e.translations = translations_of(files, name);
        e.status = SlideStatus::Off;
        const SlideText t = read(name);
        const Diagnostics problems = check(base_name(name), t.text);
        e.messages = messages_of(problems);
        if (!t.error.empty()) {
            e.switch_on_error = t.error;
        } else if (const auto first = std::find_if(problems.begin(), problems.end(),
                                                   [](const Diagnostic& d) { return d.severity == Severity::Error; });
                   first != problems.end()) {
            e.switch_on_error = line_message(*first);
        }
        const SlideParseResult parsed = parse_slide_text(t.text, dir_, name, config_for(name));
        if (parsed.slide) {
            e.title = parsed.slide->title;
            e.duration_seconds = static_cast<int>((parsed.slide->duration.count() + 500) / 1000);
            e.show_window = describe(parsed.slide->show);
        } else {
            e.title = fields_from_text(t.text).title;
        }
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SlideEntry& a, const SlideEntry& b) { return base_name(a.name) < base_name(b.name); });
    return out;
}

std::vector<std::string> SlideStore::removed() const {
    const std::vector<std::string> files = FolderIo(dir_).files(kRemovedFolder);
    std::set<std::string> originals;  // switched on or off
    for (const std::string& n : files) {
        if (is_slide_name(n) && !is_translation(n)) originals.insert(base_name(n));
    }
    std::vector<std::string> out;
    for (const std::string& n : files) {
        if (!is_slide_name(n)) continue;
        // A translation removed with its original comes back with it: one line for both.
        if (is_translation(n) && originals.count(slide_translation_name(n)->original)) continue;
        out.push_back(n);
    }
    return out;
}

SlideText SlideStore::read(std::string_view name) const {
    SlideText t;
    if (!is_slide_name(name)) {
        t.error = "\"" + std::string(name) + "\" is not a slide's name";
        return t;
    }
    const FolderIo io(dir_);
    std::string error;
    if (!io.ok()) {
        t.error = io.error();
    } else if (!io.read(name, t.text, kMaxSlideFileBytes, error)) {
        t.error = "the slide " + std::string(name) + " cannot be opened: " + error;
    } else {
        t.etag = slide_etag(t.text);
    }
    return t;
}

KioskConfig SlideStore::config_for(std::string_view name) const {
    return is_translation(name) ? localized(config_, slide_translation_name(name)->language) : config_;
}

bool SlideStore::is_last_slide(std::string_view name) const {
    const std::string original = is_translation(name) ? slide_translation_name(name)->original : std::string(name);
    std::string last;
    for (const std::string& n : FolderIo(dir_).files()) {
        if (is_slide_name(n) && ends_with(n, ".md") && !is_translation(n)) last = n;  // sorted: play order
    }
    return !last.empty() && last == original;
}

Diagnostics SlideStore::check(std::string_view name, std::string_view text) const {
    if (text.size() > kMaxSlideFileBytes) {
        return {{std::string(name), 0, Severity::Error, "the slide is too long",
                 "A slide is a title and a few sentences; shorten the text"}};
    }
    return parse_slide_text(text, dir_, std::string(name), config_for(name)).diagnostics;
}

SaveResult SlideStore::save(std::string_view name, std::string_view text, std::string_view expected_etag) {
    const SlideText current = read(name);
    if (!current.error.empty()) return failed(current.error);
    if (current.etag != expected_etag) {
        SaveResult r;
        r.outcome = SaveResult::Outcome::Conflict;
        r.message =
            "This slide was changed by someone else while you edited it: reload to see their version "
            "(copy your text first if you want to keep it).";
        r.etag = current.etag;
        return r;
    }
    SaveResult r;
    r.diagnostics = check(name, text);
    if (has_errors(r.diagnostics)) {
        r.outcome = SaveResult::Outcome::Rejected;
        r.message = "Not saved: the kiosk would not show this slide. Fix the lines below and save again.";
        return r;
    }
    std::string error;
    if (!FolderIo(dir_).write_atomic(name, text, error)) return failed("Not saved: " + error);
    r.outcome = SaveResult::Outcome::Saved;
    r.name = std::string(name);
    r.etag = slide_etag(text);
    r.message = "Saved. The kiosk shows the new version within a few seconds.";
    return r;
}

SaveResult SlideStore::add_from(std::string_view template_name, std::string_view title) {
    const std::string clean_title(title);
    if (clean_title.find_first_not_of(" \t") == std::string::npos) return failed("Give the new slide a title.");
    if (clean_title.find_first_of("\r\n") != std::string::npos) return failed("The title must be one line.");
    const SlideText tmpl = read(template_name);
    if (!tmpl.error.empty()) return failed(tmpl.error);
    const SlideParts parts = split_slide(tmpl.text);
    std::string text;
    if (parts.has_front_matter) text = "+++\n" + parts.front_matter + "+++\n";
    text += "# " + clean_title + "\n\nWrite a sentence or two here.\n";

    const FolderIo io(dir_);
    const int last = last_number(io);
    std::string name = numbered(last + 10, slug(clean_title, "slide") + ".md");
    for (int i = 2; io.exists(name) || io.exists(name + std::string(kOffSuffix)); ++i) {
        name = numbered(last + 10, slug(clean_title, "slide") + "-" + std::to_string(i) + ".md");
    }
    SaveResult r;
    r.diagnostics = check(name, text);
    if (has_errors(r.diagnostics)) {
        r.outcome = SaveResult::Outcome::Rejected;
        r.message = "Not added: the new slide would have problems.";
        return r;
    }
    std::string error;
    if (!io.write_atomic(name, text, error)) return failed("Not added: " + error);
    return done(name, "Added " + name + ".");
}

SaveResult SlideStore::remove(std::string_view name) {
    if (!is_slide_name(name)) return failed("\"" + std::string(name) + "\" is not a slide's name");
    const FolderIo io(dir_);
    std::string error;
    if (!io.make_folder(kRemovedFolder, error)) return failed(error);
    const std::vector<std::string> translations = translations_of(io.files(), name);
    // A switched-off slide keeps its ".off" in removed/, so a restore brings it back switched off.
    const std::string off = ends_with(name, kOffSuffix) ? std::string(kOffSuffix) : "";
    const std::string b = base_name(name);
    std::string target = b + off;
    for (int i = 2; !free_with(io, kRemovedFolder, target, translations); ++i) {
        target = b.substr(0, b.size() - 3) + "-" + std::to_string(i) + ".md" + off;
    }
    if (!rename_with(io, "", name, kRemovedFolder, target, translations, error)) return failed("Not removed: " + error);
    return done(target, "Removed " + std::string(name) + "; it can be restored.");
}

SaveResult SlideStore::restore(std::string_view name) {
    if (!is_slide_name(name)) return failed("\"" + std::string(name) + "\" is not a slide's name");
    const FolderIo io(dir_);
    const std::vector<std::string> translations = translations_of(io.files(kRemovedFolder), name);
    std::string target(name);
    if (!free_with(io, "", target, translations)) target = numbered(last_number(io) + 10, unnumbered(name));
    std::string error;
    if (!rename_with(io, kRemovedFolder, name, "", target, translations, error))
        return failed("Not restored: " + error);
    return done(target, "Restored " + target + ".");
}

SaveResult SlideStore::set_enabled(std::string_view name, bool on) {
    if (!is_slide_name(name)) return failed("\"" + std::string(name) + "\" is not a slide's name");
    const FolderIo io(dir_);
    if (!io.ok()) return failed(io.error());
    if (!io.exists(name)) return failed("There is no slide named " + std::string(name) + ".");
    const bool is_off = ends_with(name, kOffSuffix);
    const std::string target = is_off == on ? toggled(name) : std::string(name);
    if (on && is_off) {
        const SlideText t = read(name);
        SaveResult r;
        r.diagnostics = check(target, t.text);
        if (!t.error.empty() || has_errors(r.diagnostics)) {
            r.outcome = SaveResult::Outcome::Rejected;
            r.message = "Not switched on: the kiosk would not show this slide. Fix it first.";
            return r;
        }
    }
    // Its translations go with it: the loader reads only "*.md", so a translation left on beside a
    // switched-off slide would be reported as one without an original, and one left off would keep
    // the switched-on slide untranslated. Those already in the wanted state (a slide switched off
    // before translations followed it) stay as they are.
    std::vector<std::pair<std::string, std::string>> renames;  // from, to
    for (const std::string& t : translations_of(io.files(), name)) {
        if (ends_with(t, kOffSuffix) == on) renames.emplace_back(t, toggled(t));
    }
    // Switching off, the translations go first and the slide last; switching on, the slide first:
    // a reload of the kiosk in between never sees a translation without its slide.
    if (target != name) renames.insert(on ? renames.begin() : renames.end(), {std::string(name), target});
    if (renames.empty()) return done(std::string(name), "Nothing to change.");
    std::string error;
    for (std::size_t i = 0; i < renames.size(); ++i) {
        if (io.rename(renames[i].first, renames[i].second, error)) continue;
        // All or nothing: put back the ones done, so the slide and its translations stay together.
        std::string undo_error;
        bool undone = true;
        for (std::size_t j = i; j-- > 0;) undone = io.rename(renames[j].second, renames[j].first, undo_error) && undone;
        const std::string what = on ? "Not switched on: " : "Not switched off: ";
        if (undone) return failed(what + error + ". Nothing was changed.");
        return failed(what + error + ", and putting the files back failed too (" + undo_error +
                      "): check the slides folder, some of this slide's files may be switched on and some off.");
    }
    return done(target, on ? "Switched on: the kiosk shows it again." : "Switched off: the kiosk skips it.");
}

SaveResult SlideStore::reorder(const std::vector<std::string>& order) {
    finish_interrupted_reorder();
    const FolderIo io(dir_);
    std::vector<std::string> current;
    for (const SlideEntry& e : list(LocalTime{})) current.push_back(e.name);
    std::vector<std::string> sorted_order = order, sorted_current = current;
    std::sort(sorted_order.begin(), sorted_order.end());
    std::sort(sorted_current.begin(), sorted_current.end());
    if (sorted_order != sorted_current) {
        return failed("The slides changed while you reordered them: reload the page and try again.");
    }
    const std::vector<std::string> files = io.files();
    std::vector<std::pair<std::string, std::string>> moves;  // from, to (translations beside their slide)
    std::set<std::string> targets;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const bool off = ends_with(order[i], kOffSuffix);
        const std::string to = numbered(static_cast<int>(i + 1) * 10, unnumbered(base_name(order[i]))) +
                               (off ? std::string(kOffSuffix) : "");
        std::vector<std::pair<std::string, std::string>> group{{order[i], to}};
        for (const std::string& t : translations_of(files, order[i])) group.emplace_back(t, translation_beside(t, to));
        for (auto& [from, target] : group) {
            if (!targets.insert(target).second) return failed("Two slides would get the same name " + target + ".");
            if (target != from) moves.emplace_back(std::move(from), std::move(target));
        }
    }
    // Two steps through hidden names that carry the name each file is going to (the kiosk ignores
    // hidden files), so no rename lands on a name another slide still has, and a reorder cut short
    // is finished by finish_interrupted_reorder instead of leaving slides hidden.
    const auto hidden = [](const std::string& to) {
        return std::string(kReorderPrefix) + to + std::string(kReorderSuffix);
    };
    std::string error;
    for (const auto& [from, to] : moves) {
        if (!io.rename(from, hidden(to), error)) {
            finish_interrupted_reorder();
            return failed(error);
        }
    }
    for (const auto& [from, to] : moves) {
        if (!io.rename(hidden(to), to, error)) {
            finish_interrupted_reorder();
            return failed(error);
        }
    }
    return done("", "New order saved.");
}

void SlideStore::finish_interrupted_reorder() {
    const FolderIo io(dir_);
    if (!io.ok()) return;
    // Hidden names: FolderIo::files lists them, is_slide_name does not accept them.
    for (const std::string& n : io.files()) {
        if (n.rfind(kReorderPrefix, 0) != 0 || !ends_with(n, kReorderSuffix)) continue;
        const std::string to =
            n.substr(kReorderPrefix.size(), n.size() - kReorderPrefix.size() - kReorderSuffix.size());
        if (!is_slide_name(to)) continue;
        std::string error;
        if (io.rename(n, to, error)) continue;
        // Its name was taken meanwhile: it goes to the end of the order rather than stay hidden.
        const bool off = ends_with(to, kOffSuffix);
        (void)io.rename(
            n, numbered(last_number(io) + 10, unnumbered(base_name(to))) + (off ? std::string(kOffSuffix) : ""), error);
    }
}

int SlideStore::remove_leftover_temp_files() {
    const FolderIo io(dir_);
    if (!io.ok()) return 0;
    // Uploads write into art/; removed/ is written by nothing today but holds slide files all the same.
    return io.remove_write_temp_files() + io.remove_write_temp_files(kRemovedFolder) +
           io.remove_write_temp_files(kPictureFolder);
}

SaveResult SlideStore::move(std::string_view name, int step) {
    std::vector<std::string> order;
    for (const SlideEntry& e : list(LocalTime{})) order.push_back(e.name);
    const auto it = std::find(order.begin(), order.end(), name);
    if (it == order.end()) return failed("There is no slide named " + std::string(name) + ".");
    return move_to(name, static_cast<int>(it - order.begin()) + 1 + step);
}

SaveResult SlideStore::move_to(std::string_view name, int place) {
    std::vector<std::string> order;
    for (const SlideEntry& e : list(LocalTime{})) order.push_back(e.name);
    const auto it = std::find(order.begin(), order.end(), name);
    if (it == order.end()) return failed("There is no slide named " + std::string(name) + ".");
    const auto from = static_cast<std::ptrdiff_t>(it - order.begin());
    const auto to = static_cast<std::ptrdiff_t>(place) - 1;
    if (to < 0 || to >= static_cast<std::ptrdiff_t>(order.size()) || to == from)
        return done(std::string(name), "Nothing to change.");
    std::string moving = std::move(order[static_cast<std::size_t>(from)]);
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, std::move(moving));
    return reorder(order);
}

UploadResult SlideStore::upload_picture(std::string_view filename, std::string_view bytes) {
    UploadResult r;
    const auto mb = [](std::uintmax_t n) { return std::to_string((n + 1024 * 1024 - 1) / (1024 * 1024)); };
    if (bytes.size() > kMaxPictureFileBytes) {
        r.status = 413;
        r.message = "The picture is too big: " + mb(bytes.size()) + " MB; the kiosk takes at most " +
                    mb(kMaxPictureFileBytes) + " MB. Export it smaller, for example 1920 pixels wide.";
        return r;
    }
    if (bytes.empty()) {
        r.status = 400;
        r.message = "No picture was sent: choose a file first.";
        return r;
    }
    const ImageProbe probe = probe_image_data(bytes, fs::path(std::string(filename)));
    if (!probe.image) {
        const bool too_large = probe.error.find("too large") != std::string::npos;
        r.status = too_large ? 413 : 415;
        r.message =
            too_large
                ? "The picture has too many pixels (" + probe.error + "); the kiosk takes at most " +
                      std::to_string(kMaxImageSide) + " pixels on a side and " +
                      std::to_string(kMaxImagePixels / 1'000'000) + " million pixels in all. Export it smaller."
                : "That file is not a picture the kiosk can show (" + probe.error + "). Use a PNG, JPEG or SVG file.";
        return r;
    }
    const char* ext = probe.image->format == ImageFormat::Png    ? ".png"
                      : probe.image->format == ImageFormat::Jpeg ? ".jpg"
                                                                 : ".svg";
    std::string stem(filename);
    if (const auto slash = stem.find_last_of("/\\"); slash != std::string::npos) stem.erase(0, slash + 1);
    if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.erase(dot);
    stem = slug(stem, "picture");
    const FolderIo io(dir_);
    std::string error;
    if (!io.make_folder(kPictureFolder, error)) {
        r.status = 500;
        r.message = "Not uploaded: " + error;
        return r;
    }
    std::string rel = std::string(kPictureFolder) + "/" + stem + ext;
    for (int i = 2; io.exists(rel); ++i) {
        std::string existing, read_error;
        if (io.read(rel, existing, kMaxPictureFileBytes, read_error) && existing == bytes) break;  // same picture
        rel = std::string(kPictureFolder) + "/" + stem + "-" + std::to_string(i) + ext;
    }
    if (!io.write_atomic(rel, bytes, error)) {
        r.status = 500;
        r.message = "Not uploaded: " + error;
        return r;
    }
    r.picture = rel;
    r.message = "Uploaded " + rel + " (" + std::to_string(probe.image->width) + "×" +
                std::to_string(probe.image->height) + ").";
    return r;
}

}  // namespace kiosk::web
