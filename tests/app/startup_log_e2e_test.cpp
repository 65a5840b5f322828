// What the running kiosk says in its log at start about a setup that would fail later: a staff
// PIN hash that can never match (named file:line, with how to make one) and a CUPS server that
// keeps printed slips on disk. The real `kiosk run` under Xvfb; the slide must still show.
#include "app/x_session.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

TEST(StartupLogE2E, NamesABadPinHashByLineAndWarnsThatCupsKeepsJobFiles) {
    TempDir dir("kiosk-startlog");
    fs::create_directories(dir.path() / "slides");
    dir.write("slides/010-welcome.md", "# Welcome\n\nOur team is here to help.\n");
    const fs::path config =
        dir.write("kiosk.toml", "[kiosk]\nstate_dir = \"" + (dir.path() / "state").string() +
                                    "\"\n"
                                    "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n"
                                    "[printer]\nuri = \"cups://NoSuchQueue\"\n"
                                    "[staff]\nstats_file = \"" +
                                    (dir.path() / "usage.log").string() +
                                    "\"\n"
                                    "pin_hash = \"$y$j9T$Qutubhk19EZmjXafWHedd0$aMd8NiUMi4Cd3t5A\"\n");
    // A local cupsd.conf with no PreserveJobFiles line: CUPS's default keeps job files.
    const fs::path cupsd_conf = dir.write("cupsd.conf", "Listen 127.0.0.1:1\nBrowsing No\n");
    XSession x;
    ASSERT_TRUE(x.ok()) << x.error();
    ::setenv("KIOSK_CUPSD_CONF", cupsd_conf.c_str(), 1);
    ::setenv("CUPS_SERVER", "127.0.0.1:1", 1);  // local, and nothing listens: no real CUPS is touched
    KioskRun kiosk(x, {"--config", config.string(), "--slides", (dir.path() / "slides").string()},
                   dir.path() / "kiosk.log");
    ::unsetenv("KIOSK_CUPSD_CONF");
    ::unsetenv("CUPS_SERVER");
    ASSERT_TRUE(wait_for_kiosk_on_screen(x, dir.path() / "shot.png", 20s)) << kiosk.log();
    const std::string log = kiosk.log();
    EXPECT_NE(log.find(config.string() + ":10: warning: pin_hash is incomplete or damaged"), std::string::npos)
        << "the bad hash is named by file and line:\n"
        << log;
    EXPECT_NE(log.find("kiosk hash-pin"), std::string::npos) << log;
    EXPECT_NE(log.find("warning: CUPS keeps every printed slip"), std::string::npos) << log;
    EXPECT_NE(log.find(cupsd_conf.string()), std::string::npos) << "names the cupsd.conf it read:\n" << log;
}
