#include "web/slide_store.h"

#include "core/deck.h"
#include "core/image_probe.h"
#include "core/picture_file.h"
#include "core/slide_parser.h"
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

std::string slide_etag(std::string_view bytes) {
    return "\"" + std::to_string(bytes.size()) + "-" + std::to_string(std::hash<std::string_view>{}(bytes)) + "\"";
}

SlideStore::SlideStore(fs::path slides_dir, KioskConfig config)
    : dir_(std::move(slides_dir)), config_(std::move(config)) {}

std::vector<SlideEntry> SlideStore::list(const LocalTime& now) const {
    DeckLoadOptions options;
    options.config = &config_;
    const Deck deck = load_deck(dir_, options);  // the kiosk's own loader and checks
    std::vector<SlideEntry> out;
    for (const SlideFileReport& f : deck.files) {
        SlideEntry e;
        e.name = f.file_name;
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
    // Switched-off slides: checked the same way, so staff see their problems before switching on.
    const FolderIo io(dir_);
    for (const std::string& name : io.files()) {
        if (!ends_with(name, std::string(".md") + std::string(kOffSuffix)) || !is_slide_name(name)) continue;
        SlideEntry e;
        e.name = name;
        e.status = SlideStatus::Off;
        const SlideText t = read(name);
        const SlideParseResult parsed = parse_slide_text(t.text, dir_, name, config_);
        e.messages = messages_of(parsed.diagnostics);
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
    std::vector<std::string> out;
    for (std::string& n : FolderIo(dir_).files(kRemovedFolder)) {
        if (is_slide_name(n)) out.push_back(std::move(n));
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

Diagnostics SlideStore::check(std::string_view name, std::string_view text) const {
    if (text.size() > kMaxSlideFileBytes) {
        return {{std::string(name), 0, Severity::Error, "the slide is too long",
                 "A slide is a title and a few sentences; shorten the text"}};
    }
    return parse_slide_text(text, dir_, std::string(name), config_).diagnostics;
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

    int last = 0;
    for (const std::string& n : FolderIo(dir_).files()) {
        if (is_slide_name(n)) last = std::max(last, number_of(n));
    }
    std::string name = numbered(last + 10, slug(clean_title, "slide") + ".md");
    const FolderIo io(dir_);
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
    std::string target = std::string(kRemovedFolder) + "/" + base_name(name);
    for (int i = 2; io.exists(target); ++i) {
        const std::string b = base_name(name);
        target = std::string(kRemovedFolder) + "/" + b.substr(0, b.size() - 3) + "-" + std::to_string(i) + ".md";
    }
    if (!io.rename(name, target, error)) return failed("Not removed: " + error);
    return done(target.substr(kRemovedFolder.size() + 1), "Removed " + std::string(name) + "; it can be restored.");
}

SaveResult SlideStore::restore(std::string_view name) {
    if (!is_slide_name(name)) return failed("\"" + std::string(name) + "\" is not a slide's name");
    const FolderIo io(dir_);
    std::string target(name);
    if (io.exists(target) || io.exists(target + std::string(kOffSuffix))) {
        int last = 0;
        for (const std::string& n : io.files()) {
            if (is_slide_name(n)) last = std::max(last, number_of(n));
        }
        target = numbered(last + 10, unnumbered(name));
    }
    std::string error;
    if (!io.rename(std::string(kRemovedFolder) + "/" + std::string(name), target, error)) {
        return failed("Not restored: " + error);
    }
    return done(target, "Restored " + target + ".");
}

SaveResult SlideStore::set_enabled(std::string_view name, bool on) {
    if (!is_slide_name(name)) return failed("\"" + std::string(name) + "\" is not a slide's name");
    const bool is_off = ends_with(name, kOffSuffix);
    if (is_off != on) return done(std::string(name), "Nothing to change.");
    const std::string target = on ? base_name(name) : std::string(name) + std::string(kOffSuffix);
    if (on) {
        const SlideText t = read(name);
        SaveResult r;
        r.diagnostics = check(target, t.text);
        if (!t.error.empty() || has_errors(r.diagnostics)) {
            r.outcome = SaveResult::Outcome::Rejected;
            r.message = "Not switched on: the kiosk would not show this slide. Fix it first.";
            return r;
        }
    }
    std::string error;
    if (!FolderIo(dir_).rename(name, target, error)) return failed(error);
    return done(target, on ? "Switched on: the kiosk shows it again." : "Switched off: the kiosk skips it.");
}

SaveResult SlideStore::reorder(const std::vector<std::string>& order) {
    const FolderIo io(dir_);
    std::vector<std::string> current;
    for (const SlideEntry& e : list(LocalTime{})) current.push_back(e.name);
    std::vector<std::string> sorted_order = order, sorted_current = current;
    std::sort(sorted_order.begin(), sorted_order.end());
    std::sort(sorted_current.begin(), sorted_current.end());
    if (sorted_order != sorted_current) {
        return failed("The slides changed while you reordered them: reload the page and try again.");
    }
    std::vector<std::pair<std::string, std::string>> moves;  // from, to
    std::set<std::string> targets;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const bool off = ends_with(order[i], kOffSuffix);
        std::string to = numbered(static_cast<int>(i + 1) * 10, unnumbered(base_name(order[i]))) +
                         (off ? std::string(kOffSuffix) : "");
        if (!targets.insert(to).second) return failed("Two slides would get the same name " + to + ".");
        if (to != order[i]) moves.emplace_back(order[i], std::move(to));
    }
    // Two steps through hidden names (which the kiosk ignores), so no rename lands on a name another
    // slide still has.
    std::string error;
    for (std::size_t i = 0; i < moves.size(); ++i) {
        if (!io.rename(moves[i].first, ".reorder-" + std::to_string(i) + ".tmp", error)) return failed(error);
    }
    for (std::size_t i = 0; i < moves.size(); ++i) {
        if (!io.rename(".reorder-" + std::to_string(i) + ".tmp", moves[i].second, error)) return failed(error);
    }
    return done("", "New order saved.");
}

SaveResult SlideStore::move(std::string_view name, int step) {
    std::vector<std::string> order;
    for (const SlideEntry& e : list(LocalTime{})) order.push_back(e.name);
    const auto it = std::find(order.begin(), order.end(), name);
    if (it == order.end()) return failed("There is no slide named " + std::string(name) + ".");
    const auto i = static_cast<std::ptrdiff_t>(it - order.begin());
    const auto j = i + step;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(order.size())) return done(std::string(name), "Nothing to change.");
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
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
