#include "platform/folder_watcher.h"

#include "core/temp_files.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr std::uint32_t kTreeMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                                    IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
// In the parent only the folder's own name matters: created, renamed over, deleted, chmod-ed.
constexpr std::uint32_t kParentMask =
    IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
constexpr int kMaxDepth = 8;   // slides/art/... is two levels; a deep tree is a mistake, not content
constexpr std::uint64_t kUnreadableFingerprint = 0x554e5245414442ULL;

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    // FNV-1a over the 8 bytes of v: cheap and good enough to notice a changed listing.
    for (int i = 0; i < 8; ++i) {
        h ^= (v >> (i * 8)) & 0xFFU;
        h *= 0x100000001B3ULL;
    }
    return h;
}

std::uint64_t hash_text(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

// Relative paths are fixed at start so a later chdir cannot move the watched folder.
fs::path absolute_path(fs::path p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    return (ec ? p : abs).lexically_normal();
}

bool readable_dir(const fs::path& p) { return ::faccessat(AT_FDCWD, p.c_str(), R_OK | X_OK, AT_EACCESS) == 0; }

}  // namespace

const char* to_string(FolderStatus s) {
    switch (s) {
        case FolderStatus::Present: return "present";
        case FolderStatus::Missing: return "missing";
        case FolderStatus::Unreadable: return "unreadable";
        case FolderStatus::NotAFolder: return "not a folder";
    }
    return "?";
}

FolderWatcher::FolderWatcher(fs::path dir, FolderWatcherOptions options)
    : dir_(absolute_path(std::move(dir))),
      options_(options),
      inotify_(options.use_inotify ? ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC) : -1),
      wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      debounce_(options.quiet, options.max_burst) {
    // "/srv/slides/" normalises to a trailing empty name; the folder's name is the last real part.
    if (!dir_.has_filename() && dir_.has_parent_path()) dir_ = dir_.parent_path();
    name_ = dir_.filename().string();
    // Without inotify (descriptor limit reached) the rescan still finds changes, only more slowly.
    watch_parent();
    attach();
    baseline_ = fingerprint();
    next_rescan_ = std::chrono::steady_clock::now() + options_.rescan;
}

void FolderWatcher::wake() {
    const std::uint64_t one = 1;
    // A full counter already means "wake up"; nothing else to do on failure.
    [[maybe_unused]] const auto n = ::write(wake_.get(), &one, sizeof one);
}

void FolderWatcher::watch_parent() {
    if (!inotify_ || parent_wd_ >= 0) return;
    parent_wd_ = ::inotify_add_watch(inotify_.get(), dir_.parent_path().c_str(), kParentMask);
}

void FolderWatcher::attach() {
    detach();
    struct stat st {};
    if (::stat(dir_.c_str(), &st) != 0) {
        status_ = errno == EACCES ? FolderStatus::Unreadable : FolderStatus::Missing;
        detail_ = std::strerror(errno);
        return;
    }
    identity_ = Identity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
    if (!S_ISDIR(st.st_mode)) {
        status_ = FolderStatus::NotAFolder;
        detail_ = "this path is a file, not a folder";
        return;
    }
    if (inotify_) {
        root_wd_ = ::inotify_add_watch(inotify_.get(), dir_.c_str(), kTreeMask);
        if (root_wd_ < 0) {
            status_ = errno == ENOENT ? FolderStatus::Missing : FolderStatus::Unreadable;
            detail_ = std::strerror(errno);
            return;
        }
        watches_[root_wd_] = fs::path();
        watch_tree(fs::path(), 0);
    }
    refresh_status();
}

void FolderWatcher::detach() {
    for (const auto& [wd, path] : watches_) ::inotify_rm_watch(inotify_.get(), wd);
    watches_.clear();
    root_wd_ = -1;
    identity_ = Identity{};
}

void FolderWatcher::refresh_status() {
    struct stat st {};
    if (::stat(dir_.c_str(), &st) != 0) {
        status_ = errno == EACCES ? FolderStatus::Unreadable : FolderStatus::Missing;
        detail_ = std::strerror(errno);
    } else if (!S_ISDIR(st.st_mode)) {
        status_ = FolderStatus::NotAFolder;
        detail_ = "this path is a file, not a folder";
    } else if (!readable_dir(dir_)) {
        status_ = FolderStatus::Unreadable;
        detail_ = std::strerror(EACCES);
    } else {
        status_ = FolderStatus::Present;
        detail_.clear();
    }
}

