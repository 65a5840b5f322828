#include "print/printer.h"
#include "print/printer_uri.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(PrinterUri, ParsesEveryKind) {
    EXPECT_TRUE(std::holds_alternative<NoPrinterUri>(parse_printer_uri("none").uri));
    const auto tcp = parse_printer_uri("tcp://192.168.1.50:9100");
    ASSERT_TRUE(tcp.ok()) << tcp.error;
    EXPECT_EQ(std::get<TcpUri>(tcp.uri).host, "192.168.1.50");
    EXPECT_EQ(std::get<TcpUri>(tcp.uri).port, 9100);
    EXPECT_EQ(std::get<TcpUri>(parse_printer_uri("tcp://printer.local").uri).port, 9100) << "default port";
    EXPECT_EQ(std::get<TcpUri>(parse_printer_uri("tcp://[::1]:9101").uri).host, "::1");
    EXPECT_EQ(std::get<FileUri>(parse_printer_uri("file:///dev/usb/lp0").uri).path, "/dev/usb/lp0");
    EXPECT_EQ(std::get<CupsUri>(parse_printer_uri("cups://Receipt_58").uri).queue, "Receipt_58");
}

TEST(PrinterUri, RejectsBadOnesWithAHint) {
    for (const char* bad : {"tcp://", "tcp://host:0", "tcp://host:70000", "tcp://host:12ab", "file://relative/lp0",
                            "cups://", "cups://my queue", "lpt1", "http://printer/"}) {
        const auto r = parse_printer_uri(bad);
        EXPECT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.error.find("tcp://HOST:PORT"), std::string::npos) << "the message says what is allowed";
    }
}

TEST(PrinterUri, MakePrinterRefusesBadUriAndCodepage) {
    PrinterConfig c;
    c.uri = "lpt1";
    EXPECT_FALSE(make_printer(c).printer);
    c.uri = "tcp://127.0.0.1:9100";
    c.codepage = "utf-8";
    const auto made = make_printer(c);
    EXPECT_FALSE(made.printer);
    EXPECT_NE(made.error.find("codepage"), std::string::npos);
    c.codepage = "cp858";
    EXPECT_TRUE(make_printer(c).printer);
}

TEST(PrinterUri, NoneReportsNoPrinter) {
    PrinterConfig c;
    c.uri = "none";
    const auto made = make_printer(c);
    ASSERT_TRUE(made.printer);
    EXPECT_EQ(made.printer->query_status().state, PrinterState::None);
    EXPECT_EQ(made.printer->print(SlipLayout{}, std::chrono::steady_clock::now() + std::chrono::seconds(1), {}).outcome,
              JobOutcome::NoPrinter);
}

}  // namespace
}  // namespace kiosk
