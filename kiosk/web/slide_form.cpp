#include "web/slide_form.h"

#include <sstream>
#include <vector>

namespace kiosk::web {

namespace {

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto nl = text.find('\n', start);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        std::string line(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

std::string trim(std::string_view s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos) return "";
    const auto b = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(a, b - a + 1));
}

// The key of a "key = value" line, else "".
std::string key_of(std::string_view line) {
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == '[') return "";
    const auto eq = t.find('=');
    return eq == std::string::npos ? "" : trim(std::string_view(t).substr(0, eq));
}

// The value of a "key = value" line as the form shows it: a TOML string without its quotes and
// with \" and \\ undone (so a say = "..." with quotes in it reads whole), anything else as written
// without a trailing # note.
std::string value_of(std::string_view line) {
    const auto eq = line.find('=');
    std::string v = trim(line.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '\'') {
        const auto close = v.find('\'', 1);
        return close == std::string::npos ? v.substr(1) : v.substr(1, close - 1);
    }
    if (v.size() >= 2 && v.front() == '"') {
        std::string out;
        for (std::size_t i = 1; i < v.size() && v[i] != '"'; ++i) {
            if (v[i] == '\\' && i + 1 < v.size()) {
                const char e = v[++i];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                continue;
            }
            out += v[i];
        }
        return out;
    }
    if (const auto hash = v.find(" #"); hash != std::string::npos) v = trim(std::string_view(v).substr(0, hash));
    return v;
}

// The section a front-matter line is in: "" before any [table].
struct FrontLine {
    std::string section;
    std::string text;
};

std::vector<FrontLine> front_lines(std::string_view front) {
    std::vector<FrontLine> out;
    std::string section;
    for (std::string& line : lines_of(front)) {
        const std::string t = trim(line);
        if (t.size() > 2 && t.front() == '[' && t.back() == ']')
            section = trim(std::string_view(t).substr(1, t.size() - 2));
        out.push_back({section, std::move(line)});
    }
    return out;
}

std::string quoted(std::string_view v) {
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        if (c != '\n' && c != '\r') out += c;
    }
    return out + "\"";
}

std::string days_array(std::string_view days) {
    std::istringstream in{std::string(days)};
    std::string word, out;
    while (in >> word) {
        for (char& c : word) {
            if (c == ',') c = ' ';
        }
        const std::string w = trim(word);
        if (w.empty()) continue;
        out += std::string(out.empty() ? "" : ", ") + quoted(w);
    }
    return "[" + out + "]";
}

// Sets (or adds, or with an empty value removes) `key` in `section` of the front matter lines.
void set_key(std::vector<FrontLine>& lines, const std::string& section, const std::string& key,
             const std::string& toml_value) {
    for (auto it = lines.begin(); it != lines.end(); ++it) {
        if (it->section == section && key_of(it->text) == key) {
            if (toml_value.empty())
                lines.erase(it);
            else
                it->text = key + " = " + toml_value;
            return;
        }
    }
    if (toml_value.empty()) return;
    // Not there yet: after the section's last line (a top-level key goes before the first table).
    auto at = lines.end();
    bool seen_section = section.empty();
    for (auto it = lines.begin(); it != lines.end(); ++it) {
        if (section.empty() && !it->section.empty()) {
            at = it;
            break;
        }
        if (!section.empty() && it->section == section) {
            seen_section = true;
            at = it + 1;
        }
    }
    if (!seen_section) {
        lines.push_back({section, "[" + section + "]"});
        at = lines.end();
    }
    lines.insert(at, {section, key + " = " + toml_value});
}

}  // namespace

SlideParts split_slide(std::string_view text) {
    SlideParts parts;
    const std::vector<std::string> lines = lines_of(text);
    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    if (i < lines.size() && trim(lines[i]) == "+++") {
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            if (trim(lines[j]) == "+++") {
                parts.has_front_matter = true;
                for (std::size_t k = i + 1; k < j; ++k) parts.front_matter += lines[k] + "\n";
                for (std::size_t k = j + 1; k < lines.size(); ++k) parts.markdown += lines[k] + "\n";
                return parts;
            }
        }
    }
    parts.markdown = std::string(text);
    return parts;
}

SlideFields fields_from_text(std::string_view text) {
    SlideFields f;
    const SlideParts parts = split_slide(text);
    for (const FrontLine& l : front_lines(parts.front_matter)) {
        const std::string key = key_of(l.text);
        if (key.empty()) continue;
        const std::string v = value_of(l.text);
        if (l.section.empty()) {
            if (key == "image")
                f.picture = v;
            else if (key == "layout")
                f.layout = v;
            else if (key == "duration")
                f.duration = v;
            else if (key == "say")
                f.say = v;
            else if (key == "call_to_action")
                f.call_to_action = v;
        } else if (l.section == "show") {
            if (key == "from")
                f.from = v;
            else if (key == "until")
                f.until = v;
            else if (key == "hours")
                f.hours = v;
            else if (key == "days") {
                std::string words;
                for (const char c : v) words += (c == '[' || c == ']' || c == '"' || c == ',') ? ' ' : c;
                std::istringstream in(words);
                std::string w;
                while (in >> w) f.days += (f.days.empty() ? "" : " ") + w;
            }
        }
    }
    bool have_title = false;
    std::string rest;
    for (const std::string& line : lines_of(parts.markdown)) {
        if (!have_title) {
            if (trim(line).empty()) continue;
            if (line.rfind("# ", 0) == 0) {
                f.title = trim(std::string_view(line).substr(2));
                have_title = true;
                continue;
            }
            have_title = true;  // no title line: everything is text
        }
        rest += line + "\n";
    }
    f.text = trim(rest);
    return f;
}

