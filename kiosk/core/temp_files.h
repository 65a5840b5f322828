// Which file names are editors', downloaders' and sync tools' scratch files rather than slides.
// The folder watcher ignores changes to them and the deck loader skips them, with one shared rule.
#pragma once

#include <string_view>

namespace kiosk {

// True for a bare file or folder name (no '/') that a person did not mean as content:
// hidden names ('.swp' swap files, rsync's ".name.XXXXXX", Syncthing's ".syncthing.*.tmp",
// LibreOffice's ".~lock.*#", macOS "._*" and ".DS_Store"), vim's "4913" write probe, backups
// ending in '~', Emacs autosaves "#name#", and partial downloads/copies (.part, .partial,
// .crdownload, .filepart, .tmp, .swp, .swx). Suffixes match case-insensitively, since files
// copied from Windows USB sticks often arrive as ".TMP".
[[nodiscard]] bool is_editor_temp_file(std::string_view name);

}  // namespace kiosk
