// CUPS for real: a private cupsd on a loopback port with a queue to an ippeveprinter (both under
// a temp dir, with a private D-Bus), read back with pdftotext and pdftoppm | zbarimg.
#include "tools.h"

#include "print/cups_printer.h"
#include "print/print_worker.h"
#include "print/slip_renderer_cairo.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <cups/cups.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <sstream>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// One cupsd + ippeveprinter for the whole suite: starting them per test would double its time.
class CupsServer {
public:
    CupsServer() : dir_("kiosk-cups") {
        for (const char* sub : {"root", "spool", "cache", "state", "tmp", "log", "ipp"}) fs::create_directories(dir_.path() / sub);
        // cupsd runs filters as user lp: they must reach the config and temp dirs (mkdtemp makes 0700).
        fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        fs::permissions(dir_.path() / "tmp", fs::perms::all | fs::perms::sticky_bit);
        cups_port_ = test::free_loopback_port();
        ipp_port_ = test::free_loopback_port();
        while (ipp_port_ == cups_port_) ipp_port_ = test::free_loopback_port();
        const std::string d = dir_.path().string();
        dir_.write("cupsd.conf", "Listen 127.0.0.1:" + std::to_string(cups_port_) +
                                     "\nBrowsing No\nWebInterface No\nDefaultAuthType None\nPreserveJobFiles Yes\n"
                                     "LogLevel info\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                     "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n"
                                     "  </Limit>\n</Policy>\n");
        // Every path under the temp dir, Printcap too (/run/cups/printcap is the machine's own CUPS).
        dir_.write("cups-files.conf", "ServerRoot " + d + "/root\nRequestRoot " + d + "/spool\nCacheDir " + d +
                                          "/cache\nStateDir " + d + "/state\nTempDir " + d + "/tmp\nAccessLog " + d +
                                          "/log/access_log\nErrorLog " + d + "/log/error_log\nPageLog " + d +
                                          "/log/page_log\nPrintcap " + d + "/state/printcap\n");
        // Debian has no /etc/cups/raw.*: a raw queue (the unreachable one below) needs these to take a PDF.
        dir_.write("root/raw.types", "application/octet-stream\n");
        dir_.write("root/raw.convs", "application/octet-stream application/vnd.cups-raw 0 -\n");

        const std::string bus = "unix:path=" + d + "/bus";
        env_ = {{"DBUS_SYSTEM_BUS_ADDRESS", bus}, {"DBUS_SESSION_BUS_ADDRESS", bus},
                {"CUPS_SERVER", "127.0.0.1:" + std::to_string(cups_port_)}};
        dbus_ = test::ChildProcess({"dbus-daemon", "--session", "--nofork", "--nopidfile", "--address=" + bus}, {},
                                   d + "/log/dbus.log");
        ready_ = test::wait_until([&] { return fs::exists(dir_.path() / "bus"); }, 5s);
        // ippeveprinter needs the bus even with -r off; -f application/pdf so the queue takes PDF as it is,
        // -c /bin/true so jobs finish at once, -k to keep the job files we read back.
        ipp_ = test::ChildProcess({"ippeveprinter", "-n", "localhost", "-p", std::to_string(ipp_port_), "-d", d + "/ipp",
                                   "-k", "-r", "off", "-f", "application/pdf", "-c", "/bin/true", "KioskSlip"},
                                  env_, d + "/log/ippeveprinter.log");
        // A second printer that describes itself as an 80 mm receipt roll (any length from 25 mm to
        // 3 m, no margins) with a paper level the test can set through its /media page. ippeveprinter
        // takes no -f with -a, so the formats are listed here (it appends its own list after ours).
        receipt_port_ = test::free_loopback_port();
        while (receipt_port_ == cups_port_ || receipt_port_ == ipp_port_) receipt_port_ = test::free_loopback_port();
        fs::create_directories(dir_.path() / "receipt");
        dir_.write("receipt.conf",
                   "ATTR mimeMediaType document-format-supported application/pdf,application/octet-stream\n"
                   "ATTR mimeMediaType document-format-default application/pdf\n"
                   "ATTR keyword media-supported roll_max_80x3000mm,roll_min_80x25mm,oe_80mm-receipt_80x200mm\n"
                   "ATTR collection media-size-supported {MEMBER integer x-dimension 8000 MEMBER rangeOfInteger "
                   "y-dimension 2500-300000},{MEMBER integer x-dimension 8000 MEMBER integer y-dimension 20000}\n"
                   "ATTR keyword media-default oe_80mm-receipt_80x200mm\n"
                   "ATTR keyword media-source-supported main\n"
                   "ATTR keyword media-type-supported stationery\n"
                   "ATTR integer media-bottom-margin-supported 0\nATTR integer media-left-margin-supported 0\n"
                   "ATTR integer media-right-margin-supported 0\nATTR integer media-top-margin-supported 0\n"
                   "ATTR keyword media-ready oe_80mm-receipt_80x200mm\n"
                   "ATTR collection media-col-ready {MEMBER keyword media-size-name oe_80mm-receipt_80x200mm "
                   "MEMBER collection media-size {MEMBER integer x-dimension 8000 MEMBER integer y-dimension 20000} "
                   "MEMBER keyword media-source main MEMBER keyword media-type stationery}\n"
                   "ATTR octetString printer-input-tray \"type=continuousRoll;mediafeed=0;mediaxfeed=8000;"
                   "maxcapacity=250;level=250;status=0;name=main;\"\n");
        receipt_ = test::ChildProcess({"ippeveprinter", "-n", "localhost", "-p", std::to_string(receipt_port_), "-d",
                                       d + "/receipt", "-k", "-r", "off", "-c", "/bin/true", "-a", d + "/receipt.conf",
                                       "KioskReceipt"},
                                      env_, d + "/log/receipt.log");
        cupsd_ = test::ChildProcess({"cupsd", "-f", "-c", d + "/cupsd.conf", "-s", d + "/cups-files.conf"}, env_,
                                    d + "/log/cupsd.log");
        ready_ = ready_ && test::wait_for_port(ipp_port_, 10s) && test::wait_for_port(receipt_port_, 10s) &&
                 test::wait_for_port(cups_port_, 10s);
    }

