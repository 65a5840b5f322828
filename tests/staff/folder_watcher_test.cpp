// The folder watcher against real files and real inotify, timed with the real clock.
#include "platform/folder_watcher.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

// Every notification `w` gives during `span`.
std::vector<Steady::time_point> collect(FolderWatcher& w, Steady::duration span) {
    std::vector<Steady::time_point> times;
    const auto end = Steady::now() + span;
    while (Steady::now() < end) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Steady::now());
        if (w.poll(std::max(left, 0ms))) times.push_back(Steady::now());
    }
    return times;
}

// Waits for the first notification; returns how long it took, or nullopt.
std::optional<std::chrono::milliseconds> wait_change(FolderWatcher& w, std::chrono::milliseconds timeout = 4000ms) {
    const auto start = Steady::now();
    const auto end = start + timeout;
    while (Steady::now() < end) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Steady::now());
        if (w.poll(std::max(left, 0ms))) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start);
        }
    }
    return std::nullopt;
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

class FolderWatcherTest : public ::testing::Test {
protected:
    test::TempDir tmp{"kiosk-watch"};
    fs::path slides = tmp.path() / "slides";
    void SetUp() override {
        fs::create_directories(slides / "art");
        write_file(slides / "010-welcome.md", "# Welcome\n");
    }
};

