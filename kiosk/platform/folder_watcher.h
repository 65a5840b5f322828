// Tells the app when the slides folder changed, once per burst of writes, with inotify.
// Survives the folder being deleted, replaced, made unreadable or unmounted, and picks it up again.
//
// Two ways to use it:
//  * FolderWatchThread (what the app wants): a background thread that calls a callback after each
//    settled change. The callback runs on the watcher thread: post an SDL user event from it and
//    reload the deck elsewhere; never touch UI state in it.
//  * FolderWatcher: the single-threaded engine, driven by poll(); used by the thread and by tests.
#pragma once

#include "core/debounce.h"
#include "core/unique_fd.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <thread>

namespace kiosk {

enum class FolderStatus {
    Present,      // watched and readable
    Missing,      // does not exist (deleted, renamed away, USB stick out, share not mounted)
    Unreadable,   // exists but this user may not list it
    NotAFolder,   // the path names a file
};
[[nodiscard]] const char* to_string(FolderStatus s);

struct FolderWatcherOptions {
    // A burst settles after this long without events: long enough to join the pieces of one copy,
    // short enough that staff see their edit within a second of saving.
    std::chrono::milliseconds quiet{300};
    // A burst that never goes quiet (a slow sync) is still reported this long after it began.
    std::chrono::milliseconds max_burst{5000};
    // How often the folder is re-checked without inotify's help: to find a missing folder again,
    // and to notice changes inotify cannot see (files changed on another machine behind a
    // network mount). Compares a fingerprint of names, sizes and modification times.
    std::chrono::milliseconds rescan{2000};
    // false: rely on the rescan alone, for a folder on a file system where inotify sees nothing
    // (a share mounted from another machine over CIFS or NFS).
    bool use_inotify = true;
};

// Not thread-safe except for wake(). Owns its inotify descriptor.
class FolderWatcher {
public:
    explicit FolderWatcher(std::filesystem::path dir, FolderWatcherOptions options = {});
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    // Waits up to `wait` and returns true once per settled change (content, folder gone, folder
    // back, permissions). Returns false on timeout or after wake().
    bool poll(std::chrono::milliseconds wait);
    // Makes a poll() in progress on another thread return soon. Safe from any thread.
    void wake();

    // The inotify descriptor, readable when events are pending. poll() also has timers (debounce,
    // rescan), so a caller multiplexing this fd must still call poll(0ms) at least every 100 ms.
    [[nodiscard]] int fd() const { return inotify_.get(); }
    [[nodiscard]] FolderStatus status() const { return status_; }
    // Why the folder is not Present, in plain words (e.g. "Permission denied"); empty when it is.
    [[nodiscard]] const std::string& detail() const { return detail_; }
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    // False when changes are found only by the slow rescan (use_inotify off, or inotify_init failed).
    [[nodiscard]] bool using_inotify() const { return inotify_.valid(); }

private:
    struct Identity {
        std::uint64_t dev = 0, ino = 0;
        bool operator==(const Identity&) const = default;
    };

    void attach();
    void detach();
    void watch_tree(const std::filesystem::path& relative, int depth);
    void unwatch_under(const std::filesystem::path& relative);
    void watch_parent();
    void drain_events(SteadyTime now);
    void reconcile(SteadyTime now);
    void rescan(SteadyTime now);
    void refresh_status();
    [[nodiscard]] std::uint64_t fingerprint() const;

    std::filesystem::path dir_;
    std::string name_;   // the folder's name inside its parent
    FolderWatcherOptions options_;
    UniqueFd inotify_;
    UniqueFd wake_;      // eventfd
    int parent_wd_ = -1;
    int root_wd_ = -1;
    std::map<int, std::filesystem::path> watches_;   // wd → path relative to dir_ ("" is the root)
    Identity identity_;
    FolderStatus status_ = FolderStatus::Missing;
    std::string detail_;
    Debouncer debounce_;
    SteadyTime next_rescan_{};
    std::uint64_t baseline_ = 0;   // fingerprint when the last change was reported
};

// Runs a FolderWatcher on its own thread and calls `on_change(status)` on that thread after each
// settled change. The callback must be quick, must not throw, and must only hand the news over
// (e.g. SDL_PushEvent, which is thread-safe). The destructor stops and joins the thread; the
// callback is never running once it returns.
class FolderWatchThread {
public:
    using Callback = std::function<void(FolderStatus)>;
    FolderWatchThread(std::filesystem::path dir, Callback on_change, FolderWatcherOptions options = {});
    ~FolderWatchThread();
    FolderWatchThread(const FolderWatchThread&) = delete;
    FolderWatchThread& operator=(const FolderWatchThread&) = delete;

    // The latest status, readable from any thread (for the log and the staff panel).
    [[nodiscard]] FolderStatus status() const { return status_.load(); }

private:
    FolderWatcher watcher_;
    Callback on_change_;
    std::atomic<FolderStatus> status_;
    std::jthread thread_;   // last: started after everything it uses exists
};

}  // namespace kiosk