    [[nodiscard]] bool ready() const { return ready_; }
    [[nodiscard]] const std::map<std::string, std::string>& env() const { return env_; }
    [[nodiscard]] int ipp_port() const { return ipp_port_; }
    [[nodiscard]] fs::path ipp_spool() const { return dir_.path() / "ipp"; }
    [[nodiscard]] int receipt_port() const { return receipt_port_; }
    [[nodiscard]] fs::path receipt_spool() const { return dir_.path() / "receipt"; }
    [[nodiscard]] std::string error_log() const { return test::read_file(dir_.path() / "log/error_log"); }

    test::CommandResult run(const std::vector<std::string>& argv) const { return test::run_command(argv, env_, 30s); }

private:
    test::TempDir dir_;
    int cups_port_ = 0, ipp_port_ = 0, receipt_port_ = 0;
    std::map<std::string, std::string> env_;
    test::ChildProcess dbus_, ipp_, receipt_, cupsd_;
    bool ready_ = false;
};

class CupsIntegration : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        for (const auto& [tool, package] : {std::pair{"cupsd", "cups-daemon"}, {"ippeveprinter", "cups-ipp-utils"},
                                           {"dbus-daemon", "dbus"}, {"lpadmin", "cups-client"},
                                           {"pdftotext", "poppler-utils"}, {"zbarimg", "zbar-tools"}}) {
            if (!test::have_program(tool)) missing_ += std::string(tool) + " (apt-get install " + package + ") ";
        }
        if (!missing_.empty()) return;
        server_ = std::make_unique<CupsServer>();
        // The worker threads and this thread's libcups read the server from the environment.
        setenv("CUPS_SERVER", server_->env().at("CUPS_SERVER").c_str(), 1);
    }
    static void TearDownTestSuite() {
        server_.reset();
        unsetenv("CUPS_SERVER");
    }
    void SetUp() override {
        ASSERT_TRUE(missing_.empty()) << "missing tools: " << missing_;
        ASSERT_TRUE(server_ && server_->ready()) << "cupsd/ippeveprinter did not start";
    }

    // A fresh queue per test, so one test's cupsdisable cannot leak into another.
    static std::string add_queue(const std::string& name, const std::string& device, bool everywhere) {
        std::vector<std::string> argv{"lpadmin", "-p", name, "-E", "-v", device};
        if (everywhere) argv.insert(argv.end(), {"-m", "everywhere"});
        const auto r = server_->run(argv);
        EXPECT_EQ(r.exit_code, 0) << "lpadmin: " << r.output;
        // cupsd 2.4 finishes an "everywhere" queue in the background and then marks it accepting
        // again, which would undo a cupsreject sent before that.
        if (everywhere) {
            EXPECT_TRUE(test::wait_until([&] {
                return server_->error_log().find("Printer \"" + name + "\" is now available.") != std::string::npos;
            }, 10s)) << "queue " << name << " never became available";
        }
        return name;
    }
    static std::string ipp_device() { return "ipp://localhost:" + std::to_string(server_->ipp_port()) + "/ipp/print"; }
    static std::string receipt_device() {
        return "ipp://localhost:" + std::to_string(server_->receipt_port()) + "/ipp/print";
    }

    // What staff would do on the receipt printer's web page (/media, a GET form): set the roll's
    // level. Returns the page's answer, so a form that changed shape fails the test.
    static ::testing::AssertionResult set_receipt_paper(int level) {
        const int port = server_->receipt_port();
        std::unique_ptr<http_t, decltype(&httpClose)> http(
            httpConnect2("localhost", port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_NEVER, 1, 5000, nullptr), &httpClose);
        if (!http) return ::testing::AssertionFailure() << "cannot connect to ippeveprinter on port " << port;
        const std::string path = "/media?size0=oe_80mm-receipt_80x200mm&type0=stationery&level0=" + std::to_string(level);
        httpClearFields(http.get());
        if (httpGet(http.get(), path.c_str()) != 0) return ::testing::AssertionFailure() << "GET " << path << " failed";
        http_status_t status = HTTP_STATUS_CONTINUE;
        while ((status = httpUpdate(http.get())) == HTTP_STATUS_CONTINUE) {
        }
        std::string body;
        char buffer[4096];
        ssize_t n = 0;
        while ((n = httpRead2(http.get(), buffer, sizeof buffer)) > 0) body.append(buffer, static_cast<size_t>(n));
        if (status != HTTP_STATUS_OK || body.find("Media updated.") == std::string::npos) {
            return ::testing::AssertionFailure() << "GET " << path << ": HTTP " << status << "\n" << body;
        }
        return ::testing::AssertionSuccess();
    }

    static std::vector<std::pair<int, ipp_jstate_t>> jobs(const std::string& queue) {
        cups_job_t* list = nullptr;
        const int n = cupsGetJobs2(CUPS_HTTP_DEFAULT, &list, queue.c_str(), 0, CUPS_WHICHJOBS_ALL);
        std::vector<std::pair<int, ipp_jstate_t>> out;
        for (int i = 0; i < n; ++i) out.emplace_back(list[i].id, list[i].state);
        cupsFreeJobs(n, list);
        return out;
    }

    static PrinterConfig config(const std::string& queue, double deadline = 30) {
        PrinterConfig p;
        p.uri = "cups://" + queue;
        p.paper_width_mm = 80;
        p.job_deadline_seconds = deadline;
        return p;
    }

    static SlipLayout slip() {
        KioskConfig c;
        SlipRequest r;
        r.topic = "Back pain";
        r.when = std::chrono::system_clock::now();
        r.slip_number = 5;
        return compose_slip(c, r);
    }

    // Waits longer than the job's own deadline, so a missing result is a real failure.
    static JobResult print_one(const PrinterConfig& p, std::chrono::milliseconds timeout = 45s) {
        PrintWorker worker(p);
        worker.submit(slip());
        std::vector<JobResult> results;
        test::wait_until([&] {
            for (auto& r : worker.take_results()) results.push_back(r);
            return !results.empty();
        }, timeout);
        EXPECT_FALSE(results.empty()) << "no result within " << timeout.count() << " ms";
        return results.empty() ? JobResult{} : results.front();
    }

    static inline std::unique_ptr<CupsServer> server_;
    static inline std::string missing_;
};

