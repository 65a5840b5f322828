#include "core/slip.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

std::vector<SlipText> texts(const SlipLayout& l) {
    std::vector<SlipText> out;
    for (const auto& e : l.elements) {
        if (const auto* t = std::get_if<SlipText>(&e)) out.push_back(*t);
    }
    return out;
}

const SlipText* find_text(const std::vector<SlipText>& ts, const std::string& s) {
    const auto it = std::find_if(ts.begin(), ts.end(), [&](const SlipText& t) { return t.text == s; });
    return it == ts.end() ? nullptr : &*it;
}

KioskConfig clinic_config() {
    KioskConfig c;
    c.clinic.name = "Clínica Peña";
    c.clinic.phone = "+34 910 555 012";
    c.clinic.hours = "Lun–Vie 9:00–18:00";
    c.text.call_us = "Llámenos";
    c.text.scan_to_call = "Escanee para llamar";
    c.text.you_were_reading = "Estaba leyendo:";
    c.text.hours_label = "Horario";
    c.text.callback_slip_title = "Por favor, llamar";
    c.text.interested_in = "Interesado en:";
    return c;
}

SlipRequest take_away() {
    SlipRequest r;
    r.topic = "Dolor de espalda";
    r.when = from_local(2024, 5, 14, 10, 32);
    r.slip_number = 42;
    return r;
}

TEST(SlipModel, TakeAwayHasClinicPhoneHoursQrTopicTimeAndNumber) {
    const KioskConfig c = clinic_config();
    const SlipLayout l = compose_slip(c, take_away());
    const auto ts = texts(l);
    ASSERT_NE(find_text(ts, "Clínica Peña"), nullptr);
    EXPECT_EQ(find_text(ts, "Clínica Peña")->size, TextSize::Large) << "the clinic's name is large";
    ASSERT_NE(find_text(ts, "+34 910 555 012"), nullptr);
    EXPECT_EQ(find_text(ts, "+34 910 555 012")->size, TextSize::Huge) << "the phone is the biggest thing";
    EXPECT_NE(find_text(ts, "Llámenos"), nullptr) << "wording comes from config.text";
    EXPECT_NE(find_text(ts, "Horario"), nullptr);
    EXPECT_NE(find_text(ts, "Lun–Vie 9:00–18:00"), nullptr);
    EXPECT_NE(find_text(ts, "Escanee para llamar"), nullptr);
    EXPECT_NE(find_text(ts, "Estaba leyendo:"), nullptr);
    EXPECT_NE(find_text(ts, "Dolor de espalda"), nullptr);
    EXPECT_NE(find_text(ts, "2024-05-14 10:32  #0042"), nullptr);
    const int huge = static_cast<int>(std::count_if(ts.begin(), ts.end(), [](const SlipText& t) { return t.size == TextSize::Huge; }));
    EXPECT_EQ(huge, 1) << "only the phone number is huge";
    const auto qr = std::find_if(l.elements.begin(), l.elements.end(),
                                 [](const SlipElement& e) { return std::holds_alternative<SlipQr>(e); });
    ASSERT_NE(qr, l.elements.end());
    EXPECT_EQ(std::get<SlipQr>(*qr).payload, "tel:+34910555012");
}

TEST(SlipModel, TakeAwayWithoutTopicLeavesOutYouWereReading) {
    SlipRequest r = take_away();
    r.topic.clear();
    const auto ts = texts(compose_slip(clinic_config(), r));
    EXPECT_EQ(find_text(ts, "Estaba leyendo:"), nullptr);
}

TEST(SlipModel, DeskSlipHasTitleNamePhoneTopicTimeAndNoClinicQr) {
    SlipRequest r = take_away();
    r.kind = SlipKind::Desk;
    r.patient_name = "Zoë";
    r.patient_phone = "+447700900123";
    const SlipLayout l = compose_slip(clinic_config(), r);
    const auto ts = texts(l);
    EXPECT_NE(find_text(ts, "Por favor, llamar"), nullptr);
    EXPECT_NE(find_text(ts, "Zoë"), nullptr);
    ASSERT_NE(find_text(ts, "+44 770 090 0123"), nullptr) << "grouped for reading aloud";
    EXPECT_EQ(find_text(ts, "+44 770 090 0123")->size, TextSize::Huge);
    EXPECT_EQ(find_text(ts, "Zoë")->size, TextSize::Normal) << "the number stands out above the name";
    EXPECT_NE(find_text(ts, "Interesado en:"), nullptr);
    EXPECT_NE(find_text(ts, "Dolor de espalda"), nullptr);
    EXPECT_NE(find_text(ts, "2024-05-14 10:32  #0042"), nullptr);
    EXPECT_EQ(find_text(ts, "+34 910 555 012"), nullptr) << "the desk slip shows the patient's number, not ours";
    EXPECT_TRUE(std::none_of(l.elements.begin(), l.elements.end(),
                             [](const SlipElement& e) { return std::holds_alternative<SlipQr>(e); }));
}

TEST(SlipModel, DeskSlipWithoutNameHasNoEmptyLine) {
    SlipRequest r = take_away();
    r.kind = SlipKind::Desk;
    r.patient_phone = "5550100";
    for (const auto& t : texts(compose_slip(clinic_config(), r))) EXPECT_FALSE(t.text.empty());
}

TEST(SlipModel, PaperWidthComesFromConfig) {
    KioskConfig c = clinic_config();
    c.printer.paper_width_mm = 58;
    EXPECT_EQ(compose_slip(c, take_away()).paper_width_mm, 58);
    c.printer.paper_width_mm = 80;
    EXPECT_EQ(compose_slip(c, take_away()).paper_width_mm, 80);
}

TEST(TelUri, KeepsLeadingPlusAndDigitsOnly) {
    EXPECT_EQ(tel_uri("+1 555 010 0199"), "tel:+15550100199");
    EXPECT_EQ(tel_uri("(0)30-1234 567"), "tel:0301234567");
    EXPECT_EQ(tel_uri("030 1234+567"), "") << "a '+' after digits is not a country prefix: not dialable";
    EXPECT_EQ(tel_uri("+34 912 345 678 ext. 1234"), "tel:+34912345678;ext=1234") << "RFC 3966 extension";
    EXPECT_EQ(tel_uri("call us"), "");
    EXPECT_EQ(tel_uri("+"), "");
}

TEST(Wipe, SlipRequestLosesNameAndPhone) {
    SlipRequest r = take_away();
    r.patient_name = "Anne-Marie O'Neil";
    r.patient_phone = "+15550100199 and a long tail to force a heap buffer";
    r.wipe();
    EXPECT_TRUE(r.patient_name.empty());
    EXPECT_TRUE(r.patient_phone.empty());
    EXPECT_EQ(r.topic, "Dolor de espalda") << "only personal fields are wiped";
}

TEST(Wipe, SlipLayoutLosesEveryText) {
    SlipRequest r = take_away();
    r.kind = SlipKind::Desk;
    r.patient_phone = "+15550100199";
    SlipLayout l = compose_slip(clinic_config(), r);
    ASSERT_FALSE(l.elements.empty());
    l.wipe();
    EXPECT_TRUE(l.elements.empty());
}

}  // namespace
}  // namespace kiosk
