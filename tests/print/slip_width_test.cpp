// The slips as a printer of each common width prints them: bytes sent by the print worker to a
// real TCP listener on 127.0.0.1, put on paper by an independent reader (escpos_reader.h) with that
// printer's print area. 384 dots (58 mm), 512 and 576 dots (80 mm). Set KIOSK_SLIP_DUMP_DIR to keep
// the bytes (render them with ../shared/tools/escpos2png.py to look at them).
#include "escpos_listener.h"
#include "escpos_reader.h"
#include "tools.h"

#include "core/codepage.h"
#include "core/slip.h"
#include "print/print_worker.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using test::EscposListener;
using test::ListenerMode;

constexpr int kWidths[] = {384, 512, 576};

KioskConfig clinic(int dots, int port) {
    KioskConfig c;
    c.clinic.name = "Epic Healthcare & Physical Medicine";
    c.clinic.phone = "+34 912 345 678 ext. 1234";
    c.clinic.hours = "Mon–Fri 8:00–18:00, Sat 9:00–13:00";
    c.printer.uri = "tcp://127.0.0.1:" + std::to_string(port);
    c.printer.paper_width_mm = dots <= 384 ? 58 : 80;
    c.printer.print_width_dots = dots;
    c.printer.job_deadline_seconds = 20;
    return c;
}

SlipRequest request(SlipKind kind) {
    SlipRequest r;
    r.kind = kind;
    r.topic = "Rehabilitación después de una lesión deportiva";
    r.when = std::chrono::system_clock::now();
    r.slip_number = 7;
    if (kind == SlipKind::Desk) {
        r.patient_name = "Anne-Marie";
        r.patient_phone = "+15550107777";
    }
    return r;
}

JobResult wait_result(PrintWorker& worker) {
    std::vector<JobResult> results;
    const bool got = test::wait_until(
        [&] {
            for (auto& r : worker.take_results()) results.push_back(r);
            return !results.empty();
        },
        30s);
    EXPECT_TRUE(got) << "no job result";
    return got ? results.front() : JobResult{};
}