// Adds watches for every subfolder under `relative` (the root's own watch exists already).
void FolderWatcher::watch_tree(const fs::path& relative, int depth) {
    if (depth >= kMaxDepth) return;
    std::error_code ec;
    for (fs::directory_iterator it(dir_ / relative, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // Symlinked folders are not followed: a link back up the tree would loop forever.
        if (is_editor_temp_file(name) || it->is_symlink(ec) || !it->is_directory(ec)) continue;
        const fs::path sub = relative / name;
        const int wd = ::inotify_add_watch(inotify_.get(), (dir_ / sub).c_str(), kTreeMask | IN_DONT_FOLLOW);
        if (wd < 0) continue;   // unreadable subfolder: the rescan still covers what it can see
        watches_[wd] = sub;
        watch_tree(sub, depth + 1);
    }
}

void FolderWatcher::unwatch_under(const fs::path& relative) {
    for (auto it = watches_.begin(); it != watches_.end();) {
        const fs::path& watched = it->second;
        const bool inside = std::mismatch(relative.begin(), relative.end(), watched.begin(), watched.end()).first ==
                            relative.end();
        if (it->first != root_wd_ && inside) {
            ::inotify_rm_watch(inotify_.get(), it->first);
            it = watches_.erase(it);
        } else {
            ++it;
        }
    }
}

void FolderWatcher::drain_events(SteadyTime now) {
    if (!inotify_) return;
    alignas(inotify_event) std::array<char, 16 * 1024> buf{};
    bool recheck_root = false;
    while (true) {
        const ssize_t n = ::read(inotify_.get(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;   // EAGAIN: drained
        for (std::size_t off = 0; off < static_cast<std::size_t>(n);) {
            inotify_event ev{};
            std::memcpy(&ev, buf.data() + off, sizeof ev);
            const std::string_view name =
                ev.len > 0 ? std::string_view(buf.data() + off + sizeof ev) : std::string_view{};
            off += sizeof ev + ev.len;

            if (ev.mask & IN_Q_OVERFLOW) {
                // Events were lost: assume everything changed and rebuild the watches.
                debounce_.note_event(now);
                recheck_root = true;
                continue;
            }
            if (ev.wd == parent_wd_) {
                if (ev.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                    ::inotify_rm_watch(inotify_.get(), parent_wd_);
                    parent_wd_ = -1;   // the rescan adds it again once the parent exists
                    recheck_root = true;
                } else if (name == name_) {
                    recheck_root = true;
                }
                continue;
            }
            const auto watch = watches_.find(ev.wd);
            if (watch == watches_.end()) continue;   // a watch removed a moment ago
            const fs::path where = watch->second;
            if (ev.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)) {
                if (ev.wd == root_wd_) {
                    debounce_.note_event(now);
                    recheck_root = true;
                } else if (ev.mask & IN_IGNORED) {
                    watches_.erase(watch);
                }
                continue;
            }
            if (name.empty()) {
                // The folder itself: chmod, chown or touch. Permissions decide whether slides can load.
                if (ev.mask & IN_ATTRIB) {
                    debounce_.note_event(now);
                    if (ev.wd == root_wd_) refresh_status();
                }
                continue;
            }
            if (is_editor_temp_file(name)) continue;
            debounce_.note_event(now);
            if (ev.mask & IN_ISDIR) {
                const fs::path sub = where / std::string(name);
                if (ev.mask & IN_MOVED_FROM) unwatch_under(sub);
                if (ev.mask & (IN_CREATE | IN_MOVED_TO)) {
                    // Files copied into a new folder before its watch existed are seen by the
                    // burst's reload anyway; the watch makes later edits inside it count.
                    const int wd =
                        ::inotify_add_watch(inotify_.get(), (dir_ / sub).c_str(), kTreeMask | IN_DONT_FOLLOW);
                    if (wd >= 0) {
                        watches_[wd] = sub;
                        watch_tree(sub, static_cast<int>(std::distance(sub.begin(), sub.end())));
                    }
                }
            }
        }
    }
    if (recheck_root) reconcile(now);
}

// The path may now name a different folder (renamed over, symlink retargeted), none, or the same.
void FolderWatcher::reconcile(SteadyTime now) {
    const FolderStatus before = status_;
    const Identity old_identity = identity_;
    const bool was_attached = root_wd_ >= 0;
    struct stat st {};
    const bool exists = ::stat(dir_.c_str(), &st) == 0;
    const Identity current{exists ? static_cast<std::uint64_t>(st.st_dev) : 0,
                           exists ? static_cast<std::uint64_t>(st.st_ino) : 0};
    if (!was_attached || !exists || current != old_identity) {
        attach();
    } else {
        refresh_status();
    }
    if (status_ != before || identity_ != old_identity || was_attached != (root_wd_ >= 0)) debounce_.note_event(now);
}

void FolderWatcher::rescan(SteadyTime now) {
    watch_parent();
    reconcile(now);
    // A changed listing with no inotify event: a network mount changed remotely, or events were
    // missed. Temp files are left out of the fingerprint, so an open editor does not count.
    if (!debounce_.pending() && fingerprint() != baseline_) debounce_.note_event(now);
}

std::uint64_t FolderWatcher::fingerprint() const {
    if (status_ != FolderStatus::Present) return static_cast<std::uint64_t>(status_) + 1;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir_, fs::directory_options::none, ec);
    if (ec) return kUnreadableFingerprint;
    // A sum of per-entry hashes, so the order the file system lists entries in does not matter.
    std::uint64_t sum = 0;
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) return kUnreadableFingerprint;
        const std::string name = it->path().filename().string();
        if (is_editor_temp_file(name) || it.depth() >= kMaxDepth) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0) continue;   // vanished while listing
        std::uint64_t h = hash_text(it->path().lexically_relative(dir_).string());
        h = mix(h, static_cast<std::uint64_t>(st.st_mode));
        h = mix(h, static_cast<std::uint64_t>(st.st_ino));
        // A folder's own size and time change when a temp file comes and goes: only files count.
        if (!S_ISDIR(st.st_mode)) {
            h = mix(h, static_cast<std::uint64_t>(st.st_size));
            h = mix(h, static_cast<std::uint64_t>(st.st_mtim.tv_sec));
            h = mix(h, static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
        }
        sum += h;
    }
    return sum;
}

