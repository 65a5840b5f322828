#include "slide_parser.h"

#include "image_probe.h"
#include "markdown.h"
#include "picture_file.h"
#include "reading_time.h"
#include "toml_helpers.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace kiosk {

namespace fs = std::filesystem;
using toml_util::Context;

namespace {

// Offset of the first byte that does not begin a valid UTF-8 character, or npos.
size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        if (c < 0x80) n = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2) n = 1;
        else if ((c & 0xF0) == 0xE0) n = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4) n = 3;
        else return i;
        if (n > 0 && i + n >= s.size()) return i;
        for (size_t k = 1; k <= n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        }
        i += n + 1;
    }
    return std::string_view::npos;
}

// Offset of the first control character other than tab/CR/LF, or npos.
size_t first_control_char(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') return i;
    }
    return std::string_view::npos;
}

// 1-based line number of a byte offset.
int line_of_offset(std::string_view s, size_t offset) {
    return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
        s.replace(pos, from.size(), to);
    }
}

void fill_placeholders(std::string& s, const ClinicConfig& clinic, const UiStrings& text) {
    if (s.find('{') == std::string::npos) return;
    replace_all(s, "{clinic}", clinic.name);
    // A hidden phone (see ClinicConfig::phone_hidden) leaves no number for a slide to show.
    replace_all(s, "{phone}", clinic.phone_hidden ? text.ask_at_desk : clinic.phone);
    replace_all(s, "{hours}", clinic.hours);
}

std::optional<SlideLayoutKind> layout_from(std::string_view s) {
    if (s == "image-left") return SlideLayoutKind::ImageLeft;
    if (s == "image-right") return SlideLayoutKind::ImageRight;
    if (s == "image-top") return SlideLayoutKind::ImageTop;
    if (s == "text-only") return SlideLayoutKind::TextOnly;
    if (s == "image-only") return SlideLayoutKind::ImageOnly;
    return std::nullopt;
}

std::optional<CivilDate> date_from(const toml::node& n) {
    if (const auto* d = n.as_date()) {
        const toml::date v = d->get();
        return CivilDate{v.year, v.month, v.day};
    }
    if (const auto* s = n.as_string()) {
        CivilDate c;
        char dash1 = 0, dash2 = 0;
        std::istringstream in(s->get());
        if ((in >> c.year >> dash1 >> c.month >> dash2 >> c.day) && dash1 == '-' && dash2 == '-' && c.month >= 1 &&
            c.month <= 12 && c.day >= 1 && c.day <= 31 && in.peek() == EOF) {
            return c;
        }
    }
    return std::nullopt;
}

std::optional<int> day_index(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    static constexpr std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (size_t i = 0; i < kDays.size(); ++i) {
        if (name.size() >= 3 && name.compare(0, 3, kDays[i]) == 0) return static_cast<int>(i);
    }
    return std::nullopt;
}

