// A Spanish patient's slips, from the bundled kiosk.toml's [text.es]: on ESC/POS every accented
// letter is one CP858 byte (á = 0xA0, ó = 0xA2, ñ = 0xA4) and no UTF-8 reaches the printer; the
// CUPS PDF carries the same words, read back with pdftotext.
#include "tools.h"

#include "core/config.h"
#include "core/escpos.h"
#include "core/language_config.h"
#include "core/slip.h"
#include "print/slip_renderer_cairo.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

KioskConfig spanish() {
    const ConfigResult r = load_config(KIOSK_SOURCE_DIR "/deploy/kiosk.toml");
    return localized(r.config, "es");
}

SlipLayout take_away() {
    SlipRequest r;
    r.topic = "Cómo puede ayudar el masaje";  // slides/020-massage.es.md
    r.when = from_local(2026, 12, 2, 10, 32);
    r.slip_number = 3;
    return compose_slip(spanish(), r);
}

SlipLayout desk() {
    SlipRequest r;
    r.kind = SlipKind::Desk;
    r.patient_name = "Begoña";
    r.patient_phone = "+34600111222";
    r.topic = "Cómo puede ayudar el masaje";
    r.when = from_local(2026, 12, 2, 10, 32);
    r.slip_number = 4;
    return compose_slip(spanish(), r);
}

template <class B>
bool has(const B& bytes, std::string_view needle) {
    const auto* n = reinterpret_cast<const unsigned char*>(needle.data());
    return std::search(bytes.begin(), bytes.end(), n, n + needle.size(),
                       [](auto a, unsigned char b) { return static_cast<unsigned char>(a) == b; }) != bytes.end();
}

TEST(SpanishSlip, EscposBytesAreCp858) {
    const auto away = encode_escpos(take_away(), EscposOptions{});
    EXPECT_TRUE(has(away, "Ll\xA0menos"));                       // call_us
    EXPECT_TRUE(has(away, "Escanee para llamar"));
    EXPECT_TRUE(has(away, "C\xA2mo puede ayudar el masaje"));    // the Spanish topic
    const auto callback = encode_escpos(desk(), EscposOptions{});
    EXPECT_TRUE(has(callback, "Bego\xA4" "a"));                  // ñ
    EXPECT_TRUE(has(callback, "Devolver la llamada"));
    for (const auto* b : {&away, &callback}) {
        EXPECT_EQ(std::count_if(b->begin(), b->end(), [](auto c) { return static_cast<unsigned char>(c) == 0xC3; }), 0)
            << "UTF-8 lead bytes in the ESC/POS stream";
    }
}

TEST(SpanishSlipIntegration, CupsPdfHasTheSpanishWords) {
    ASSERT_TRUE(test::have_tool("pdftotext", "poppler-utils"));
    test::TempDir dir("kiosk-spanish-slip");
    for (const auto& [name, slip] : {std::pair{"take-away", take_away()}, std::pair{"desk", desk()}}) {
        const auto pdf = dir.path() / (std::string(name) + ".pdf");
        ASSERT_TRUE(write_slip_pdf(slip, pdf).ok());
        const auto text = test::run_command({"pdftotext", "-layout", pdf.string(), "-"});
        ASSERT_EQ(text.exit_code, 0) << text.output;
        const std::vector<std::string> words =
            std::string(name) == "desk" ? std::vector<std::string>{"Devolver la llamada", "Begoña", "Cómo puede ayudar"}
                                        : std::vector<std::string>{"Llámenos", "Horario", "Escanee para llamar",
                                                                   "Estaba leyendo:", "Cómo puede ayudar el masaje"};
        for (const std::string& w : words) EXPECT_NE(text.output.find(w), std::string::npos) << w << " in\n" << text.output;
    }
}

}  // namespace
}  // namespace kiosk
