#include "temp_files.h"

#include <array>
#include <cctype>

namespace kiosk {
namespace {

bool ends_with_ignore_case(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    const std::string_view tail = text.substr(text.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
    }
    return true;
}

// Lower-case; compared against the end of the name.
constexpr std::array<std::string_view, 8> kScratchSuffixes = {
    ".swp", ".swx", ".part", ".partial", ".crdownload", ".filepart", ".tmp", "~",
};

}  // namespace

bool is_editor_temp_file(std::string_view name) {
    if (name.empty()) return true;
    // Hidden names cover most tools at once (swap files, rsync and Syncthing temporaries, locks),
    // and "." / ".." are never content either.
    if (name.front() == '.') return true;
    // vim creates and deletes "4913" to test whether it may write in the folder.
    if (name == "4913") return true;
    if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
    for (const std::string_view suffix : kScratchSuffixes) {
        if (ends_with_ignore_case(name, suffix)) return true;
    }
    return false;
}

}  // namespace kiosk
