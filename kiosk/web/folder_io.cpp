#include "web/folder_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

namespace kiosk::web {

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

// The folder part of "art/x.png" ("" for "x.png") and the last part.
std::pair<std::string, std::string> split(std::string_view rel) {
    const auto slash = rel.rfind('/');
    if (slash == std::string_view::npos) return {"", std::string(rel)};
    return {std::string(rel.substr(0, slash)), std::string(rel.substr(slash + 1))};
}

// write_atomic's temp files: hidden and ending ".tmp", so the deck loader skips them (is_editor_temp_file).
constexpr std::string_view kTempPrefix = ".web-";
constexpr std::string_view kTempSuffix = ".tmp";

}  // namespace

bool is_write_temp_name(std::string_view name) {
    if (name.size() <= kTempPrefix.size() + kTempSuffix.size() || !name.starts_with(kTempPrefix) ||
        !name.ends_with(kTempSuffix))
        return false;
    const std::string_view digits =
        name.substr(kTempPrefix.size(), name.size() - kTempPrefix.size() - kTempSuffix.size());
    return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

FolderIo::FolderIo(const std::filesystem::path& dir) : dir_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {
    if (!dir_) error_ = "the slides folder " + dir.string() + " cannot be opened (" + errno_text() + ")";
}

UniqueFd FolderIo::open_beneath(std::string_view rel, int flags) const {
    if (!dir_ || rel.empty()) {
        errno = ENOENT;
        return UniqueFd();
    }
    const std::string path(rel);
    open_how how{};
    // openat2 refuses flags that do not go with O_PATH (EINVAL), unlike open.
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC | ((flags & O_PATH) ? 0 : O_NOCTTY));
    how.mode = (flags & O_CREAT) ? 0644 : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return UniqueFd(static_cast<int>(::syscall(SYS_openat2, dir_.get(), path.c_str(), &how, sizeof how)));
}

bool FolderIo::read(std::string_view rel, std::string& out, std::uintmax_t max_bytes, std::string& error) const {
    const UniqueFd fd = open_beneath(rel, O_RDONLY | O_NONBLOCK);
    if (!fd) {
        error = errno == ENOENT                      ? "there is no such file"
                : (errno == ELOOP || errno == EXDEV) ? "it is a link, which the page does not follow"
                                                     : "it cannot be read (" + errno_text() + ")";
        return false;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        error = "it is not a plain file";
        return false;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
        error = "it is too big (" + std::to_string(st.st_size) + " bytes; at most " + std::to_string(max_bytes) + ")";
        return false;
    }
    out.assign(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    return true;
}

bool FolderIo::exists(std::string_view rel) const {
    const UniqueFd fd = open_beneath(rel, O_PATH);
    return fd.valid() || errno != ENOENT;  // a link or anything else there still takes the name
}

bool FolderIo::write_atomic(std::string_view rel, std::string_view bytes, std::string& error) const {
    const auto [folder, leaf] = split(rel);
    std::random_device rd;
    const std::string tmp = (folder.empty() ? "" : folder + "/") + std::string(kTempPrefix) + std::to_string(rd()) +
                            std::string(kTempSuffix);
    UniqueFd fd = open_beneath(tmp, O_WRONLY | O_CREAT | O_EXCL);
    if (!fd) {
        error = "cannot write in the slides folder (" + errno_text() + ")";
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "cannot write the file (" + errno_text() + ")";
            ::unlinkat(dir_.get(), tmp.c_str(), 0);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) {
        error = "cannot write the file to disk (" + errno_text() + ")";
        ::unlinkat(dir_.get(), tmp.c_str(), 0);
        return false;
    }
    fd.reset();
    const std::string target(rel);
    if (::renameat(dir_.get(), tmp.c_str(), dir_.get(), target.c_str()) != 0) {
        error = "cannot put the file in place (" + errno_text() + ")";
        ::unlinkat(dir_.get(), tmp.c_str(), 0);
        return false;
    }
    const UniqueFd parent = folder.empty() ? UniqueFd(::openat(dir_.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC))
                                           : open_beneath(folder, O_RDONLY | O_DIRECTORY);
    if (parent) ::fsync(parent.get());  // the rename itself survives a power cut
    return true;
}

bool FolderIo::rename(std::string_view from, std::string_view to, std::string& error, bool replace) const {
    const std::string a(from), b(to);
    // The parent folders must be real folders below ours, never links: check by opening them.
    for (const std::string& p : {a, b}) {
        const auto folder = split(p).first;
        if (!folder.empty() && !open_beneath(folder, O_PATH | O_DIRECTORY)) {
            error = "the folder " + folder + " is missing or is a link";
            return false;
        }
    }
    const unsigned flags = replace ? 0u : RENAME_NOREPLACE;
    if (::renameat2(dir_.get(), a.c_str(), dir_.get(), b.c_str(), flags) != 0) {
        error = errno == EEXIST   ? "a file named " + b + " is already there"
                : errno == ENOENT ? "there is no file named " + a
                                  : "cannot rename " + a + " (" + errno_text() + ")";
        return false;
    }
    return true;
}

bool FolderIo::make_folder(std::string_view rel, std::string& error) const {
    const std::string p(rel);
    if (::mkdirat(dir_.get(), p.c_str(), 0755) != 0 && errno != EEXIST) {
        error = "cannot create the folder " + p + " (" + errno_text() + ")";
        return false;
    }
    if (!open_beneath(p, O_PATH | O_DIRECTORY)) {
        error = p + " is not a folder";
        return false;
    }
    return true;
}

std::vector<std::string> FolderIo::files(std::string_view rel) const {
    std::vector<std::string> names;
    UniqueFd fd = rel.empty() ? UniqueFd(::openat(dir_.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC))
                              : open_beneath(rel, O_RDONLY | O_DIRECTORY);
    if (!fd) return names;
    const int dfd = ::fcntl(fd.get(), F_DUPFD_CLOEXEC, 0);  // closedir closes this copy
    DIR* d = dfd < 0 ? nullptr : ::fdopendir(dfd);
    if (!d) {
        if (dfd >= 0) ::close(dfd);
        return names;
    }
    while (const dirent* e = ::readdir(d)) {
        struct stat st {};
        if (::fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
            names.emplace_back(e->d_name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

int FolderIo::remove_write_temp_files(std::string_view rel) const {
    const UniqueFd fd = rel.empty() ? UniqueFd(::openat(dir_.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC))
                                    : open_beneath(rel, O_RDONLY | O_DIRECTORY);
    if (!fd) return 0;
    int removed = 0;
    for (const std::string& name : files(rel)) {  // regular files only: never a folder or a link
        if (is_write_temp_name(name) && ::unlinkat(fd.get(), name.c_str(), 0) == 0) ++removed;
    }
    return removed;
}

}  // namespace kiosk::web
