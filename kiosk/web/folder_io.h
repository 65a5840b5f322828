// File operations below one folder that a request can never steer outside it: the folder is opened
// once, every name is resolved by the kernel with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS (openat2), and
// writes go to a hidden temp file in the same folder, fsync'd, then renamed over the target, so the
// kiosk's live reload never reads half a file.
#pragma once

#include "core/unique_fd.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::web {

// True for the names write_atomic gives its temp files: ".web-<digits>.tmp".
[[nodiscard]] bool is_write_temp_name(std::string_view name);

class FolderIo {
public:
    // Opens `dir` (creating nothing). ok() is false when it is not a readable folder.
    explicit FolderIo(const std::filesystem::path& dir);
    [[nodiscard]] bool ok() const { return dir_.valid(); }
    [[nodiscard]] const std::string& error() const { return error_; }

    // Reads a regular file at `rel` (no links anywhere on the way), at most max_bytes; false + error.
    bool read(std::string_view rel, std::string& out, std::uintmax_t max_bytes, std::string& error) const;
    [[nodiscard]] bool exists(std::string_view rel) const;
    // Writes `bytes` to `rel` atomically (temp + fsync + rename + fsync of the folder).
    bool write_atomic(std::string_view rel, std::string_view bytes, std::string& error) const;
    // Renames within the folder; refuses to replace an existing `to` unless `replace`.
    bool rename(std::string_view from, std::string_view to, std::string& error, bool replace = false) const;
    bool make_folder(std::string_view rel, std::string& error) const;
    // Regular files (not links) directly in `rel` ("" = the folder itself), sorted by name.
    [[nodiscard]] std::vector<std::string> files(std::string_view rel = "") const;
    // Deletes the temp files of writes cut short (the process killed mid-write) directly in `rel`:
    // regular files named exactly as is_write_temp_name says, nothing else. Returns how many.
    int remove_write_temp_files(std::string_view rel = "") const;

private:
    UniqueFd open_beneath(std::string_view rel, int flags) const;
    UniqueFd dir_;
    std::string error_;
};

}  // namespace kiosk::web
