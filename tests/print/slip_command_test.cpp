// The real `kiosk slip` binary: previews a scanner can read, and a test print to a fake ESC/POS
// printer on 127.0.0.1, with the exit codes staff scripts rely on (0 printed, 1 not, 2 usage).
#include "escpos_listener.h"
#include "escpos_parser.h"
#include "tools.h"

#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace kiosk {
namespace {

using test::EscposListener;
using test::ListenerMode;

const std::string kKiosk = KIOSK_BINARY_DIR "/kiosk/kiosk";

class SlipCommandIntegration : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists(kKiosk)) << "build the kiosk first: cmake --build BUILD --target kiosk";
        config_ = dir_.write("kiosk.toml",
                             "[clinic]\nname = \"Clínica Peña\"\nphone = \"+34 910 555 012\"\n\n"
                             "[printer]\nuri = \"none\"\npaper_width_mm = 58\n");
    }
    test::CommandResult kiosk(std::vector<std::string> args) {
        args.insert(args.begin(), {kKiosk, "slip", "--config", config_.string()});
        return test::run_command(args, {}, std::chrono::seconds(30));
    }
    test::TempDir dir_{"kiosk-slip-cmd"};
    std::filesystem::path config_;
};

TEST_F(SlipCommandIntegration, PngPreviewHasAScannableTelUri) {
    ASSERT_TRUE(test::have_tool("zbarimg", "zbar-tools"));
    const auto png = dir_.path() / "slip.png";
    const auto r = kiosk({"--topic", "Back pain", "--preview", png.string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto scan = test::run_command({"zbarimg", "--nodbus", "--raw", "-q", png.string()});
    EXPECT_EQ(scan.output, "tel:+34910555012\n") << "the clinic's number from --config";
}

// The preview of an ESC/POS slip shows what the printer prints in its code page, not the UTF-8.
TEST_F(SlipCommandIntegration, EscposPreviewShowsTheCodePagesCharacters) {
    ASSERT_TRUE(test::have_tool("pdftotext", "poppler-utils"));
    const auto cfg = dir_.write("cp437.toml",
                                "[clinic]\nname = \"Clínica “Peña”\"\nphone = \"+34 910 555 012\"\n"
                                "hours = \"Lun–Vie 8:00 · 5 € 😀\"\n"
                                "[printer]\nuri = \"tcp://127.0.0.1:9\"\ncodepage = \"cp437\"\n");
    const auto pdf = dir_.path() / "cp437.pdf";
    const auto r = test::run_command({kKiosk, "slip", "--config", cfg.string(), "--preview", pdf.string()}, {},
                                     std::chrono::seconds(30));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto text = test::run_command({"pdftotext", pdf.string(), "-"}).output;
    EXPECT_NE(text.find("Clínica \"Peña\""), std::string::npos) << "straight quotes, í and ñ are in CP437:\n" << text;
    EXPECT_NE(text.find("Lun-Vie 8:00 · 5 ? ?"), std::string::npos) << "no en dash, euro or emoji in CP437:\n" << text;
    EXPECT_EQ(text.find("€"), std::string::npos) << text;
}

TEST_F(SlipCommandIntegration, DeskSlipPdfPreviewHasTheCallbackDetails) {
    ASSERT_TRUE(test::have_tool("pdftotext", "poppler-utils"));
    const auto pdf = dir_.path() / "desk.pdf";
    const auto r = kiosk({"--desk", "--name", "Zoë", "--phone", "555-010-0123", "--topic", "Massage", "--preview", pdf.string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto text = test::run_command({"pdftotext", pdf.string(), "-"});
    for (const char* words : {"Please call back", "Zoë", "555 010 0123", "Massage"}) {
        EXPECT_NE(text.output.find(words), std::string::npos) << words << " in:\n" << text.output;
    }
}

TEST_F(SlipCommandIntegration, PrintsToAnEscposPrinterOverTcp) {
    EscposListener printer(ListenerMode::Ok);
    const auto r = kiosk({"--printer", "tcp://127.0.0.1:" + std::to_string(printer.port())});
    EXPECT_EQ(r.exit_code, 0) << r.output;
    const auto parsed = test::parse_escpos(printer.received());
    ASSERT_EQ(parsed.error, "");
    const std::string text = test::printed_text(parsed.commands);
    EXPECT_NE(text.find("+34 910 555 012"), std::string::npos) << text;
    EXPECT_NE(text.find("Cl\xA1nica Pe\xA4" "a"), std::string::npos) << "CP858 name from --config";
}

// Staff's test slip on the desk printer, as the panel's Test print makes it: the take-away slip
// with nothing of a patient's in it, laid out at the desk printer's own width (80 mm here, the
// waiting room's is 58 mm), and sent to the desk printer, not the waiting room's.
TEST_F(SlipCommandIntegration, TestSlipGoesToTheDeskPrinterAtItsWidth) {
    EscposListener room(ListenerMode::Ok);
    EscposListener desk(ListenerMode::Ok);
    const auto cfg = dir_.write("two.toml",
                                "[clinic]\nname = \"Clínica Peña\"\nphone = \"+34 910 555 012\"\n"
                                "[printer]\nuri = \"tcp://127.0.0.1:" + std::to_string(room.port()) +
                                    "\"\npaper_width_mm = 58\n"
                                "[desk_printer]\nuri = \"tcp://127.0.0.1:" + std::to_string(desk.port()) +
                                    "\"\npaper_width_mm = 80\n");
    const auto r = test::run_command({kKiosk, "slip", "--config", cfg.string(), "--test", "--desk"}, {},
                                     std::chrono::seconds(30));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(room.received().empty()) << "the waiting room's printer was not asked to print";
    const auto parsed = test::parse_escpos(desk.received());
    ASSERT_EQ(parsed.error, "");
    const std::string text = test::printed_text(parsed.commands);
    EXPECT_NE(text.find("Test print"), std::string::npos) << text;
    EXPECT_NE(text.find("+34 910 555 012"), std::string::npos) << text;
    EXPECT_EQ(text.find("Please call back"), std::string::npos) << "a take-away layout, no patient's details";
    int width = 0;
    for (const auto& c : parsed.commands)
        if (c.cmd == test::Cmd::PrintWidth) width = c.arg;
    EXPECT_EQ(width, 576) << "laid out for the desk's 80 mm paper, not the waiting room's 58 mm (384 dots)";

    EXPECT_EQ(test::run_command({kKiosk, "slip", "--config", config_.string(), "--test", "--desk"}).exit_code, 2)
        << "no [desk_printer] and no --printer: a usage error, not a slip on the wrong printer";
    EXPECT_EQ(kiosk({"--test", "--phone", "5550100123"}).exit_code, 2) << "a test slip takes no patient's number";
}

TEST_F(SlipCommandIntegration, PaperOutExitsOneWithReasonAndTheNumber) {
    EscposListener printer(ListenerMode::PaperOut);
    const auto r = kiosk({"--printer", "tcp://127.0.0.1:" + std::to_string(printer.port())});
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("not printed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("out of paper"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("+34 910 555 012"), std::string::npos) << "the number, so staff can still give it";
}

TEST_F(SlipCommandIntegration, NoPrinterConfiguredExitsOne) {
    const auto r = kiosk({});
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("no printer"), std::string::npos) << r.output;
}

TEST_F(SlipCommandIntegration, UsageErrorsExitTwo) {
    EXPECT_EQ(kiosk({"--desk"}).exit_code, 2) << "a desk slip needs a phone number";
    EXPECT_EQ(kiosk({"--desk", "--phone", "12"}).exit_code, 2) << "too short";
    EXPECT_EQ(kiosk({"--phone", "5550100123"}).exit_code, 2) << "--phone without --desk";
    EXPECT_EQ(kiosk({"--printer", "lpt1"}).exit_code, 2);
    EXPECT_EQ(kiosk({"--bogus"}).exit_code, 2);
}

}  // namespace
}  // namespace kiosk
