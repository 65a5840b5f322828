// `kiosk check --config` on what makes the kiosk itself misbehave rather than a slide: a staff
// PIN hash that can never match, no usable font, a CUPS server that keeps slips on disk. The real
// binary, real files, and for CUPS a real private cupsd on loopback reading the conf that is checked.
#include "app/e2e_support.h"
#include "app/x_session.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace kiosk::test;

namespace {

struct CheckStage {
    TempDir dir{"kiosk-check"};
    fs::path slides = dir.path() / "slides";
    CheckStage() {
        fs::create_directories(slides);
        dir.write("slides/010-welcome.md", "# Welcome\n\nOur team is here to help you move again.\n");
    }
    fs::path config(const std::string& extra) const {
        return dir.write("kiosk.toml", "[clinic]\nname = \"Test Clinic\"\nphone = \"+1 555 010 0142\"\n" + extra);
    }
    CommandResult check(const fs::path& config_file, std::map<std::string, std::string> env = {}) const {
        env.emplace("SDL_VIDEODRIVER", "dummy");
        return run_command({kiosk_binary().string(), "check", slides.string(), "--config", config_file.string()}, env,
                           90s);
    }
    // A fontconfig configuration whose only font folder is empty: fontconfig finds no font at all.
    std::map<std::string, std::string> no_fontconfig_fonts() const {
        fs::create_directories(dir.path() / "no-fonts");
        fs::create_directories(dir.path() / "fc-cache");
        const fs::path conf = dir.write("fonts.conf",
                                        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                        "<fontconfig><dir>" +
                                            (dir.path() / "no-fonts").string() + "</dir><cachedir>" +
                                            (dir.path() / "fc-cache").string() + "</cachedir></fontconfig>\n");
        return {{"FONTCONFIG_FILE", conf.string()}};
    }
};

}  // namespace

TEST(CheckSetup, AGoodSetupPasses) {
    CheckStage s;
    const CommandResult r = s.check(s.config(""));
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(CheckSetup, AMalformedPinHashFailsWithItsLineAndHowToMakeOne) {
    CheckStage s;
    const fs::path cfg = s.config("[staff]\npin_hash = \"$y$j9T$Qutubhk19EZmjXafWHedd0$aMd8NiUMi4Cd3t5A\"\n");
    const CommandResult r = s.check(cfg);
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, cfg.string() + ":5:")) << "names the file and the line of pin_hash:\n" << r.output;
    EXPECT_TRUE(contains(r.output, "kiosk hash-pin")) << r.output;
    EXPECT_TRUE(contains(r.output, "staff panel is off")) << r.output;
}

TEST(CheckSetup, AMistypedSettingFailsTheCheckWithItsLine) {
    CheckStage s;
    const fs::path cfg = s.config("[theme]\nbackgrund = \"#FFFFFF\"\n");
    const CommandResult r = s.check(cfg);
    EXPECT_EQ(r.exit_code, 1) << "a typo in kiosk.toml is a mistake to fix, even though the kiosk runs on:\n" << r.output;
    EXPECT_TRUE(contains(r.output, cfg.string() + ":5: error: unknown key 'backgrund'")) << r.output;
    EXPECT_TRUE(contains(r.output, "Did you mean 'background'?")) << r.output;
}

TEST(CheckSetup, AnUnknownFontFamilyFallsBackAndSaysSo) {
    CheckStage s;
    const CommandResult r = s.check(s.config("[theme]\nfont_family = \"Frobnitz Grotesk\"\n"));
    EXPECT_EQ(r.exit_code, 0) << "a fallback font is fine for the check:\n" << r.output;
    EXPECT_TRUE(contains(r.output, "\"Frobnitz Grotesk\" is not installed; using \"")) << r.output;
}

TEST(CheckSetup, WithFontconfigFindingNothingThePackagedDejaVuIsUsed) {
    CheckStage s;
    const CommandResult r = s.check(s.config(""), s.no_fontconfig_fonts());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "using \"DejaVu Sans\" instead")) << r.output;
}

TEST(CheckSetup, NoUsableFontFailsWithTheReason) {
    CheckStage s;
    auto env = s.no_fontconfig_fonts();
    env["KIOSK_FALLBACK_FONT_DIR"] = (s.dir.path() / "no-fonts").string();
    const CommandResult r = s.check(s.config(""), env);
    EXPECT_NE(r.exit_code, 0) << "no font means a dark kiosk screen: the check must fail\n" << r.output;
    EXPECT_TRUE(contains(r.output, "no usable font")) << r.output;
    EXPECT_TRUE(contains(r.output, "fonts-dejavu-core")) << "says what to install:\n" << r.output;
}

// A private cupsd on loopback whose cupsd.conf is the one `kiosk check` reads (KIOSK_CUPSD_CONF).
class CupsdWithConf {
public:
    explicit CupsdWithConf(const std::string& preserve_line) {
        for (const char* sub : {"root", "spool", "cache", "state", "tmp", "log"})
            fs::create_directories(dir_.path() / sub);
        port_ = free_loopback_port();
        const std::string d = dir_.path().string();
        conf_ = dir_.write("cupsd.conf", "Listen 127.0.0.1:" + std::to_string(port_) +
                                             "\nBrowsing No\nWebInterface No\nDefaultAuthType None\n" + preserve_line +
                                             "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n");
        dir_.write("cups-files.conf", "ServerRoot " + d + "/root\nRequestRoot " + d + "/spool\nCacheDir " + d +
                                          "/cache\nStateDir " + d + "/state\nTempDir " + d + "/tmp\nAccessLog " + d +
                                          "/log/access_log\nErrorLog " + d + "/log/error_log\nPageLog " + d +
                                          "/log/page_log\nPrintcap " + d + "/state/printcap\n");
        cupsd_ =
            ChildProcess({"cupsd", "-f", "-c", conf_.string(), "-s", d + "/cups-files.conf"}, {}, d + "/log/out.log");
        ready_ = wait_for_port(port_, 10s);
    }
    [[nodiscard]] bool ready() const { return ready_; }
    [[nodiscard]] std::map<std::string, std::string> env() const {
        return {{"CUPS_SERVER", "127.0.0.1:" + std::to_string(port_)}, {"KIOSK_CUPSD_CONF", conf_.string()}};
    }
    [[nodiscard]] std::string error_log() const { return read_file(dir_.path() / "log/error_log"); }

private:
    TempDir dir_{"kiosk-cupsconf"};
    fs::path conf_;
    int port_ = 0;
    ChildProcess cupsd_;
    bool ready_ = false;
};

TEST(CheckSetup, WarnsWhenTheLocalCupsServerKeepsJobFiles) {
    ASSERT_TRUE(have_program("cupsd")) << "apt-get install cups-daemon";
    CheckStage s;
    const fs::path cfg = s.config("[printer]\nuri = \"cups://KioskSlip\"\n");
    {
        CupsdWithConf cups("");  // CUPS's default: keep job files
        ASSERT_TRUE(cups.ready()) << cups.error_log();
        const CommandResult r = s.check(cfg, cups.env());
        EXPECT_TRUE(contains(r.output, "warning: CUPS keeps every printed slip")) << r.output;
        EXPECT_TRUE(contains(r.output, "PreserveJobFiles No")) << r.output;
    }
    {
        CupsdWithConf cups("PreserveJobFiles No\n");
        ASSERT_TRUE(cups.ready()) << "cupsd refused the conf with PreserveJobFiles No\n" << cups.error_log();
        const CommandResult r = s.check(cfg, cups.env());
        EXPECT_FALSE(contains(r.output, "PreserveJobFiles")) << r.output;
    }
}
