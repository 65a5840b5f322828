#include "core/phone_number.h"
#include "core/config.h"
#include "core/printer_config.h"
#include "core/slip.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(PhoneNumber, SplitsTheExtensionFromWhatIsDialled) {
    for (const char* written :
         {"+34 912 345 678 ext. 1234", "+34 912 345 678 ext 1234", "+34 912 345 678 x1234", "+34 912 345 678, 1234",
          "+34 912 345 678 #1234", "+34 912 345 678;ext=1234", "+34 912 345 678 Extension: 1234"}) {
        const PhoneParse p = parse_phone(written);
        ASSERT_TRUE(p.number) << written << ": " << p.error;
        EXPECT_EQ(p.number->dialable, "+34 912 345 678") << written;
        EXPECT_EQ(p.number->digits, "+34912345678") << written;
        EXPECT_EQ(p.number->extension, "1234") << written;
        EXPECT_EQ(tel_uri_for(*p.number), "tel:+34912345678;ext=1234") << written;
    }
    EXPECT_EQ(tel_uri("+1 (555) 010-0199"), "tel:+15550100199");
    EXPECT_EQ(parse_phone("+1 555 010 0199").number->extension, "");
}

TEST(PhoneNumber, RefusesWhatAPhoneCannotDialAndSaysWhy) {
    EXPECT_NE(parse_phone("call us").error.find("fewer than 3 digits"), std::string::npos);
    EXPECT_NE(parse_phone("0800-DOCTOR").error.find("\"DOCTOR\""), std::string::npos);
    EXPECT_NE(parse_phone("+34 912 + 345").error.find("'+'"), std::string::npos);
    EXPECT_NE(parse_phone("+34 912 345 678 ext. 12a").error.find("only have digits"), std::string::npos);
    EXPECT_NE(parse_phone("1234567890123456").error.find("more than 15"), std::string::npos);
    EXPECT_FALSE(parse_phone("+34 912 345 678 ext.").number) << "an extension marker with no digits";
}

TEST(PhoneNumber, GroupsAKeyedRunOfDigitsForReadingAloud) {
    EXPECT_EQ(group_phone_digits("+15550107777"), "+1 555 010 7777");
    EXPECT_EQ(group_phone_digits("+34912345678"), "+34 912 345 678");
    EXPECT_EQ(group_phone_digits("+447700900123"), "+44 770 090 0123");
    EXPECT_EQ(group_phone_digits("5550107777"), "555 010 7777");
    EXPECT_EQ(group_phone_digits("0612345678"), "0612 345 678");
    EXPECT_EQ(group_phone_digits("5550100"), "555 0100");
    EXPECT_EQ(group_phone_digits("+353 1 234 5678"), "+353 1 234 5678") << "the patient's own grouping is kept";
}

// kiosk check --config reports through these diagnostics: file:line and what to do.
TEST(PrinterSettings, ABadPhoneIsReportedWithItsLineAndWhatToDo) {
    const ConfigResult r = parse_config("[clinic]\nname = \"X\"\nphone = \"0800-DOCTOR\"\n", "kiosk.toml");
    ASSERT_FALSE(r.diagnostics.empty());
    const Diagnostic& d = r.diagnostics.front();
    EXPECT_EQ(d.file, "kiosk.toml");
    EXPECT_EQ(d.line, 3);
    EXPECT_NE(d.message.find("cannot be turned into a tel: link"), std::string::npos) << d.message;
    EXPECT_NE(d.hint.find("ext."), std::string::npos) << d.hint;
    EXPECT_TRUE(r.config.clinic.phone_hidden) << "no made-up number in its place";
    const ConfigResult ok = parse_config("[clinic]\nphone = \"+34 912 345 678 ext. 1234\"\n", "kiosk.toml");
    EXPECT_EQ(ok.config.clinic.phone, "+34 912 345 678 ext. 1234");
}

TEST(PrinterSettings, WidthDeskPrinterAndFallbackAreRead) {
    const ConfigResult r = parse_config(
        "[printer]\nuri = \"tcp://127.0.0.1:9100\"\nprint_width_dots = 512\nconfirm_seconds = 3\n"
        "[desk_printer]\nuri = \"cups://desk\"\npaper_width_mm = 58\nfallback = \"hide\"\n",
        "kiosk.toml");
    for (const auto& d : r.diagnostics) ADD_FAILURE() << d.line << ": " << d.message;
    EXPECT_EQ(effective_print_dots(r.config.printer), 512);
    EXPECT_EQ(r.config.printer.confirm_seconds, 3);
    EXPECT_EQ(r.config.desk_printer.printer.uri, "cups://desk");
    EXPECT_EQ(effective_print_dots(r.config.desk_printer.printer), 384) << "default from the paper width";
    EXPECT_EQ(r.config.desk_printer.without, DeskFallback::Hide);
    EXPECT_EQ(callback_route(r.config), CallbackRoute::DeskPrinter);

    const ConfigResult bad = parse_config(
        "[printer]\nuri = \"tcp://h:1\"\nprint_width_dots = 40\n"
        "[desk_printer]\nfallback = \"shred\"\n",
        "kiosk.toml");
    ASSERT_EQ(bad.diagnostics.size(), 3U) << "two errors and the summary";
    EXPECT_EQ(bad.diagnostics[0].line, 3);
    EXPECT_EQ(bad.diagnostics[1].line, 5);
    EXPECT_EQ(bad.config.printer.print_width_dots, 0) << "keeps its previous value";
    EXPECT_EQ(bad.config.desk_printer.without, DeskFallback::HandToDesk) << "the default: hand it to the desk";
    EXPECT_EQ(callback_route(bad.config), CallbackRoute::HandToDesk);
}

}  // namespace
}  // namespace kiosk
