// The cairo renderer (CUPS PDF and previews), read back with the tools a person would use:
// pdftotext for the words, zbarimg for the QR code.
#include "tools.h"

#include "print/slip_renderer_cairo.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

KioskConfig clinic(int width) {
    KioskConfig c;
    c.clinic.name = "Clínica Peña & Müller";
    c.printer.paper_width_mm = width;
    return c;
}

SlipLayout take_away(int width) {
    SlipRequest r;
    r.topic = "Back pain: what helps";
    r.when = from_local(2024, 5, 14, 10, 32);
    r.slip_number = 12;
    return compose_slip(clinic(width), r);
}

SlipLayout desk(int width) {
    SlipRequest r;
    r.kind = SlipKind::Desk;
    r.patient_name = "José";
    r.patient_phone = "+447700900123";
    r.topic = "Massage";
    r.when = from_local(2024, 5, 14, 10, 32);
    r.slip_number = 13;
    return compose_slip(clinic(width), r);
}

TEST(SlipRendererIntegration, PngQrScansToTheTelUriOnBothPaperWidths) {
    ASSERT_TRUE(test::have_tool("zbarimg", "zbar-tools"));
    test::TempDir dir("kiosk-render");
    for (const int width : {58, 80}) {
        const auto png = dir.path() / ("slip" + std::to_string(width) + ".png");
        const RenderResult r = write_slip_png(take_away(width), png);
        ASSERT_TRUE(r.ok()) << r.error;
        const auto scan = test::run_command({"zbarimg", "--nodbus", "--raw", "-q", png.string()});
        EXPECT_EQ(scan.exit_code, 0) << scan.output;
        EXPECT_EQ(scan.output, "tel:+15550100199\n") << width << " mm";
    }
}

TEST(SlipRendererIntegration, PdfHasTheWordsAndThePaperWidth) {
    ASSERT_TRUE(test::have_tool("pdftotext", "poppler-utils"));
    ASSERT_TRUE(test::have_tool("pdfinfo", "poppler-utils"));
    test::TempDir dir("kiosk-render");
    const auto pdf = dir.path() / "slip.pdf";
    ASSERT_TRUE(write_slip_pdf(take_away(80), pdf).ok());
    const auto text = test::run_command({"pdftotext", "-layout", pdf.string(), "-"});
    ASSERT_EQ(text.exit_code, 0) << text.output;
    for (const char* words : {"Clínica Peña & Müller", "Call us", "+1 555 010 0199", "Mon–Fri 8:00–18:00",
                              "Scan to call", "You were reading:", "Back pain: what helps", "2024-05-14 10:32", "#0012"}) {
        EXPECT_NE(text.output.find(words), std::string::npos) << "missing '" << words << "' in:\n" << text.output;
    }
    const auto info = test::run_command({"pdfinfo", pdf.string()});
    // pdfinfo pads its labels with spaces: compare the values after them.
    const auto field = [&](const std::string& label) {
        const auto at = info.output.find(label + ":");
        if (at == std::string::npos) return std::string();
        const auto start = info.output.find_first_not_of(' ', at + label.size() + 1);
        return info.output.substr(start, info.output.find('\n', start) - start);
    };
    EXPECT_TRUE(field("Page size").starts_with("226.77")) << "80 mm wide:\n" << info.output;
    EXPECT_EQ(field("Pages"), "1");
}

TEST(SlipRendererIntegration, DeskSlipPdfFromMemoryHasNameNumberAndTopic) {
    ASSERT_TRUE(test::have_tool("pdftotext", "poppler-utils"));
    const auto bytes = render_slip_pdf(desk(58));
    ASSERT_TRUE(bytes);
    ASSERT_TRUE(bytes->starts_with("%PDF-"));
    test::TempDir dir("kiosk-render");
    const auto pdf = dir.write("desk.pdf", std::string(*bytes));
    const auto text = test::run_command({"pdftotext", pdf.string(), "-"});
    for (const char* words : {"Please call back", "José", "+44 770 090 0123", "Interested in:", "Massage", "#0013"}) {
        EXPECT_NE(text.output.find(words), std::string::npos) << "missing '" << words << "' in:\n" << text.output;
    }
}

TEST(SlipRenderer, PreviewNeedsPngOrPdf) {
    test::TempDir dir("kiosk-render");
    const RenderResult r = write_slip_preview(take_away(80), dir.path() / "slip.jpg");
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find(".png"), std::string::npos);
    EXPECT_FALSE(write_slip_png(take_away(80), dir.path() / "no-such-dir" / "x.png").ok());
}

}  // namespace
}  // namespace kiosk