TEST_F(CupsIntegration, PrintsAPdfWhoseWordsAndQrCodeReadBack) {
    const std::string q = add_queue("slips", ipp_device(), true);
    const JobResult r = print_one(config(q));
    ASSERT_EQ(r.outcome, JobOutcome::Printed) << r.detail << "\n" << server_->error_log();

    // The document as ippeveprinter (the "printer") received it.
    fs::path received;
    for (const auto& e : fs::directory_iterator(server_->ipp_spool())) {
        if (e.path().extension() == ".pdf") received = e.path();
    }
    ASSERT_FALSE(received.empty()) << "ippeveprinter kept no PDF";
    const auto text = test::run_command({"pdftotext", received.string(), "-"});
    EXPECT_NE(text.output.find("+1 555 010 0199"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("Call us"), std::string::npos) << text.output;
    test::TempDir out("kiosk-cups-png");
    const auto ppm = test::run_command({"pdftoppm", "-r", "300", "-png", received.string(), (out.path() / "page").string()});
    ASSERT_EQ(ppm.exit_code, 0) << ppm.output;
    const auto scan = test::run_command({"zbarimg", "--nodbus", "--raw", "-q", (out.path() / "page-1.png").string()});
    EXPECT_EQ(scan.exit_code, 0) << "zbarimg found no code: " << scan.output;
    EXPECT_EQ(scan.output, "tel:+15550100199\n");
}

// pdfinfo's "Page size: W x H pts" of a PDF file, or {0, 0}.
std::pair<double, double> pdf_page_points(const fs::path& pdf) {
    const auto info = test::run_command({"pdfinfo", pdf.string()});
    const auto at = info.output.find("Page size:");
    std::pair<double, double> size{0, 0};
    if (at == std::string::npos) return size;
    std::istringstream in(info.output.substr(at + 10));
    std::string x;
    in >> size.first >> x >> size.second;
    return size;
}

TEST_F(CupsIntegration, ReceiptPrinterGetsAPageOfTheSlipsOwnSize) {
    ASSERT_TRUE(test::have_tool("pdfinfo", "poppler-utils"));
    const std::string q = add_queue("receipt", receipt_device(), true);
    const JobResult r = print_one(config(q));
    ASSERT_EQ(r.outcome, JobOutcome::Printed) << r.detail << "\n" << server_->error_log();

    fs::path received;
    for (const auto& e : fs::directory_iterator(server_->receipt_spool())) {
        if (e.path().extension() == ".pdf") received = e.path();
    }
    ASSERT_FALSE(received.empty()) << "the receipt printer kept no PDF";
    // pdftopdf has run (the queue has a PPD): without a size it makes this a Letter page, 612 x 792.
    const auto [w, h] = pdf_page_points(received);
    constexpr double kPt = 72.0 / 25.4;
    EXPECT_NEAR(w, 80 * kPt, 1.0) << "the page is as wide as the 80 mm roll";
    EXPECT_NEAR(h, slip_length_mm(slip()) * kPt, 1.0) << "the page is as long as the slip, no more";
}

TEST_F(CupsIntegration, ReceiptPrinterOutOfPaperGetsNothingAndSaysSo) {
    const std::string q = add_queue("paperout", receipt_device(), true);
    ASSERT_TRUE(set_receipt_paper(0));
    struct Refill {
        ~Refill() { EXPECT_TRUE(set_receipt_paper(250)); }
    } refill;  // the printer is shared by the suite

    CupsPrinter printer(q);
    const PrinterStatus status = printer.query_status();
    EXPECT_EQ(status.state, PrinterState::PaperOut) << status.detail;
    const JobResult r = print_one(config(q));
    EXPECT_EQ(r.outcome, JobOutcome::PaperOut) << r.detail;
    EXPECT_NE(r.detail.find("out of paper"), std::string::npos) << r.detail;
    EXPECT_TRUE(jobs(q).empty()) << "nothing was queued";

    ASSERT_TRUE(set_receipt_paper(250));
    EXPECT_EQ(printer.query_status().state, PrinterState::Ready) << "paper is back";
}

TEST_F(CupsIntegration, StoppedQueueGetsNothingAndSaysWhy) {
    const std::string q = add_queue("stopped", ipp_device(), true);
    ASSERT_EQ(server_->run({"cupsdisable", q}).exit_code, 0);
    const JobResult r = print_one(config(q));
    EXPECT_EQ(r.outcome, JobOutcome::Offline) << r.detail;
    EXPECT_NE(r.detail.find("cupsenable"), std::string::npos) << r.detail;
    EXPECT_TRUE(jobs(q).empty()) << "nothing was queued";
}

TEST_F(CupsIntegration, RejectingQueueGetsNothing) {
    const std::string q = add_queue("rejecting", ipp_device(), true);
    ASSERT_EQ(server_->run({"cupsreject", q}).exit_code, 0);
    const JobResult r = print_one(config(q));
    EXPECT_EQ(r.outcome, JobOutcome::Offline) << r.detail;
    EXPECT_NE(r.detail.find("not accepting"), std::string::npos) << r.detail;
    EXPECT_TRUE(jobs(q).empty()) << "nothing was queued";
}

TEST_F(CupsIntegration, JobThatNeverCompletesIsCancelledAtItsDeadline) {
    // The ipp backend retries an unreachable printer forever: without a deadline this slip would
    // print whenever the printer comes back. (A raw queue: nobody answers for -m everywhere.)
    const int nobody = test::free_loopback_port();
    const std::string q = add_queue("stuck", "ipp://127.0.0.1:" + std::to_string(nobody) + "/ipp/print", false);
    const auto start = std::chrono::steady_clock::now();
    const JobResult r = print_one(config(q, 3));
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.outcome, JobOutcome::TimedOut) << r.detail;
    EXPECT_GE(took, 2500ms);
    EXPECT_LT(took, 10s);
    const auto js = jobs(q);
    ASSERT_EQ(js.size(), 1u) << "one job was submitted";
    EXPECT_EQ(js[0].second, IPP_JSTATE_CANCELED) << "CUPS job-state " << js[0].second;
    const auto lpstat = server_->run({"lpstat", "-W", "not-completed", "-o", q});
    EXPECT_EQ(lpstat.output, "") << "no job left waiting: " << lpstat.output;
}