std::optional<int> minutes_from(std::string_view hhmm) {
    int h = 0, m = 0;
    if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
    for (const size_t i : {0u, 1u, 3u, 4u}) {
        if (hhmm[i] < '0' || hhmm[i] > '9') return std::nullopt;
    }
    h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

void read_show(const Context& ctx, const toml::table& t, ShowWindow& show) {
    toml_util::check_keys(ctx, t, "show", {"from", "until", "days", "hours"});
    for (const char* key : {"from", "until"}) {
        const toml::node* n = t.get(key);
        if (!n) continue;
        const auto d = date_from(*n);
        if (!d) {
            ctx.error(ctx.line_of(*n), std::string("'") + key + "' is not a date",
                      std::string("Write dates as year-month-day, like: ") + key + " = 2026-12-31");
            continue;
        }
        (std::string_view(key) == "from" ? show.from : show.until) = d;
    }
    if (show.from && show.until && *show.until < *show.from) {
        ctx.error(ctx.line_of(*t.get("until")), "'until' is before 'from', so the slide would never show",
                  "Swap the two dates");
    }
    if (const toml::node* n = t.get("days")) {
        const auto* arr = n->as_array();
        std::uint8_t mask = 0;
        bool ok = arr != nullptr && !arr->empty();
        std::string bad;
        if (arr) {
            for (const auto& item : *arr) {
                const auto* s = item.as_string();
                const auto idx = s ? day_index(s->get()) : std::nullopt;
                if (!idx) {
                    ok = false;
                    bad = s ? "\"" + s->get() + "\" is not a day name" : "every day must be in quotes";
                    break;
                }
                mask = static_cast<std::uint8_t>(mask | (1u << *idx));
            }
        }
        if (ok) {
            show.days = mask;
        } else {
            ctx.error(ctx.line_of(*n), "'days' must be a list of day names" + (bad.empty() ? "" : ": " + bad),
                      "Write it like: days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]");
        }
    }
    if (const toml::node* n = t.get("hours")) {
        const auto* s = n->as_string();
        const std::string v = s ? s->get() : std::string();
        const auto dash = v.find('-');
        const auto a = dash == std::string::npos ? std::nullopt : minutes_from(std::string_view(v).substr(0, dash));
        const auto b = dash == std::string::npos ? std::nullopt : minutes_from(std::string_view(v).substr(dash + 1));
        if (a && b && *a != *b) {
            show.start_minute = *a;
            show.end_minute = *b;
        } else {
            ctx.error(ctx.line_of(*n), "'hours' must be a time range like \"08:00-18:00\"",
                      "Use 24-hour times with two digits each, from-until");
        }
    }
}

// The image path must name a file inside the slides folder: no absolute paths, no "..", and no
// symbolic link that leads out (a USB stick could otherwise make the kiosk show any file).
std::optional<fs::path> resolve_image(const Context& ctx, int line, const std::string& rel, const fs::path& dir) {
    const fs::path p(rel);
    if (rel.empty() || p.is_absolute() || rel.find('\\') != std::string::npos) {
        ctx.error(line, "the image path \"" + rel + "\" must be relative to the slides folder",
                  "Put the picture in the slides folder (for example slides/art/) and write image = \"art/name.svg\"");
        return std::nullopt;
    }
    for (const auto& part : p) {
        if (part == "..") {
            ctx.error(line, "the image path \"" + rel + "\" leaves the slides folder",
                      "Copy the picture into the slides folder and point to it there");
            return std::nullopt;
        }
    }
    std::error_code ec;
    const fs::path full = dir / p;
    if (!fs::exists(full, ec)) {
        ctx.error(line, "the image \"" + rel + "\" does not exist",
                  "Check the spelling (capital letters count) and that the picture was copied too");
        return std::nullopt;
    }
    const fs::path real = fs::canonical(full, ec);
    const fs::path real_dir = fs::canonical(dir, ec);
    const auto [d_end, r_it] = std::mismatch(real_dir.begin(), real_dir.end(), real.begin(), real.end());
    if (ec || d_end != real_dir.end()) {
        ctx.error(line, "the image \"" + rel + "\" is a link to a file outside the slides folder",
                  "Copy the picture itself into the slides folder");
        return std::nullopt;
    }
    return real;  // a pipe, device or folder here is refused when it is read (read_picture_file)
}

struct FrontMatter {
    std::string_view toml;  // without the +++ lines
    std::string_view body;
    int toml_first_line = 0;  // 1-based line of the first TOML line
    int body_first_line = 1;
    bool present = false;
};

// Splits "+++\n...\n+++\nbody". Returns false (with a diagnostic) for an unclosed block.
bool split_front_matter(std::string_view text, const Context& ctx, FrontMatter& fm) {
    size_t pos = 0;
    int line = 1;
    // Leading blank lines are forgiven: an editor may add one.
    while (pos < text.size()) {
        const size_t eol = text.find('\n', pos);
        const std::string_view l = text.substr(pos, eol == std::string_view::npos ? text.size() - pos : eol - pos);
        if (l.find_first_not_of(" \t\r") != std::string_view::npos) break;
        if (eol == std::string_view::npos) { pos = text.size(); break; }
        pos = eol + 1;
        ++line;
    }
    auto line_at = [&text](size_t p) {
        const size_t eol = text.find('\n', p);
        std::string_view l = text.substr(p, eol == std::string_view::npos ? text.size() - p : eol - p);
        while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
        return std::pair{l, eol == std::string_view::npos ? text.size() : eol + 1};
    };
    auto [first, after_first] = line_at(pos);
    if (first != "+++") {
        fm.body = text.substr(pos);
        fm.body_first_line = line;
        return true;
    }
    const int open_line = line;
    size_t p = after_first;
    int l = line + 1;
    fm.toml_first_line = l;
    while (p < text.size()) {
        auto [content, next] = line_at(p);
        if (content == "+++") {
            fm.toml = text.substr(after_first, p - after_first);
            fm.body = text.substr(next);
            fm.body_first_line = l + 1;
            fm.present = true;
            return true;
        }
        p = next;
        ++l;
    }
    ctx.error(open_line, "the settings block that starts with '+++' is never closed",
              "Add a line with just +++ after the settings, before the slide's text");
    return false;
}

std::string content_hash(std::string_view text, const std::optional<SlideImage>& image) {
    std::string key(text);
    if (image) {
        key += image->path.string();
        key += image->digest;  // of the bytes read: no second look at the file
    }
    return std::to_string(std::hash<std::string>{}(key));
}

// `say = "..."`: what Read aloud speaks instead of the title and text, for words the voice gets
// wrong (the clinic's name). An empty one is ignored with a warning (the slide still shows and its
// text is read), so a half-finished edit costs nothing.
void read_say(const toml_util::Context& ctx, const toml::table& t, Slide& slide) {
    const toml::node* n = t.get("say");
    if (n == nullptr) return;
    std::string say;
    if (!toml_util::get_string(ctx, t, "say", say)) return;
    if (say.find_first_not_of(" \t\r\n") == std::string::npos) {
        ctx.warning(ctx.line_of(*n), "'say' is empty, so Read aloud reads the slide's text",
                    "Write what Read aloud should say for this slide, or remove the line");
        return;
    }
    slide.say = say;
}

}  // namespace

