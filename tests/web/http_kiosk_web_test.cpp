// The real `kiosk web` process, as kiosk-web.service runs it: it tells systemd READY=1 once it
// listens, serves the login and the staff pages, stops cleanly on SIGTERM, keeps the password out
// of its log and deletes the temp files of interrupted saves at start; with [web] enabled = false
// it says so and exits.
#include "http_client.h"
#include "service/notify_listener.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include "core/config.h"
#include "core/pin_lock.h"
#include "core/web_password.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

namespace kiosk::test {
namespace {

const std::string kKiosk = std::string(KIOSK_BINARY_DIR) + "/kiosk/kiosk";

TEST(KioskWeb, ServesUntilSigtermAndSaysReadyToSystemd) {
    TempDir dir("kiosk-web-e2e");
    const int port = free_loopback_port();
    const std::string password = "Reception-Desk-42";
    const auto config = dir.write("kiosk.toml", "[kiosk]\nstate_dir = \"" + dir.path().string() +
                                                    "\"\n[web]\nlisten = \"127.0.0.1:" + std::to_string(port) +
                                                    "\"\npassword_hash = \"" + hash_web_password(password) + "\"\n");
    std::filesystem::create_directories(dir.path() / "slides");
    std::filesystem::copy(std::string(KIOSK_SOURCE_DIR) + "/slides", dir.path() / "slides",
                          std::filesystem::copy_options::recursive);
    NotifyListener notify(dir.path() / "notify.sock");
    ASSERT_TRUE(notify.ok()) << notify.error();
    const auto log = dir.path() / "web.log";
    ChildProcess web({kKiosk, "web", "--config", config.string(), "--slides", (dir.path() / "slides").string()},
                     {{"NOTIFY_SOCKET", notify.path().string()}}, log.string());
    ASSERT_TRUE(notify.wait_for("READY=1", std::chrono::seconds(20))) << read_file(log);

    HttpCall get;
    get.path = "/login";
    EXPECT_EQ(http(port, get).status, 200);
    HttpCall login;
    login.method = "POST";
    login.path = "/login";
    login.origin = "same";
    login.body = form_encode({{"password", password}});
    const std::string id = session_id_of(http(port, login));
    ASSERT_FALSE(id.empty()) << read_file(log);
    get.path = "/";
    get.cookie = id;
    const HttpReply slides = http(port, get);
    EXPECT_EQ(slides.status, 200) << "the staff pages are registered";
    EXPECT_NE(slides.body.find("name=\"csrf\""), std::string::npos) << "with the session's token in their forms";

    const int status = web.stop();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "SIGTERM ends it cleanly, status " << status;
    EXPECT_TRUE(notify.wait_for("STOPPING=1", std::chrono::seconds(2)));
    const std::string text = read_file(log);
    EXPECT_NE(text.find("staff logged in from 127.0.0.1"), std::string::npos) << text;
    EXPECT_EQ(text.find(password), std::string::npos) << text;
}

// A save cut short (the process killed between writing its temp file and renaming it) leaves a
// hidden ".web-<digits>.tmp"; `kiosk web` deletes those when it starts, and only those.
TEST(KioskWeb, RemovesTheTempFilesOfInterruptedSavesAtStartAndNothingElse) {
    TempDir dir("kiosk-web-tmp");
    const int port = free_loopback_port();
    const auto config = dir.write("kiosk.toml", "[kiosk]\nstate_dir = \"" + dir.path().string() +
                                                    "\"\n[web]\nlisten = \"127.0.0.1:" + std::to_string(port) +
                                                    "\"\npassword_hash = \"" + hash_web_password("x") + "\"\n");
    const auto slides = dir.path() / "slides";
    const std::vector<std::string> leftovers = {"slides/.web-1234567890.tmp", "slides/.web-7.tmp",
                                                "slides/removed/.web-42.tmp", "slides/art/.web-3141592653.tmp"};
    for (const auto& name : leftovers) dir.write(name, "half a slide");
    const std::vector<std::string> keep = {
        "slides/010-first.md",  "slides/.web-.tmp",      "slides/.web-12a.tmp",    "slides/.web-12.tmp.bak",
        "slides/web-12.tmp",    "slides/.web-12.TMP",    "slides/x.web-12.tmp",    "slides/.web--12.tmp",
        "slides/.web-12.tmpx",  "slides/.Web-12.tmp",    "slides/.web-1 2.tmp",    "slides/removed/020-old.md",
        "slides/art/.web-.tmp", "slides/art/poster.png", "slides/other/.web-5.tmp"};
    for (const auto& name : keep) dir.write(name, "# Keep\n\nme.\n");
    std::filesystem::create_directories(slides / ".web-99.tmp");  // a folder of that name is not ours
    std::filesystem::create_symlink(dir.path() / "kiosk.toml", slides / ".web-98.tmp");  // nor a link

    NotifyListener notify(dir.path() / "notify.sock");
    ASSERT_TRUE(notify.ok()) << notify.error();
    const auto log = dir.path() / "web.log";
    ChildProcess web({kKiosk, "web", "--config", config.string(), "--slides", slides.string()},
                     {{"NOTIFY_SOCKET", notify.path().string()}}, log.string());
    ASSERT_TRUE(notify.wait_for("READY=1", std::chrono::seconds(20))) << read_file(log);
    for (const auto& name : leftovers) EXPECT_FALSE(std::filesystem::exists(dir.path() / name)) << name;
    for (const auto& name : keep) EXPECT_TRUE(std::filesystem::exists(dir.path() / name)) << name << " must stay";
    EXPECT_TRUE(std::filesystem::is_directory(slides / ".web-99.tmp"));
    EXPECT_TRUE(std::filesystem::is_symlink(slides / ".web-98.tmp"));
    EXPECT_EQ(web.stop(), 0);
    const std::string text = read_file(log);
    EXPECT_NE(text.find("kiosk web: removed 4 leftover temp files (.web-*.tmp) of interrupted saves"),
              std::string::npos)
        << text;
}

TEST(KioskWeb, SwitchedOffInTheSettingsExitsWithAMessage) {
    TempDir dir("kiosk-web-off");
    const auto config = dir.write("kiosk.toml", "[web]\nenabled = false\n");
    const CommandResult r = run_command({kKiosk, "web", "--config", config.string()}, {}, std::chrono::seconds(20));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.output.find("enabled = false"), std::string::npos) << r.output;
}

TEST(KioskWeb, CheckReportsWebSettingErrors) {
    TempDir dir("kiosk-web-check");
    const auto config = dir.write("kiosk.toml", "[web]\nlisten = \"everywhere\"\n");
    const CommandResult r =
        run_command({kKiosk, "check", std::string(KIOSK_SOURCE_DIR) + "/slides", "--config", config.string()},
                    {{"SDL_VIDEODRIVER", "offscreen"}}, std::chrono::seconds(60));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.output.find("kiosk.toml:2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("listen"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace kiosk::test

namespace kiosk::test {
namespace {

TEST(KioskWeb, HashPinWebMakesAPasswordHashForTheWebSection) {
    const CommandResult short_one = run_command({kKiosk, "hash-pin", "--web", "--pin", "1234"});
    EXPECT_EQ(short_one.exit_code, 1);
    EXPECT_NE(short_one.output.find("at least 8 characters"), std::string::npos) << short_one.output;
    const CommandResult r = run_command({kKiosk, "hash-pin", "--web", "--pin", "Reception-Desk-42"});
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("[web]\npassword_hash = \"$y$"), std::string::npos) << r.output;
    const auto start = r.output.find("$y$");
    const std::string hash = r.output.substr(start, r.output.find('\n', start) - start);
    const ConfigResult config = parse_config("[web]\npassword_hash = \"" + hash + "\"\n", "kiosk.toml");
    EXPECT_TRUE(config.diagnostics.empty());
    EXPECT_TRUE(verify_pin("Reception-Desk-42", config.config.web.password_hash));
    EXPECT_FALSE(verify_pin("Reception-Desk-43", config.config.web.password_hash));
}

}  // namespace
}  // namespace kiosk::test