TEST_F(CupsIntegration, MissingQueueIsAnError) {
    const JobResult r = print_one(config("no_such_queue"));
    EXPECT_EQ(r.outcome, JobOutcome::Error) << r.detail;
    EXPECT_NE(r.detail.find("no CUPS queue named 'no_such_queue'"), std::string::npos) << r.detail;
}

TEST_F(CupsIntegration, WorkerReportsQueueStatus) {
    const std::string q = add_queue("status", ipp_device(), true);
    PrintWorker worker(config(q), 100ms);
    EXPECT_TRUE(test::wait_until([&] { return worker.status().state == PrinterState::Ready; }, 5s))
        << worker.status().detail;
    ASSERT_EQ(server_->run({"cupsdisable", q}).exit_code, 0);
    EXPECT_TRUE(test::wait_until([&] { return worker.status().state == PrinterState::Offline; }, 5s))
        << worker.status().detail;
}

TEST(CupsPageOptions, AskForTheSlipsOwnSize) {
    using Options = std::vector<std::pair<std::string, std::string>>;
    const std::vector<std::string> roll{"custom_80x200mm_80x200mm", "custom_min_80x25mm", "custom_max_80x3000mm"};
    EXPECT_EQ(cups_page_options(80, 100.12, roll), (Options{{"PageSize", "Custom.80x100.2mm"}, {"print-scaling", "none"}}))
        << "a roll takes the slip's length, rounded up to a tenth of a mm";
    EXPECT_EQ(cups_page_options(80, 10, roll), (Options{{"PageSize", "Custom.80x25mm"}, {"print-scaling", "none"}}))
        << "never shorter than the printer's minimum";
    EXPECT_EQ(cups_page_options(80, 150, {"custom_80x200mm_80x200mm"}),
              (Options{{"media", "custom_80x200mm_80x200mm"}, {"print-scaling", "none"}}))
        << "no custom range: the fixed size that holds the slip";
    EXPECT_EQ(cups_page_options(80, 4000, roll), Options{}) << "longer than the roll's maximum: nothing fits";
    EXPECT_EQ(cups_page_options(58, 100, roll), Options{}) << "58 mm slips are not cut from an 80 mm roll";
    const std::vector<std::string> fixed{"oe_roll_58x297mm", "oe_roll_58x150mm", "oe_roll_58x80mm", "om_x_80x150mm"};
    EXPECT_EQ(cups_page_options(58, 100, fixed), (Options{{"media", "oe_roll_58x150mm"}, {"print-scaling", "none"}}))
        << "the shortest fixed size of the paper's width that holds the slip";
    EXPECT_EQ(cups_page_options(80, 100, {"na_letter_8.5x11in", "iso_a4_210x297mm"}), Options{})
        << "an office printer keeps its own page";
    EXPECT_EQ(cups_page_options(80, 100, {}), Options{}) << "a raw queue lists no media";
}

