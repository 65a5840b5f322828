#include "language_config.h"

#include "translations.h"

#include <algorithm>

namespace kiosk {

namespace {

using toml_util::Context;

// The names a staff member is likely to mean without a [languages] entry.
std::string fallback_name(const std::string& code) {
    if (code == "en") return "English";
    if (code == "es") return "Español";
    if (code == "fr") return "Français";
    if (code == "de") return "Deutsch";
    return code;
}

}  // namespace

void read_languages(const Context& ctx, const toml::table& root, LanguagesConfig& out, const LanguagesConfig& last,
                    const UiStrings& base_text) {
    out = LanguagesConfig{};
    const toml::node* node = root.get("languages");
    const toml::table* t = node ? node->as_table() : nullptr;
    if (node && !t) {
        ctx.error(ctx.line_of(*node), "'languages' must be a section like [languages]",
                  "The languages keep their previous settings until it is fixed");
        out = last;
        return;
    }
    std::vector<std::pair<std::string, std::string>> named;  // code, name, in file order
    if (t) {
        if (const toml::node* d = t->get("default")) {
            std::string code = last.default_code;
            if (toml_util::get_string(ctx, *t, "default", code)) {
                if (is_language_code(code)) {
                    out.default_code = code;
                } else {
                    ctx.error(ctx.line_of(*d), "'default' is not a language code: \"" + code + "\"",
                              "Write two or three lowercase letters, such as \"en\"");
                    out.default_code = last.default_code;
                }
            } else {
                out.default_code = last.default_code;
            }
        }
        // toml++ tables are ordered by key; the file's order is the order of their lines.
        std::vector<std::pair<int, std::string>> keys;
        for (const auto& [k, v] : *t) keys.emplace_back(static_cast<int>(k.source().begin.line), std::string(k.str()));
        std::sort(keys.begin(), keys.end());
        for (const auto& [line, key] : keys) {
            if (key == "default") continue;
            const toml::node& v = *t->get(key);
            if (!is_language_code(key)) {
                ctx.error(ctx.line_of(v), "unknown key '" + key + "' in [languages]",
                          "Write a language code and its name, such as es = \"Español\", or default = \"en\"");
                continue;
            }
            std::string name;
            if (!toml_util::get_string(ctx, *t, key, name) || name.empty()) {
                if (name.empty() && v.is_string())
                    ctx.error(ctx.line_of(v), "the name of '" + key + "' is empty",
                              "Write the language's name as its speakers do, such as \"Español\"");
                // The last good entry of that language, if there was one.
                if (key == last.default_code) {
                    named.emplace_back(key, last.default_name);
                } else if (const LanguageOption* l = last.find(key)) {
                    named.emplace_back(key, l->name);
                }
                continue;
            }
            named.emplace_back(key, name);
        }
    }
    out.default_name = fallback_name(out.default_code);
    for (const auto& [code, name] : named) {
        if (code == out.default_code) {
            out.default_name = name;
        } else {
            out.others.push_back(LanguageOption{code, name, base_text});
        }
    }

    // [text.xx]: each listed language's sentences over [text]'s.
    const toml::table* text = root.get("text") ? root.get("text")->as_table() : nullptr;
    if (!text) return;
    for (const auto& [k, v] : *text) {
        const toml::table* lt = v.as_table();
        if (!lt) continue;
        const std::string code(k.str());
        LanguageOption* option = nullptr;
        for (auto& o : out.others) {
            if (o.code == code) option = &o;
        }
        if (!option) {
            ctx.error(static_cast<int>(k.source().begin.line) + ctx.line_offset,
                      "[text." + code + "] is for a language that [languages] does not list",
                      code == out.default_code ? "The default language's sentences go in [text] itself"
                                               : "Add " + code + " = \"(its name)\" under [languages]");
            continue;
        }
        const LanguageOption* before = last.find(code);
        const std::size_t first = ctx.out->size();
        read_ui_strings(ctx, *lt, option->text, before ? before->text : base_text);
        // The shared reader names [text]; here the section is [text.es].
        for (std::size_t i = first; i < ctx.out->size(); ++i) {
            std::string& m = (*ctx.out)[i].message;
            if (const std::size_t at = m.rfind(" in [text]"); at != std::string::npos) m.insert(at + 9, "." + code);
        }
    }
}

KioskConfig localized(const KioskConfig& config, std::string_view code) {
    KioskConfig out = config;
    if (const LanguageOption* l = config.languages.find(code)) out.text = l->text;
    return out;
}

std::vector<std::string> other_language_codes(const LanguagesConfig& languages) {
    std::vector<std::string> codes;
    for (const auto& l : languages.others) codes.push_back(l.code);
    return codes;
}

}  // namespace kiosk