TEST_F(FolderWatcherTest, FileWrittenInPiecesGivesOneNotificationAfterTheLastPiece) {
    FolderWatcher w(slides);
    ASSERT_EQ(w.status(), FolderStatus::Present);
    Steady::time_point last_write;
    std::thread writer([&] {
        // Six pieces 120 ms apart: a slow copy from a USB stick or a network share.
        const int fd = ::open((slides / "020-massage.md").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        for (int i = 0; i < 6; ++i) {
            const std::string piece = "Line " + std::to_string(i) + " of the massage slide\n";
            [[maybe_unused]] const auto n = ::write(fd, piece.data(), piece.size());
            last_write = Steady::now();
            if (i < 5) std::this_thread::sleep_for(120ms);
        }
        ::close(fd);
        last_write = Steady::now();
    });
    // Long enough to include a rescan, which must not report the same change again.
    const auto times = collect(w, 3000ms);
    writer.join();
    ASSERT_EQ(times.size(), 1U) << "a file written in pieces must give exactly one notification";
    EXPECT_GE(times[0], last_write) << "the notification must come after the last piece, not in between";
    const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(times[0] - last_write);
    std::cout << "[ latency  ] last write -> notification: " << latency.count() << " ms\n";
    EXPECT_LT(latency, 2000ms) << "staff must see their change within about a second";
}

TEST_F(FolderWatcherTest, FileRenamedIntoPlaceIsReportedButItsPartialCopyIsNot) {
    FolderWatcher w(slides);
    write_file(slides / "030-exercise.md.part", "# Exercise\nhalf of it");
    EXPECT_TRUE(collect(w, 800ms).empty()) << "a .part file is a copy in progress, not a slide";
    fs::rename(slides / "030-exercise.md.part", slides / "030-exercise.md");
    const auto t = wait_change(w);
    ASSERT_TRUE(t) << "a file renamed into place (moved_to) must be reported";
    std::cout << "[ latency  ] rename -> notification: " << t->count() << " ms\n";
}

TEST_F(FolderWatcherTest, FileMovedAwayIsReported) {
    FolderWatcher w(slides);
    fs::rename(slides / "010-welcome.md", tmp.path() / "010-welcome.md");
    EXPECT_TRUE(wait_change(w)) << "a slide moved out of the folder (moved_from) must be reported";
}

TEST_F(FolderWatcherTest, EditedFileIsReported) {
    FolderWatcher w(slides);
    {
        std::ofstream out(slides / "010-welcome.md", std::ios::app);
        out << "More text.\n";
    }
    const auto t = wait_change(w);
    ASSERT_TRUE(t) << "an edit must be reported";
    std::cout << "[ latency  ] edit -> notification: " << t->count() << " ms\n";
    EXPECT_TRUE(collect(w, 600ms).empty()) << "one edit, one notification";
}

TEST_F(FolderWatcherTest, DeletedFileIsReported) {
    FolderWatcher w(slides);
    fs::remove(slides / "010-welcome.md");
    EXPECT_TRUE(wait_change(w)) << "a deleted slide must be reported";
}

TEST_F(FolderWatcherTest, AttributeChangeIsReported) {
    FolderWatcher w(slides);
    fs::permissions(slides / "010-welcome.md", fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_TRUE(wait_change(w)) << "chmod on a slide must be reported (it may now be unreadable)";
}

TEST_F(FolderWatcherTest, ImagesInSubfoldersAreWatched) {
    FolderWatcher w(slides);
    write_file(slides / "art" / "spine.svg", "<svg/>");
    EXPECT_TRUE(wait_change(w)) << "a new image in art/ must be reported";
    // A subfolder created after the watcher started is watched too.
    fs::create_directories(slides / "art" / "new");
    EXPECT_TRUE(wait_change(w));
    write_file(slides / "art" / "new" / "knee.png", "png");
    EXPECT_TRUE(wait_change(w)) << "a file in a folder created later must be reported";
}

TEST_F(FolderWatcherTest, EditorTempFilesGiveNoNotification) {
    FolderWatcher w(slides);
    write_file(slides / ".010-welcome.md.swp", "vim swap");
    write_file(slides / ".010-welcome.md.swx", "vim swap");
    write_file(slides / "4913", "");
    fs::remove(slides / "4913");
    write_file(slides / "010-welcome.md~", "backup");
    write_file(slides / "#010-welcome.md#", "emacs");
    write_file(slides / "upload.part", "partial");
    write_file(slides / "scratch.tmp", "tmp");
    write_file(slides / ".hidden", "hidden");
    write_file(slides / "art" / ".spine.svg.XyZ123", "rsync temporary");
    fs::create_directories(slides / ".stfolder");
    write_file(slides / ".stfolder" / "inside", "syncthing marker folder");
    // 2.5 s covers the fallback rescan too, which must also ignore these names.
    const auto times = collect(w, 2500ms);
    EXPECT_TRUE(times.empty()) << "editor and sync temp files must not reload the deck (" << times.size()
                               << " notifications)";
}

TEST_F(FolderWatcherTest, FolderRemovedAndRestoredIsPickedUpAgain) {
    FolderWatcher w(slides);
    fs::remove_all(slides);
    ASSERT_TRUE(wait_change(w)) << "the folder disappearing must be reported";
    EXPECT_EQ(w.status(), FolderStatus::Missing);
    fs::create_directories(slides);
    write_file(slides / "010-welcome.md", "# Back\n");
    const auto t = wait_change(w);
    ASSERT_TRUE(t) << "the folder coming back must be reported";
    std::cout << "[ latency  ] folder restored -> notification: " << t->count() << " ms\n";
    EXPECT_EQ(w.status(), FolderStatus::Present);
    write_file(slides / "020-new.md", "# New\n");
    EXPECT_TRUE(wait_change(w)) << "edits inside the restored folder must be reported (watch re-attached)";
}

TEST_F(FolderWatcherTest, FolderReplacedByAnotherIsFollowed) {
    FolderWatcher w(slides);
    const fs::path fresh = tmp.path() / "slides.new";
    fs::create_directories(fresh);
    write_file(fresh / "010-welcome.md", "# Replaced\n");
    EXPECT_TRUE(collect(w, 500ms).empty()) << "a sibling folder is not ours";
    // What a deploy script does: move the old folder aside, move the new one in (mv new old).
    fs::rename(slides, tmp.path() / "slides.old");
    fs::rename(fresh, slides);
    ASSERT_TRUE(wait_change(w)) << "the replacement must be reported";
    EXPECT_EQ(w.status(), FolderStatus::Present);
    write_file(tmp.path() / "slides.old" / "stale.md", "old");
    EXPECT_TRUE(collect(w, 800ms).empty()) << "the folder moved aside must no longer be watched";
    write_file(slides / "020-in-new.md", "# New\n");
    EXPECT_TRUE(wait_change(w)) << "edits in the new folder must be reported";
}

TEST_F(FolderWatcherTest, FolderSwappedAtomicallyIsFollowed) {
    FolderWatcher w(slides);
    const fs::path fresh = tmp.path() / "slides.new";
    fs::create_directories(fresh);
    write_file(fresh / "010-welcome.md", "# Swapped\n");
    // renameat2(RENAME_EXCHANGE): the atomic swap some deploy tools use.
    ASSERT_EQ(::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, slides.c_str(), RENAME_EXCHANGE), 0);
    ASSERT_TRUE(wait_change(w));
    write_file(fresh / "stale.md", "old folder, now under the other name");
    EXPECT_TRUE(collect(w, 800ms).empty()) << "the swapped-out folder must no longer be watched";
    write_file(slides / "020-x.md", "# X\n");
    EXPECT_TRUE(wait_change(w));
}

TEST_F(FolderWatcherTest, MissingFolderAtStartIsPickedUpWhenCreated) {
    fs::remove_all(slides);
    FolderWatcher w(slides);
    EXPECT_EQ(w.status(), FolderStatus::Missing);
    EXPECT_TRUE(collect(w, 300ms).empty());
    fs::create_directories(slides);
    write_file(slides / "010-welcome.md", "# Hello\n");
    const auto t = wait_change(w);
    ASSERT_TRUE(t);
    std::cout << "[ latency  ] folder created -> notification: " << t->count() << " ms\n";
    EXPECT_EQ(w.status(), FolderStatus::Present);
}

TEST_F(FolderWatcherTest, MissingParentIsFoundByTheSlowPoll) {
    // A USB stick or share mounted later: not even the parent exists, so inotify cannot help.
    const fs::path deep = tmp.path() / "media" / "stick" / "slides";
    FolderWatcher w(deep);
    EXPECT_EQ(w.status(), FolderStatus::Missing);
    fs::create_directories(deep);
    write_file(deep / "010-welcome.md", "# From the stick\n");
    const auto t = wait_change(w, 5000ms);
    ASSERT_TRUE(t) << "the 2 s fallback poll must find the folder";
    std::cout << "[ latency  ] folder under missing parent -> notification: " << t->count() << " ms\n";
    EXPECT_EQ(w.status(), FolderStatus::Present);
    write_file(deep / "020.md", "x");
    EXPECT_TRUE(wait_change(w));
}

TEST_F(FolderWatcherTest, PathThatIsAFileIsReportedAsNotAFolder) {
    fs::remove_all(slides);
    write_file(slides, "oops");
    FolderWatcher w(slides);
    EXPECT_EQ(w.status(), FolderStatus::NotAFolder);
    fs::remove(slides);
    fs::create_directories(slides);
    ASSERT_TRUE(wait_change(w));
    EXPECT_EQ(w.status(), FolderStatus::Present);
}

TEST_F(FolderWatcherTest, RescanAloneFindsChangesInotifyCannotSee) {
    // As on a share mounted from another machine: no inotify events at all, only the 2 s rescan.
    FolderWatcher w(slides, FolderWatcherOptions{.use_inotify = false});
    EXPECT_FALSE(w.using_inotify());
    EXPECT_EQ(w.status(), FolderStatus::Present);
    write_file(slides / ".010-welcome.md.swp", "swap");
    write_file(slides / "art" / "upload.part", "partial");
    EXPECT_TRUE(collect(w, 2500ms).empty()) << "temp files must not count in the rescan either";
    write_file(slides / "020-remote.md", "# Written on the server\n");
    const auto t = wait_change(w, 5000ms);
    ASSERT_TRUE(t) << "the rescan must find a new file";
    std::cout << "[ latency  ] rescan only -> notification: " << t->count() << " ms\n";
    EXPECT_TRUE(collect(w, 2500ms).empty()) << "one change, one notification";
    fs::remove_all(slides);
    ASSERT_TRUE(wait_change(w, 5000ms));
    EXPECT_EQ(w.status(), FolderStatus::Missing);
}

// The unreadable-folder scenario, as whichever non-root user runs it. Returns "" or what failed.
std::string unreadable_scenario(const fs::path& slides) {
    FolderWatcher w(slides);
    if (w.status() != FolderStatus::Present) return "not Present at start";
    if (::chmod(slides.c_str(), 0) != 0) return "chmod 000 failed";
    if (!wait_change(w)) return "no notification after chmod 000";
    if (w.status() != FolderStatus::Unreadable) return std::string("status after chmod 000: ") + to_string(w.status());
    if (::chmod(slides.c_str(), 0755) != 0) return "chmod 755 failed";
    if (!wait_change(w)) return "no notification after chmod 755";
    if (w.status() != FolderStatus::Present) return "not Present after chmod 755";
    write_file(slides / "020-after.md", "x");
    if (!wait_change(w)) return "no notification for a write after the folder became readable again";
    // Unreadable from the start: inotify refuses the watch; the slow poll must pick it up later.
    if (::chmod(slides.c_str(), 0) != 0) return "second chmod 000 failed";
    FolderWatcher late(slides);
    if (late.status() != FolderStatus::Unreadable) return std::string("late watcher: ") + to_string(late.status());
    if (::chmod(slides.c_str(), 0755) != 0) return "second chmod 755 failed";
    if (!wait_change(late, 5000ms)) return "late watcher: no notification when the folder became readable";
    if (late.status() != FolderStatus::Present) return "late watcher: not Present";
    write_file(slides / "030-late.md", "x");
    if (!wait_change(late)) return "late watcher: no notification for a write";
    return "";
}

TEST_F(FolderWatcherTest, UnreadableFolderAsRootKeepsWorking) {
    if (::geteuid() != 0) GTEST_SKIP() << "covered by UnreadableFolderAsUnprivilegedUser";
    // Root bypasses permission checks: the folder stays readable for the kiosk, so the watcher must
    // report the chmod and carry on as if nothing happened.
    FolderWatcher w(slides);
    ASSERT_EQ(::chmod(slides.c_str(), 0), 0);
    ASSERT_TRUE(wait_change(w)) << "chmod 000 must be reported";
    EXPECT_EQ(w.status(), FolderStatus::Present) << "root can still read the folder";
    write_file(slides / "020-root.md", "x");
    EXPECT_TRUE(wait_change(w)) << "the watcher must keep working";
    ::chmod(slides.c_str(), 0755);
}

TEST_F(FolderWatcherTest, UnreadableFolderAsUnprivilegedUser) {
    if (::geteuid() != 0) {
        const std::string failure = unreadable_scenario(slides);
        EXPECT_EQ(failure, "");
        return;
    }
    // As root (CI), run the scenario in a forked child that drops to uid/gid 65534 ("nobody"):
    // then permission checks apply for real. The folder is given to that user so it can chmod it.
    fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    for (const auto& entry : fs::recursive_directory_iterator(slides)) {
        ASSERT_EQ(::chown(entry.path().c_str(), 65534, 65534), 0);
    }
    ASSERT_EQ(::chown(slides.c_str(), 65534, 65534), 0);
    std::fflush(nullptr);
    std::array<int, 2> pipe_fds{};
    ASSERT_EQ(::pipe(pipe_fds.data()), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::close(pipe_fds[0]);
        std::string failure;
        if (::setgroups(0, nullptr) != 0 || ::setresgid(65534, 65534, 65534) != 0 ||
            ::setresuid(65534, 65534, 65534) != 0) {
            failure = "could not drop privileges";
        } else if (::geteuid() != 65534) {
            failure = "still root";
        } else {
            failure = unreadable_scenario(slides);
        }
        [[maybe_unused]] const auto n = ::write(pipe_fds[1], failure.data(), failure.size());
        ::_exit(failure.empty() ? 0 : 1);
    }
    ::close(pipe_fds[1]);
    std::string failure;
    std::array<char, 256> buf{};
    for (ssize_t n; (n = ::read(pipe_fds[0], buf.data(), buf.size())) > 0;) {
        failure.append(buf.data(), static_cast<std::size_t>(n));
    }
    ::close(pipe_fds[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "as uid 65534: " << failure;
    EXPECT_EQ(failure, "");
}

TEST_F(FolderWatcherTest, WatchThreadCallsBackAndStopsPromptly) {
    std::atomic<int> calls{0};
    std::atomic<FolderStatus> seen{FolderStatus::Missing};
    const auto started = Steady::now();
    {
        FolderWatchThread thread(slides, [&](FolderStatus s) {
            seen = s;
            ++calls;
        });
        EXPECT_EQ(thread.status(), FolderStatus::Present);
        write_file(slides / "020-thread.md", "x");
        const auto until = Steady::now() + 4s;
        while (calls == 0 && Steady::now() < until) std::this_thread::sleep_for(20ms);
        EXPECT_EQ(calls.load(), 1);
        EXPECT_EQ(seen.load(), FolderStatus::Present);
    }
    EXPECT_LT(Steady::now() - started, 5s);
}

TEST_F(FolderWatcherTest, WatchThreadDestructorDoesNotWaitForThePollTimeout) {
    const auto t0 = Steady::now();
    { FolderWatchThread thread(slides, [](FolderStatus) {}); }
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - t0);
    EXPECT_LT(took, 500ms) << "stopping must wake the thread, not wait out its 1 s poll";
}

}  // namespace
}  // namespace kiosk