SlideParseResult parse_slide_text(std::string_view raw, const fs::path& slides_dir, const std::string& display_name,
                                  const KioskConfig& config, const PictureDecoder& decode_picture) {
    SlideParseResult result;
    Diagnostics& diags = result.diagnostics;
    const Context ctx{display_name, 0, &diags};

    if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);  // a BOM from Windows Notepad
    // Control characters mean a binary file (a picture saved as .md); bad UTF-8 alone usually means
    // a text file saved in a legacy encoding, which needs a different fix. Both name the line of
    // the first bad byte so staff can find it.
    const size_t control = first_control_char(raw);
    const size_t invalid = first_invalid_utf8(raw);
    if (control != std::string_view::npos) {
        ctx.error(line_of_offset(raw, std::min(control, invalid)), "this is not a text file",
                  "Slides are plain text files ending in .md; save pictures under slides/art/ instead");
        return result;
    }
    if (invalid != std::string_view::npos) {
        ctx.error(line_of_offset(raw, invalid), "this line has a character that is not UTF-8 text",
                  "Save the file with the encoding \"UTF-8\" (in Notepad: File, Save as, Encoding)");
        return result;
    }
    std::string text(raw);
    replace_all(text, "\r\n", "\n");

    FrontMatter fm;
    if (!split_front_matter(text, ctx, fm)) return result;

    Slide slide;
    slide.layout = SlideLayoutKind::ImageRight;
    std::string image_rel;
    int image_line = 0;
    bool duration_set = false;
    if (fm.present) {
        const Context tctx{display_name, fm.toml_first_line - 1, &diags};
        const auto table = toml_util::parse(tctx, fm.toml);
        if (!table) return result;
        toml_util::check_keys(tctx, *table, "", {"image", "duration", "layout", "show", "say", "call_to_action"});
        read_say(tctx, *table, slide);
        // The clinic's number and a tel: QR code, big (call_to_action_layout.h); the last slide has them
        // unless it says false.
        if (table->get("call_to_action") && toml_util::get_bool(tctx, *table, "call_to_action", slide.call_to_action))
            slide.call_to_action_declined = !slide.call_to_action;
        if (const toml::node* n = table->get("image")) {
            image_line = tctx.line_of(*n);
            if (toml_util::get_string(tctx, *table, "image", image_rel) && image_rel.empty()) {
                tctx.error(image_line, "the image path is empty",
                           "Write the picture's path, like image = \"art/picture.svg\", or remove the line");
            }
        }
        if (const toml::node* n = table->get("duration")) {
            double seconds = 0;
            if (toml_util::get_number(tctx, *table, "duration", seconds, 2, 600)) {
                slide.duration = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
                slide.duration_from_reading_time = false;
                duration_set = true;
            }
            (void)n;
        }
        if (const toml::node* n = table->get("layout")) {
            std::string name;
            if (toml_util::get_string(tctx, *table, "layout", name)) {
                if (const auto kind = layout_from(name)) {
                    slide.layout = *kind;
                } else {
                    tctx.error(tctx.line_of(*n), "unknown layout \"" + name + "\"",
                               "Use one of: image-left, image-right, image-top, text-only, image-only");
                }
            }
        }
        if (const toml::node* n = table->get("show")) {
            if (const auto* t = n->as_table()) {
                read_show(tctx, *t, slide.show);
            } else {
                tctx.error(tctx.line_of(*n), "'show' must be a section starting with a [show] line", "");
            }
        }
    }

    if (!image_rel.empty()) {
        if (const auto full = resolve_image(ctx, image_line, image_rel, slides_dir)) {
            // Read once, safely, into memory; the header check and the decoding work on these
            // bytes, so the file is never opened again (it may be a pipe by the time it is drawn).
            const PictureFile file = read_picture_file(*full, slides_dir);
            const ImageProbe probe = file.ok() ? probe_image_data(file.bytes, *full) : ImageProbe{};
            if (!file.ok()) {
                ctx.error(image_line, "the image \"" + image_rel + "\" " + file.error, file.fix);
            } else if (!probe.image) {
                ctx.error(image_line, "\"" + image_rel + "\": " + probe.error,
                          "Use a PNG, JPEG or SVG picture of at most 4096×4096 pixels");
            } else {
                SlideImage image = *probe.image;
                image.digest = picture_digest(file.bytes);
                PictureDecode decoded;
                if (decode_picture) decoded = decode_picture(image, file.bytes, slide.layout);
                if (decode_picture && !decoded.pixels) {
                    ctx.error(image_line, "\"" + image_rel + "\" cannot be shown: " + decoded.error,
                              "Open the picture on a computer to check it, or export it again as PNG");
                } else {
                    image.pixels = std::move(decoded.pixels);
                    slide.image = std::move(image);
                }
            }
        }
    } else if (fm.present && slide.layout != SlideLayoutKind::TextOnly) {
        if (slide.layout == SlideLayoutKind::ImageOnly) {
            ctx.error(fm.toml_first_line, "layout is image-only but no image is given",
                      "Add a line like image = \"art/picture.svg\"");
        } else {
            slide.layout = SlideLayoutKind::TextOnly;
        }
    } else if (!fm.present) {
        slide.layout = SlideLayoutKind::TextOnly;
    }

    MarkdownSlide md = parse_slide_markdown(fm.body, display_name, fm.body_first_line, diags);
    fill_placeholders(md.title, config.clinic, config.text);
    for (Block& b : md.body) {
        for (Span& s : b.spans) fill_placeholders(s.text, config.clinic, config.text);
    }
    slide.title = std::move(md.title);
    slide.body = std::move(md.body);
    const bool no_text = slide.title.empty() && slide.body.empty();
    if (no_text && slide.layout != SlideLayoutKind::ImageOnly) {
        ctx.error(fm.body_first_line, "the slide has no text",
                  "Write a title line starting with '# ' and a sentence or two below it");
    } else if (slide.title.empty() && !no_text) {
        ctx.warning(fm.body_first_line, "the slide has no title",
                    "Start the text with a title line like: # How massage helps");
    }
    const int words = count_words(slide.title) + count_words(plain_text(slide.body));
    if (words > 60) {
        ctx.warning(fm.body_first_line, "the slide has " + std::to_string(words) + " words, too many to read from across the room",
                    "Keep slides under about 40 words, or split this one in two");
    }
    if (!duration_set) {
        slide.duration = reading_time(words, config.player.min_slide_seconds, config.player.max_slide_seconds);
    }

    // Staff read the messages top to bottom like the file.
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    if (has_errors(diags)) return result;
    slide.content_hash = content_hash(raw, slide.image);
    for (const Diagnostic& d : diags) slide.warnings.push_back(d);
    result.slide = std::move(slide);
    return result;
}

SlideParseResult parse_slide_file(const fs::path& file, const fs::path& slides_dir, const std::string& display_name,
                                  const KioskConfig& config, const PictureDecoder& decode_picture) {
    SlideParseResult result;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) {
        result.diagnostics.push_back({display_name, 0, Severity::Error, "the file cannot be read",
                                      "Check that it still exists and that the kiosk may read it"});
        return result;
    }
    if (size > kMaxSlideFileBytes) {
        result.diagnostics.push_back({display_name, 0, Severity::Error,
                                      "the file is too big for a slide (" + std::to_string(size / 1024) + " KB)",
                                      "A slide is a title and a few sentences; is this the right file?"});
        return result;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) {
        result.diagnostics.push_back({display_name, 0, Severity::Error, "the file cannot be read", ""});
        return result;
    }
    result = parse_slide_text(ss.str(), slides_dir, display_name, config, decode_picture);
    if (result.slide) {
        result.slide->file_name = file.filename().string();
        result.slide->source = file;
    }
    return result;
}

}  // namespace kiosk
