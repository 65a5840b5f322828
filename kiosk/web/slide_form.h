// A slide file's text ↔ the edit form's fields (title, text, picture, layout, duration, when it shows).
// Only the lines a field stands for are rewritten: notes (# lines), other keys and the Markdown
// formatting the form does not show stay exactly as staff wrote them.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace kiosk::web {

struct SlideFields {
    std::string title;           // the "# " heading, without the "# "
    std::string text;            // the Markdown below the title
    std::string picture;         // image = "art/x.svg" (empty: none)
    std::string layout;          // image-left, image-right, image-top, text-only, image-only (empty: default)
    std::string duration;        // seconds as written (empty: reading time decides)
    std::string from, until;     // [show] dates, YYYY-MM-DD (empty: no limit)
    std::string days;            // [show] days as "mon tue wed" (empty: every day)
    std::string hours;           // [show] hours, "08:00-12:00" (empty: all day)
    std::string say;             // say = "...": what Read aloud speaks instead of the text (empty: the text)
    std::string call_to_action;  // "true", "false" or "" (not written: the last picture-less slide has it)
};

// The front matter (between the +++ lines, without them) and the Markdown after it.
struct SlideParts {
    bool has_front_matter = false;
    std::string front_matter;
    std::string markdown;
};
[[nodiscard]] SlideParts split_slide(std::string_view text);

[[nodiscard]] SlideFields fields_from_text(std::string_view text);
// `original` with the fields written in; what the form does not show is kept, and so is every line
// whose field still reads as it did in `original` (a value the form shows simplified is never
// rewritten unless staff changed it).
[[nodiscard]] std::string text_from_fields(std::string_view original, const SlideFields& fields);
// The fields from a posted form (names: title, text, picture, layout, duration, from, until, days, hours,
// say, call_to_action).
[[nodiscard]] SlideFields fields_from_form(const std::map<std::string, std::string>& form);

// The form field a diagnostic's line falls on in `text` ("title", "picture", "days", ...), so the page
// shows the message next to that field; "" for the whole slide.
[[nodiscard]] std::string field_for_line(std::string_view text, int line);

}  // namespace kiosk::web
