#include "core/escpos.h"
#include "core/qr_code.h"
#include "escpos_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

using test::Cmd;
using test::Command;

KioskConfig config_with(int width) {
    KioskConfig c;
    c.clinic.name = "Clínica Peña & Müller";
    c.clinic.phone = "+1 555 010 0199";
    c.clinic.hours = "Mo–Fr 8–18, 5 €";
    c.printer.paper_width_mm = width;
    return c;
}

SlipLayout take_away(int width) {
    SlipRequest r;
    r.topic = "Rückenschmerzen";
    r.when = from_local(2024, 5, 14, 10, 32);
    r.slip_number = 7;
    return compose_slip(config_with(width), r);
}

std::vector<Command> parse_ok(const Bytes& b) {
    auto r = test::parse_escpos(std::vector<std::uint8_t>(b.begin(), b.end()));
    EXPECT_EQ(r.error, "") << "every byte the encoder writes is a known ESC/POS command";
    return r.commands;
}

std::vector<Command> only(const std::vector<Command>& cs, Cmd k) {
    std::vector<Command> out;
    std::copy_if(cs.begin(), cs.end(), std::back_inserter(out), [&](const Command& c) { return c.cmd == k; });
    return out;
}

TEST(EscposEncoding, StartsWithInitAndCodepageAndEndsWithPartialCut) {
    const Bytes b = encode_escpos(take_away(80), {});
    ASSERT_GE(b.size(), 9u);
    EXPECT_EQ(std::vector<std::uint8_t>(b.begin(), b.begin() + 5), (std::vector<std::uint8_t>{0x1B, '@', 0x1B, 't', 19}))
        << "ESC @ then ESC t 19 (PC858)";
    EXPECT_EQ(std::vector<std::uint8_t>(b.end() - 4, b.end()), (std::vector<std::uint8_t>{0x1D, 'V', 66, 0}))
        << "GS V 66 0: feed and partial cut last";
}

TEST(EscposEncoding, TextIsCp858NeverUtf8) {
    const auto cs = parse_ok(encode_escpos(take_away(80), {}));
    const std::string text = test::printed_text(cs);
    EXPECT_NE(text.find("Cl\xA1nica Pe\xA4" "a & M\x81ller"), std::string::npos) << text;
    EXPECT_NE(text.find("R\x81" "ckenschmerzen"), std::string::npos);
    EXPECT_NE(text.find("5 \xD5"), std::string::npos) << "the euro sign is 0xD5 in CP858";
    EXPECT_NE(text.find("Mo-Fr 8-18"), std::string::npos) << "en dashes become '-'";
    // UTF-8 lead bytes followed by continuation bytes would mean untranscoded text.
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        const auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
        EXPECT_FALSE(a >= 0xC2 && a <= 0xF4 && (b & 0xC0) == 0x80)
            << "UTF-8 sequence at text offset " << i << ": " << std::hex << int(a) << " " << int(b);
    }
}

TEST(EscposEncoding, NativeQrHasModelSizeLevelStoreWithCorrectLengthAndPrint) {
    const Bytes b = encode_escpos(take_away(80), {});
    const auto cs = parse_ok(b);
    ASSERT_EQ(only(cs, Cmd::QrStore).size(), 1u);
    EXPECT_EQ(only(cs, Cmd::QrStore)[0].data, "tel:+15550100199");
    EXPECT_EQ(only(cs, Cmd::QrModel).at(0).arg, 50) << "model 2";
    EXPECT_EQ(only(cs, Cmd::QrModuleSize).at(0).arg, 8);
    EXPECT_EQ(only(cs, Cmd::QrErrorLevel).at(0).arg, 49) << "level M";
    EXPECT_EQ(only(cs, Cmd::QrPrint).size(), 1u);
    // The raw store command: GS ( k pL pH 49 80 48 d1..dk with pL + 256 pH = k + 3.
    const std::string payload = "tel:+15550100199";
    const std::vector<std::uint8_t> head{0x1D, '(', 'k', static_cast<std::uint8_t>(payload.size() + 3), 0, 49, 80, 48};
    const auto at = std::search(b.begin(), b.end(), head.begin(), head.end());
    ASSERT_NE(at, b.end());
    EXPECT_EQ(std::string(at + 8, at + 8 + static_cast<long>(payload.size())), payload);
}