TEST(CupsDeviceReasons, TheDeviceOverridesWhatTheQueueRemembers) {
    using V = std::vector<std::string>;
    EXPECT_EQ(merge_device_reasons({"media-empty-warning", "media-needed-warning"}, {"none"}), V{"none"})
        << "paper was refilled after the last job";
    EXPECT_EQ(merge_device_reasons({"none"}, {"media-empty-report"}), V{"media-empty-report"});
    EXPECT_EQ(merge_device_reasons({"paused", "media-low-warning"}, {"cover-open"}), (V{"paused", "cover-open"}))
        << "the queue's own reasons stay";
}

TEST(CupsQueueStatus, MapsStateReasonsToPrinterStates) {
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, true, {"none"}, "").state, PrinterState::Ready);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, true, {"media-empty-error"}, "").state, PrinterState::PaperOut);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_PROCESSING, true, {"media-needed"}, "").state, PrinterState::PaperOut);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, true, {"media-low-report"}, "").state, PrinterState::PaperLow);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, true, {"cover-open-error"}, "").state, PrinterState::CoverOpen);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_STOPPED, true, {"paused"}, "").state, PrinterState::Offline);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, false, {"none"}, "").state, PrinterState::Offline);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, true, {"offline-report"}, "").state, PrinterState::Offline);
    EXPECT_EQ(cups_queue_status("q", IPP_PSTATE_IDLE, true, {"media-emptyish"}, "").state, PrinterState::Ready)
        << "whole keywords only";
}

}  // namespace
}  // namespace kiosk
