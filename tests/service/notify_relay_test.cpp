// `kiosk notify-relay`, kiosk.service's main process, with systemd's side played by a real
// NOTIFY_SOCKET: what its child sends arrives as the relay's own (MAINPID= dropped), the child gets
// a socket of the relay's and no WATCHDOG_PID, a stop is handed on, and the exit code comes back.
// (The boot under real systemd is tests/deploy/boot_test.sh.)
#include "app/x_session.h"
#include "service/notify_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

TEST(NotifyRelay, PassesTheChildsMessagesOnAsItsOwnWithoutMainpidAndHandsOnAStop) {
    ASSERT_TRUE(have_program("systemd-notify")) << "systemd-notify (package systemd) is required";
    TempDir dir{"kiosk-relay"};
    NotifyListener notify{dir.path() / "notify.sock"};
    ASSERT_TRUE(notify.ok()) << notify.error();
    const fs::path env_file = dir.path() / "child-env";
    const fs::path term_file = dir.path() / "child-got-term";
    // The child plays the kiosk: says READY=1, then tries to hand the unit to PID 1 with a ping, then
    // waits to be stopped.
    const std::string script = "trap \"echo term > '" + term_file.string() +
                               "'; exit 7\" TERM; "
                               "env > '" +
                               env_file.string() +
                               "'; systemd-notify --ready --status=hello; "
                               "systemd-notify MAINPID=1 WATCHDOG=1; "
                               "while :; do sleep 0.05; done";
    ChildProcess relay({kiosk_binary().string(), "notify-relay", "--", "sh", "-c", script},
                       {{"NOTIFY_SOCKET", notify.path().string()},
                        {"WATCHDOG_USEC", "20000000"},
                        {"WATCHDOG_PID", std::to_string(getpid())}},
                       (dir.path() / "relay.log").string());
    ASSERT_TRUE(notify.wait_for("READY=1", 20s)) << read_file(dir.path() / "relay.log");
    ASSERT_TRUE(notify.wait_for("WATCHDOG=1", 10s));
    for (const auto& m : notify.received()) {
        EXPECT_EQ(m.text.find("MAINPID="), std::string::npos) << "the unit must stay the relay's: " << m.text;
    }
    EXPECT_NE(notify.received().front().text.find("STATUS=hello"), std::string::npos);

    const std::string env = read_file(env_file);
    EXPECT_NE(env.find("NOTIFY_SOCKET=@"), std::string::npos) << "the child gets the relay's own socket:\n" << env;
    EXPECT_EQ(env.find("NOTIFY_SOCKET=" + notify.path().string()), std::string::npos);
    EXPECT_EQ(env.find("WATCHDOG_PID="), std::string::npos)
        << "the kiosk, the relay's grandchild, must keep the watchdog";
    EXPECT_NE(env.find("WATCHDOG_USEC=20000000"), std::string::npos);

    // systemd stops the unit (or aborts it on a watchdog timeout) by signalling the main PID only.
    ASSERT_EQ(::kill(relay.pid(), SIGTERM), 0);
    EXPECT_EQ(relay.wait(10s), 7) << "the child's exit code comes back\n" << read_file(dir.path() / "relay.log");
    EXPECT_TRUE(fs::exists(term_file)) << "the stop was handed on to the child";
}

TEST(NotifyRelay, WithoutSystemdItJustRunsTheProgram) {
    const CommandResult r = run_command({"env", "-u", "NOTIFY_SOCKET", kiosk_binary().string(), "notify-relay", "--",
                                         "sh", "-c", "echo \"pid $$\"; exit 4"});
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("pid "), std::string::npos) << r.output;
}

}  // namespace