void dump(const std::vector<std::uint8_t>& bytes, const std::string& name) {
    if (const char* dir = std::getenv("KIOSK_SLIP_DUMP_DIR")) {
        std::ofstream(std::string(dir) + "/" + name + ".bin", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
}

// Every word the slip was meant to print, in the printer's code page.
std::set<std::string> words_of(const SlipLayout& layout) {
    std::set<std::string> words;
    for (const SlipElement& e : layout.elements) {
        if (const auto* t = std::get_if<SlipText>(&e)) {
            std::istringstream in(transcode(t->text, Codepage::Cp858));
            for (std::string w; in >> w;) words.insert(w);
        }
    }
    return words;
}

// What each paper width must hold for every slip: nothing broken by the printer, no fragment of a
// word, rules across the whole area.
void expect_laid_out_for(const test::Paper& paper, const SlipLayout& layout, int dots) {
    EXPECT_TRUE(paper.problems.empty()) << paper.problems.front();
    EXPECT_EQ(paper.area_dots, dots);
    const auto words = words_of(layout);
    for (const test::PaperLine& line : paper.lines) {
        EXPECT_FALSE(line.wrapped) << dots << " dots: the printer had to break \"" << line.text << "\"";
        EXPECT_LE(line.dots, dots) << line.text;
        std::istringstream in(line.text);
        for (std::string w; in >> w;) EXPECT_TRUE(words.count(w)) << dots << " dots: \"" << w << "\" is a split word";
    }
    int rules = 0;
    for (const test::PaperRaster& r : paper.rasters) {
        if (r.height > 4) continue;  // the QR code
        ++rules;
        EXPECT_GT(r.width_dots, dots - 8) << "a rule spans the paper";
        EXPECT_LE(r.width_dots, dots);
    }
    EXPECT_GE(rules, 2);
    EXPECT_EQ(paper.cuts, 1);
}

TEST(SlipWidthIntegration, TakeAwaySlipFitsEveryWidthWithTheExtensionApart) {
    for (const int dots : kWidths) {
        SCOPED_TRACE(std::to_string(dots) + " dots");
        EscposListener printer(ListenerMode::Ok);
        const KioskConfig config = clinic(dots, printer.port());
        SlipLayout layout = compose_slip(config, request(SlipKind::TakeAway));
        const SlipLayout copy = layout;
        {
            PrintWorker worker(config.printer);
            worker.submit(std::move(layout));
            EXPECT_EQ(wait_result(worker).outcome, JobOutcome::Printed);
        }
        const auto bytes = printer.received();
        dump(bytes, "slip-" + std::to_string(dots));
        const test::Paper paper = test::print_on_paper(bytes, dots);
        expect_laid_out_for(paper, copy, dots);
        const test::PaperLine* number = paper.line_with("+34 912 345 678");
        ASSERT_NE(number, nullptr) << "the number is on one line:\n" << paper.all_text();
        EXPECT_EQ(number->text, "+34 912 345 678") << "the extension is not run on to the digits";
        EXPECT_GE(number->height_mul, 2) << "the number stands out";
        const test::PaperLine* ext = paper.line_with("Extension 1234");
        ASSERT_NE(ext, nullptr) << paper.all_text();
        ASSERT_EQ(paper.qr_payloads.size(), 1U);
        EXPECT_EQ(paper.qr_payloads[0], "tel:+34912345678;ext=1234") << "RFC 3966: the extension is not dialled";
    }
}

TEST(SlipWidthIntegration, DeskSlipNumberIsGroupedAndLargerThanTheNameAtEveryWidth) {
    for (const int dots : kWidths) {
        SCOPED_TRACE(std::to_string(dots) + " dots");
        EscposListener printer(ListenerMode::Ok);
        const KioskConfig config = clinic(dots, printer.port());
        SlipLayout layout = compose_slip(config, request(SlipKind::Desk));
        const SlipLayout copy = layout;
        {
            PrintWorker worker(config.printer);
            worker.submit(std::move(layout));
            EXPECT_EQ(wait_result(worker).outcome, JobOutcome::Printed);
        }
        const auto bytes = printer.received();
        dump(bytes, "desk-" + std::to_string(dots));
        const test::Paper paper = test::print_on_paper(bytes, dots);
        expect_laid_out_for(paper, copy, dots);
        const test::PaperLine* number = paper.line_with("+1 555 010 7777");
        const test::PaperLine* name = paper.line_with("Anne-Marie");
        ASSERT_NE(number, nullptr) << "grouped, on one line:\n" << paper.all_text();
        ASSERT_NE(name, nullptr);
        EXPECT_GT(number->height_mul, name->height_mul) << "the number is taller than the name";
        EXPECT_GE(number->width_mul, name->width_mul);
    }
}

TEST(SlipWidthIntegration, TheLongestNumberShrinksInsteadOfWrapping) {
    for (const int dots : kWidths) {
        SCOPED_TRACE(std::to_string(dots) + " dots");
        EscposListener printer(ListenerMode::Ok);
        KioskConfig config = clinic(dots, printer.port());
        config.clinic.phone = "+1 555 010 0142";  // the number that split at 512 dots before
        SlipRequest desk = request(SlipKind::Desk);
        desk.patient_phone = "+861234567890123";  // 15 digits, the most a phone number has
        {
            PrintWorker worker(config.printer);
            worker.submit(compose_slip(config, request(SlipKind::TakeAway)));
            EXPECT_EQ(wait_result(worker).outcome, JobOutcome::Printed);
            worker.submit(compose_slip(config, desk));
            EXPECT_EQ(wait_result(worker).outcome, JobOutcome::Printed);
        }
        const test::Paper paper = test::print_on_paper(printer.received(), dots);
        EXPECT_TRUE(paper.problems.empty());
        for (const auto& line : paper.lines) EXPECT_FALSE(line.wrapped) << line.text;
        EXPECT_NE(paper.line_with("+1 555 010 0142"), nullptr) << paper.all_text();
        EXPECT_NE(paper.line_with("+86 123 456 789 0123"), nullptr) << paper.all_text();
    }
}

// The fault this guards against, seen by the same reader: a slip laid out for 576 dots (the old
// fixed width) on a 512-dot printer gets lines broken by the printer, the number among them.
TEST(SlipWidthIntegration, TheReaderSeesASlipLaidOutForTheWrongWidth) {
    EscposListener printer(ListenerMode::Ok);
    KioskConfig config = clinic(576, printer.port());
    config.clinic.phone = "+1 555 010 0142";
    {
        PrintWorker worker(config.printer);
        worker.submit(compose_slip(config, request(SlipKind::TakeAway)));
        EXPECT_EQ(wait_result(worker).outcome, JobOutcome::Printed);
    }
    const test::Paper paper = test::print_on_paper(printer.received(), 512);
    EXPECT_TRUE(std::any_of(paper.lines.begin(), paper.lines.end(), [](const auto& l) { return l.wrapped; }));
    EXPECT_EQ(paper.line_with("+1 555 010 0142"), nullptr) << "the number split:\n" << paper.all_text();
    EXPECT_FALSE(paper.problems.empty()) << "the 576-dot rules are wider than the paper";
}

// The extension case through to a QR a phone's camera reads: the slip's QR printed as a raster
// image (raster_qr), written out as a PBM (the same bit order as GS v 0) and decoded by zbarimg.
TEST(SlipWidthIntegration, ExtensionQrDecodesWithZbarimg) {
    ASSERT_TRUE(test::have_tool("zbarimg", "zbar-tools"));
    EscposListener printer(ListenerMode::Ok);
    KioskConfig config = clinic(512, printer.port());
    config.printer.raster_qr = true;
    {
        PrintWorker worker(config.printer);
        worker.submit(compose_slip(config, request(SlipKind::TakeAway)));
        EXPECT_EQ(wait_result(worker).outcome, JobOutcome::Printed);
    }
    const auto b = printer.received();
    // The tallest GS v 0 image is the QR.
    size_t best = 0;
    int best_h = 0, best_xb = 0;
    for (size_t i = 0; i + 8 < b.size(); ++i) {
        if (b[i] == 0x1D && b[i + 1] == 'v' && b[i + 2] == '0') {
            const int xb = b[i + 4] | (b[i + 5] << 8), h = b[i + 6] | (b[i + 7] << 8);
            if (h > best_h) {
                best = i, best_h = h, best_xb = xb;
            }
            i += 7 + static_cast<size_t>(xb * h);
        }
    }
    ASSERT_GT(best_h, 20) << "no QR image in the bytes";
    test::TempDir dir("kiosk-qr");
    const auto pbm = dir.path() / "qr.pbm";
    {
        std::ofstream out(pbm, std::ios::binary);
        out << "P4\n" << best_xb * 8 << " " << best_h << "\n";
        out.write(reinterpret_cast<const char*>(b.data() + best + 8), static_cast<std::streamsize>(best_xb) * best_h);
    }
    const auto r = test::run_command({"zbarimg", "--nodbus", "--raw", "-q", pbm.string()});
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(r.output.substr(0, r.output.find_last_not_of("\r\n") + 1), "tel:+34912345678;ext=1234");
}

}  // namespace
}  // namespace kiosk