bool FolderWatcher::poll(milliseconds wait) {
    const SteadyTime give_up = std::chrono::steady_clock::now() + wait;
    while (true) {
        SteadyTime now = std::chrono::steady_clock::now();
        drain_events(now);
        if (now >= next_rescan_) {
            rescan(now);
            next_rescan_ = now + options_.rescan;
        }
        if (debounce_.take_settled(now)) {
            baseline_ = fingerprint();
            return true;
        }
        if (now >= give_up) return false;

        SteadyTime until = std::min(give_up, next_rescan_);
        if (const auto due = debounce_.deadline()) until = std::min(until, *due);
        const auto timeout = std::chrono::ceil<milliseconds>(until - now);
        std::array<pollfd, 2> fds{{{inotify_.get(), POLLIN, 0}, {wake_.get(), POLLIN, 0}}};
        const auto timeout_ms = static_cast<int>(std::max<milliseconds::rep>(timeout.count(), 0));
        const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
        if (ready > 0 && (fds[1].revents & POLLIN)) {
            std::uint64_t count = 0;
            [[maybe_unused]] const auto n = ::read(wake_.get(), &count, sizeof count);
            return false;
        }
    }
}

FolderWatchThread::FolderWatchThread(fs::path dir, Callback on_change, FolderWatcherOptions options)
    : watcher_(std::move(dir), options),
      on_change_(std::move(on_change)),
      status_(watcher_.status()),
      thread_([this](const std::stop_token& stop) {
          const std::stop_callback wake_on_stop(stop, [this] { watcher_.wake(); });
          while (!stop.stop_requested()) {
              if (watcher_.poll(std::chrono::seconds(1))) {
                  status_.store(watcher_.status());
                  if (!stop.stop_requested()) on_change_(watcher_.status());
              } else {
                  status_.store(watcher_.status());
              }
          }
      }) {}

FolderWatchThread::~FolderWatchThread() {
    thread_.request_stop();
    thread_.join();
}

}  // namespace kiosk
