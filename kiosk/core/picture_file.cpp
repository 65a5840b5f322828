#include "picture_file.h"

#include "unique_fd.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>

namespace kiosk {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& real, const fs::path& real_dir) {
    const auto [d_end, r_it] = std::mismatch(real_dir.begin(), real_dir.end(), real.begin(), real.end());
    return d_end == real_dir.end() && r_it != real.end();
}

const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a pipe (FIFO)";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Opens `rel` below the folder `dir_fd` with the kernel refusing any step out of it and any link
// at all (the path was made link-free by canonical() just before): a link swapped in after the
// check cannot redirect the open. O_NONBLOCK: opening a pipe must not wait for a writer.
int open_beneath(int dir_fd, const fs::path& rel) {
    open_how how{};
    how.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return static_cast<int>(::syscall(SYS_openat2, dir_fd, rel.c_str(), &how, sizeof how));
}

}  // namespace

std::string picture_digest(std::string_view bytes) {
    return std::to_string(bytes.size()) + '-' + std::to_string(std::hash<std::string_view>{}(bytes));
}

PictureFile read_picture_file(const fs::path& file, const fs::path& slides_dir, std::uintmax_t max_bytes) {
    PictureFile r;
    auto fail = [&r](std::string error, std::string fix) {
        r.error = std::move(error);
        r.fix = std::move(fix);
        return std::move(r);
    };
    std::error_code ec;
    const fs::path real_dir = fs::canonical(slides_dir, ec);
    if (ec) return fail("cannot be read: the slides folder is not there (" + ec.message() + ")", "");
    const fs::path real = fs::canonical(file, ec);  // resolves links; opens nothing
    if (ec) return fail("cannot be read (" + ec.message() + ")", "Check that the picture is still there");
    if (!inside(real, real_dir)) {
        return fail("is a link to a file outside the slides folder", "Copy the picture itself into the slides folder");
    }
    // lstat first: a pipe or device is refused without being opened at all.
    struct stat st {};
    if (::lstat(real.c_str(), &st) != 0) return fail(std::string("cannot be read (") + std::strerror(errno) + ")", "");
    if (!S_ISREG(st.st_mode)) {
        return fail(std::string("is ") + kind_of(st.st_mode) + ", not a picture file",
                    "Put a PNG, JPEG or SVG file there (copy the picture itself, not a pipe or device)");
    }

    UniqueFd dir(::open(real_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    UniqueFd fd(dir ? open_beneath(dir.get(), real.lexically_relative(real_dir)) : -1);
    if (!fd && (errno == ENOSYS || errno == EPERM)) {
        // No openat2 (kernel before 5.6, or a sandbox): refuse a final link, then check below
        // where the opened file really is.
        fd.reset(::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW));
        if (fd) {
            const fs::path opened = fs::read_symlink("/proc/self/fd/" + std::to_string(fd.get()), ec);
            if (ec || !inside(opened, real_dir)) {
                return fail("is a link to a file outside the slides folder",
                            "Copy the picture itself into the slides folder");
            }
        }
    }
    if (!fd) {
        if (errno == ELOOP || errno == EXDEV) {
            return fail("was replaced by a link while it was read", "Copy the picture itself into the slides folder");
        }
        return fail(std::string("cannot be read (") + std::strerror(errno) + ")",
                    "Check that the kiosk may read it (file permissions)");
    }
    // The file opened may not be the one checked (swapped in between): check what was opened.
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return fail(std::string("is ") + kind_of(st.st_mode) + ", not a picture file",
                    "Put a PNG, JPEG or SVG file there (copy the picture itself, not a pipe or device)");
    }
    const auto too_big = [max_bytes](std::uintmax_t n) {
        return "is too big (" + std::to_string(n / (1024 * 1024)) + " MB; at most " +
               std::to_string(max_bytes / (1024 * 1024)) + " MB)";
    };
    const std::string smaller = "Export the picture smaller, for example 1920 pixels wide, as JPEG or PNG";
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes)
        return fail(too_big(static_cast<std::uintmax_t>(st.st_size)), smaller);
    r.bytes.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    for (;;) {
        if (got == r.bytes.size()) {
            // The file may have grown since fstat: read on, up to the limit.
            if (r.bytes.size() >= max_bytes) {
                char probe = 0;
                if (::read(fd.get(), &probe, 1) > 0) return fail(too_big(max_bytes + 1), smaller);
                break;
            }
            r.bytes.resize(std::min<size_t>(std::max<size_t>(r.bytes.size() * 2, 4096), max_bytes));
        }
        const ssize_t n = ::read(fd.get(), r.bytes.data() + got, r.bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(std::string("cannot be read (") + std::strerror(errno) + ")", "");
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    r.bytes.resize(got);
    return r;
}

}  // namespace kiosk