std::string text_from_fields(std::string_view original, const SlideFields& f) {
    const SlideParts parts = split_slide(original);
    const SlideFields before = fields_from_text(original);
    std::vector<FrontLine> lines = front_lines(parts.front_matter);
    // Only a field staff changed rewrites its line: the rest stays byte for byte as it was written.
    const auto change = [&lines](const std::string& now, const std::string& was, const char* section, const char* key,
                                 const std::string& toml_value) {
        if (now != was) set_key(lines, section, key, toml_value);
    };
    change(f.picture, before.picture, "", "image", trim(f.picture).empty() ? "" : quoted(trim(f.picture)));
    change(f.layout, before.layout, "", "layout", trim(f.layout).empty() ? "" : quoted(trim(f.layout)));
    // A number stays a number; anything else is written as typed, so the checker names the line.
    change(f.duration, before.duration, "", "duration", trim(f.duration));
    change(f.say, before.say, "", "say", trim(f.say).empty() ? "" : quoted(trim(f.say)));
    // true/false stay TOML booleans; anything else is written as typed, so the checker names the line.
    change(f.call_to_action, before.call_to_action, "", "call_to_action", trim(f.call_to_action));
    change(f.from, before.from, "show", "from", trim(f.from));
    change(f.until, before.until, "show", "until", trim(f.until));
    change(f.days, before.days, "show", "days", trim(f.days).empty() ? "" : days_array(f.days));
    change(f.hours, before.hours, "show", "hours", trim(f.hours).empty() ? "" : quoted(trim(f.hours)));
    // An empty [show] table left behind says nothing: drop it.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].section == "show" && trim(lines[i].text) == "[show]") {
            bool empty = true;
            for (std::size_t j = i + 1; j < lines.size() && lines[j].section == "show"; ++j) {
                if (!trim(lines[j].text).empty()) empty = false;
            }
            if (empty) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
    std::string out;
    if (parts.has_front_matter || !lines.empty()) {
        out += "+++\n";
        for (const FrontLine& l : lines) out += l.text + "\n";
        out += "+++\n";
    }
    // Title and text as they were: the Markdown is kept exactly (blank lines, a second heading).
    if (trim(f.title) == before.title && trim(f.text) == before.text) return out + parts.markdown;
    const std::string title = trim(f.title);
    if (!title.empty()) out += "# " + title + "\n";
    const std::string text = trim(f.text);
    if (!text.empty()) out += (title.empty() ? "" : "\n") + text + "\n";
    return out;
}

std::string field_for_line(std::string_view text, int line) {
    if (line <= 0) return "";
    const std::vector<std::string> lines = lines_of(text);
    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    std::size_t body = 0;  // index of the first Markdown line
    if (i < lines.size() && trim(lines[i]) == "+++") {
        std::string section;
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            if (trim(lines[j]) == "+++") {
                body = j + 1;
                break;
            }
            const std::string t = trim(lines[j]);
            if (t.size() > 2 && t.front() == '[') section = trim(std::string_view(t).substr(1, t.size() - 2));
            if (static_cast<int>(j) + 1 != line) continue;
            const std::string key = key_of(lines[j]);
            static const std::map<std::string, std::string> kTop = {{"image", "picture"},
                                                                    {"layout", "layout"},
                                                                    {"duration", "duration"},
                                                                    {"say", "say"},
                                                                    {"call_to_action", "call_to_action"}};
            static const std::map<std::string, std::string> kShow = {
                {"from", "from"}, {"until", "until"}, {"days", "days"}, {"hours", "hours"}};
            const auto& map = section == "show" ? kShow : kTop;
            const auto it = map.find(key);
            return it != map.end() ? it->second : section == "show" ? "from" : "";
        }
    }
    for (std::size_t j = body; j < lines.size(); ++j) {
        if (trim(lines[j]).empty()) continue;
        return static_cast<int>(j) + 1 == line && lines[j].rfind("# ", 0) == 0 ? "title" : "text";
    }
    return "text";
}

SlideFields fields_from_form(const std::map<std::string, std::string>& form) {
    const auto get = [&form](const char* k) {
        const auto it = form.find(k);
        std::string v = it == form.end() ? "" : it->second;
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] == '\r' && i + 1 < v.size() && v[i + 1] == '\n') continue;  // browsers send CRLF
            out += v[i];
        }
        return out;
    };
    SlideFields f;
    f.title = get("title");
    for (char& c : f.title) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    f.text = get("text");
    f.picture = get("picture");
    f.layout = get("layout");
    f.duration = get("duration");
    f.from = get("from");
    f.until = get("until");
    f.days = get("days");
    f.hours = get("hours");
    f.say = get("say");
    for (char& c : f.say) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    f.call_to_action = get("call_to_action");
    return f;
}

}  // namespace kiosk::web
