// Reading cupsd.conf's PreserveJobFiles the way cupsd does: the default keeps job files.
#include "print/cups_job_files.h"

#include <gtest/gtest.h>

using namespace kiosk;

TEST(CupsJobFiles, AbsentMeansCupsKeepsThem) {
    EXPECT_TRUE(cupsd_keeps_job_files(""));
    EXPECT_TRUE(cupsd_keeps_job_files("Listen localhost:631\nBrowsing Off\n"));
}

TEST(CupsJobFiles, NoOffFalseTurnItOff) {
    for (const char* v : {"No", "no", "Off", "false", "0"}) {
        EXPECT_FALSE(cupsd_keeps_job_files(std::string("PreserveJobFiles ") + v + "\n")) << v;
    }
    EXPECT_FALSE(cupsd_keeps_job_files("  preservejobfiles   No  \n")) << "directives are case-insensitive";
}

TEST(CupsJobFiles, YesOrSecondsKeepThemAndTheLastLineWins) {
    EXPECT_TRUE(cupsd_keeps_job_files("PreserveJobFiles Yes\n"));
    EXPECT_TRUE(cupsd_keeps_job_files("PreserveJobFiles 86400\n"));
    EXPECT_TRUE(cupsd_keeps_job_files("PreserveJobFiles No\nPreserveJobFiles Yes\n"));
    EXPECT_FALSE(cupsd_keeps_job_files("PreserveJobFiles Yes\nPreserveJobFiles No\n"));
}

TEST(CupsJobFiles, CommentsAndSectionsDoNotCount) {
    EXPECT_TRUE(cupsd_keeps_job_files("#PreserveJobFiles No\n"));
    EXPECT_TRUE(cupsd_keeps_job_files("<Location />\n  PreserveJobFiles No\n</Location>\n"));
}

TEST(CupsJobFiles, OnlyCupsPrintersAreWarnedAbout) {
    EXPECT_EQ(cups_job_files_warning("tcp://127.0.0.1:9100"), std::nullopt);
    EXPECT_EQ(cups_job_files_warning("none"), std::nullopt);
    EXPECT_EQ(cups_job_files_warning("file:///dev/usb/lp0"), std::nullopt);
}