TEST(EscposEncoding, RasterQrHeaderMatchesImageAndDecodesBackToTheMatrix) {
    const SlipLayout l = take_away(58);
    const auto cs = parse_ok(encode_escpos(l, {Codepage::Cp858, true}));
    EXPECT_TRUE(only(cs, Cmd::QrStore).empty()) << "raster mode sends no GS ( k";
    auto rasters = only(cs, Cmd::Raster);
    std::erase_if(rasters, [](const auto& r) { return r.height <= 2; });  // the rules
    ASSERT_EQ(rasters.size(), 1u);
    const QrMatrix qr = make_qr("tel:+15550100199");
    const int module = qr_module_dots(58);
    const int dots = (qr.size + 2 * kQrQuietZone) * module;
    EXPECT_EQ(rasters[0].height, dots);
    EXPECT_EQ(rasters[0].width_bytes, (dots + 7) / 8);
    EXPECT_LE(dots, printable_dots(58)) << "the image fits on 58 mm paper";
    // Sample the centre of every module and compare with the matrix.
    const auto pixel = [&](int x, int y) {
        const auto byte = static_cast<unsigned char>(rasters[0].data[static_cast<size_t>(y * rasters[0].width_bytes + x / 8)]);
        return (byte & (0x80 >> (x % 8))) != 0;
    };
    for (int my = 0; my < qr.size; ++my) {
        for (int mx = 0; mx < qr.size; ++mx) {
            const int x = (mx + kQrQuietZone) * module + module / 2, y = (my + kQrQuietZone) * module + module / 2;
            ASSERT_EQ(pixel(x, y), qr.dark(mx, my)) << "module " << mx << "," << my;
        }
    }
    EXPECT_FALSE(pixel(1, 1)) << "quiet zone is white";
}

TEST(EscposEncoding, PhoneIsMagnifiedAsMuchAsFitsOnOneLine) {
    for (const int width : {58, 80}) {
        const auto cs = parse_ok(encode_escpos(take_away(width), {}));
        const int columns = printable_dots(width) / kFontAWidthDots;
        // The size command right before the phone's text.
        int size = -1;
        for (size_t i = 0; i < cs.size(); ++i) {
            if (cs[i].cmd == Cmd::Size) size = cs[i].arg;
            if (cs[i].cmd == Cmd::Text && cs[i].data == "+1 555 010 0199") break;
        }
        ASSERT_GT(size, 0x00) << width << " mm: the phone is magnified";
        const int mult = (size & 0x0F) + 1;
        EXPECT_EQ(size >> 4, size & 0x0F) << "same width and height";
        EXPECT_LE(15 * mult, columns) << "the phone fits on one line at " << width << " mm";
        EXPECT_GT(15 * (mult + 1), columns) << "and is as large as fits";
    }
}

TEST(EscposEncoding, LongTextWrapsWithinTheLineWidth) {
    SlipLayout l;
    l.paper_width_mm = 58;
    l.elements.push_back(SlipText{"Epic Healthcare & Physical Medicine and a rather long name", TextSize::Large, true});
    const auto cs = parse_ok(encode_escpos(l, {}));
    const int columns = printable_dots(58) / kFontAWidthDots / 2;
    int lines = 0;
    for (const auto& c : only(cs, Cmd::Text)) {
        EXPECT_LE(static_cast<int>(c.data.size()), columns) << c.data;
        ++lines;
    }
    EXPECT_GE(lines, 3);
}

TEST(EscposStatus, DecodesOkNearEndPaperOutCoverOpen) {
    EXPECT_EQ(printer_state(*decode_status(0x12, 0x12)), PrinterState::Ready);
    EXPECT_EQ(printer_state(*decode_status(0x12, 0x12 | 0x0C)), PrinterState::PaperLow);
    EXPECT_EQ(printer_state(*decode_status(0x12 | 0x20, 0x12 | 0x60)), PrinterState::PaperOut);
    EXPECT_EQ(printer_state(*decode_status(0x12, 0x12 | 0x60)), PrinterState::PaperOut) << "sensor alone is enough";
    EXPECT_EQ(printer_state(*decode_status(0x12 | 0x04, 0x12)), PrinterState::CoverOpen);
    EXPECT_EQ(printer_state(*decode_status(0x12 | 0x40, 0x12)), PrinterState::Error);
}

TEST(EscposStatus, RejectsBytesThatAreNotStatusBytes) {
    EXPECT_FALSE(decode_status(0x00, 0x12)) << "bits 1 and 4 must be set";
    EXPECT_FALSE(decode_status(0x12, 0x93));
    EXPECT_FALSE(decode_status('O', 'K'));
}

TEST(EscposStatus, RequestAsksOfflineCauseThenPaperSensor) {
    EXPECT_EQ(status_request(), (Bytes{0x10, 0x04, 2, 0x10, 0x04, 4}));
}

}  // namespace
}  // namespace kiosk
