// The shared "is this a scratch file" rule and the debounce behind the watcher, with no files.
#include "core/debounce.h"
#include "core/temp_files.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

TEST(TempFiles, EditorAndSyncScratchFilesAreRecognised) {
    for (const char* name : {".010-welcome.md.swp", ".x.swx", "010-welcome.md.swp", "notes.SWP", "010.md~", "#010.md#",
                             "upload.part", "photo.jpg.partial", "photo.jpg.crdownload", "a.md.filepart",
                             "scratch.tmp", "SCRATCH.TMP", ".hidden", ".~lock.010.md#", "._010.md", ".DS_Store",
                             ".syncthing.010.md.tmp", "~syncthing~010.md.tmp", "4913", "", ".", ".."}) {
        EXPECT_TRUE(is_editor_temp_file(name)) << "'" << name << "' is a scratch file and must be ignored";
    }
}

TEST(TempFiles, RealSlidesAndImagesAreNotScratch) {
    for (const char* name : {"010-welcome.md", "020-massage.md", "art", "spine.svg", "knee.PNG", "4913.md",
                             "49130", "temp.md", "partners.md", "#hashtag.md", "a~b.md"}) {
        EXPECT_FALSE(is_editor_temp_file(name)) << "'" << name << "' is content and must not be ignored";
    }
}

TEST(Debouncer, SettlesAfterTheQuietPeriodFollowingTheLastEvent) {
    Debouncer d(300ms, 5000ms);
    const SteadyTime t0{std::chrono::hours(1)};
    EXPECT_FALSE(d.deadline());
    d.note_event(t0);
    d.note_event(t0 + 200ms);
    d.note_event(t0 + 400ms);
    EXPECT_FALSE(d.take_settled(t0 + 699ms)) << "not settled before 300 ms of quiet";
    EXPECT_TRUE(d.take_settled(t0 + 700ms));
    EXPECT_FALSE(d.take_settled(t0 + 800ms)) << "one burst, one report";
}

TEST(Debouncer, ANeverEndingBurstIsStillReportedAtMaxBurst) {
    Debouncer d(300ms, 1000ms);
    const SteadyTime t0{std::chrono::hours(1)};
    int reports = 0;
    for (auto t = t0; t < t0 + 3000ms; t += 100ms) {
        d.note_event(t);
        if (d.take_settled(t)) ++reports;
    }
    EXPECT_EQ(reports, 2) << "a slow sync is reported once a second, not only when it ends";
}

}  // namespace
}  // namespace kiosk
