// kiosk.toml: every field has a default, a mistake costs that setting alone (file:line, "did you
// mean", the setting keeps its last good value), and the clinic's phone never falls back to the
// fictional placeholder.
#include "core/config.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk {
namespace {

const Diagnostic* first_error(const Diagnostics& diags) {
    const auto it = std::find_if(diags.begin(), diags.end(),
                                 [](const Diagnostic& d) { return d.severity == Severity::Error; });
    return it == diags.end() ? nullptr : &*it;
}

std::string joined(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.to_string() + "\n";
    return out;
}

// The defaults, field by field, so a rejected file can be shown to have changed nothing.
void expect_defaults(const KioskConfig& c) {
    const KioskConfig d;
    EXPECT_EQ(c.clinic.name, d.clinic.name) << "a rejected file leaves the clinic name at its default";
    EXPECT_EQ(c.clinic.phone, d.clinic.phone) << "a rejected file leaves the phone at its default";
    EXPECT_EQ(c.theme.background, d.theme.background) << "a rejected file leaves the theme at its default";
    EXPECT_EQ(c.theme.accent, d.theme.accent) << "a rejected file leaves the theme at its default";
    EXPECT_DOUBLE_EQ(c.player.transition_seconds, d.player.transition_seconds)
        << "a rejected file leaves the player at its default";
    EXPECT_EQ(c.printer.paper_width_mm, d.printer.paper_width_mm) << "a rejected file leaves the printer at its default";
    EXPECT_EQ(c.text.button_label, d.text.button_label) << "a rejected file leaves the patient texts at their default";
}

TEST(Config, MissingFileGivesDefaultsAndSaysSo) {
    test::TempDir dir;
    const auto file = dir.path() / "kiosk.toml";
    const ConfigResult r = load_config(file);
    expect_defaults(r.config);
    ASSERT_EQ(r.diagnostics.size(), 1u) << "a missing settings file is reported once";
    EXPECT_EQ(r.diagnostics[0].file, file.string()) << "the diagnostic names the file that was looked for";
    EXPECT_FALSE(r.diagnostics[0].hint.empty()) << "the diagnostic says what to do";
}

TEST(Config, EmptyTextGivesDefaultsWithoutComplaint) {
    const ConfigResult r = parse_config("", "kiosk.toml");
    expect_defaults(r.config);
    EXPECT_TRUE(r.diagnostics.empty()) << "an empty file is valid: every field has a default\n" << joined(r.diagnostics);
}

TEST(Config, DefaultsAreUsableAsShipped) {
    const KioskConfig c;
    EXPECT_TRUE(c.clinic.phone_is_placeholder()) << "the shipped phone is the fictional placeholder";
    EXPECT_LE(c.player.min_slide_seconds, c.player.max_slide_seconds) << "default reading-time clamp is ordered";
    EXPECT_GT(c.player.transition_seconds, 0) << "the default loop crossfades";
    EXPECT_TRUE(c.staff.pin_hash.empty()) << "no PIN is shipped: the staff panel starts disabled";
}

TEST(Config, FullValidFileIsAppliedEverywhere) {
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", R"(# Settings for the waiting room
[clinic]
name = "Harbour Physio"
phone = "+44 20 7946 0000"
hours = "Mon-Sat 7:00-19:00"

[theme]
background = "#101820"
text = "#FFFFFF"
accent = "#f2aa4c"
footer_background = "#000000"
footer_text = "#EEEEEE"
button_background = "#0B5E6B"
button_text = "#FFFFFF"
font_family = "DejaVu Sans"

[player]
transition_seconds = 0.5
idle_timeout_seconds = 45
min_slide_seconds = 6
max_slide_seconds = 30

[printer]
uri = "tcp://192.0.2.10:9100"
paper_width_mm = 58
codepage = "cp437"
raster_qr = true
job_deadline_seconds = 30
min_seconds_between_slips = 5
max_slips_per_hour = 12

[staff]
pin_hash = "$y$j9T$Qutubhk19EZmjXafWHedd0$aMd8NiUMi4Cd3t5A/tfDPAwQ/.gRdVlTcfDv9Unj1p6"
max_pin_attempts = 3
lockout_seconds = 600
stats_file = "/tmp/usage.log"

[text]
button_label = "Questions? Touch here"
no_slides = "Welcome!"
)");
    const ConfigResult r = load_config(file);
    EXPECT_TRUE(r.diagnostics.empty()) << "a valid file raises nothing\n" << joined(r.diagnostics);
    const KioskConfig& c = r.config;
    EXPECT_EQ(c.clinic.name, "Harbour Physio");
    EXPECT_EQ(c.clinic.phone, "+44 20 7946 0000");
    EXPECT_EQ(c.clinic.hours, "Mon-Sat 7:00-19:00");
    EXPECT_FALSE(c.clinic.phone_is_placeholder()) << "a real number is not the placeholder";
    EXPECT_EQ(c.theme.background, (Rgb{0x10, 0x18, 0x20})) << "#RRGGBB is read as hex";
    EXPECT_EQ(c.theme.accent, (Rgb{0xF2, 0xAA, 0x4C})) << "lower-case hex digits are accepted";
    EXPECT_EQ(c.theme.footer_text, (Rgb{0xEE, 0xEE, 0xEE}));
    EXPECT_EQ(c.theme.font_family, "DejaVu Sans");
    EXPECT_DOUBLE_EQ(c.player.transition_seconds, 0.5);
    EXPECT_DOUBLE_EQ(c.player.idle_timeout_seconds, 45);
    EXPECT_DOUBLE_EQ(c.player.min_slide_seconds, 6);
    EXPECT_DOUBLE_EQ(c.player.max_slide_seconds, 30);
    EXPECT_EQ(c.printer.uri, "tcp://192.0.2.10:9100");
    EXPECT_EQ(c.printer.paper_width_mm, 58);
    EXPECT_EQ(c.printer.codepage, "cp437");
    EXPECT_TRUE(c.printer.raster_qr);
    EXPECT_DOUBLE_EQ(c.printer.job_deadline_seconds, 30);
    EXPECT_DOUBLE_EQ(c.printer.min_seconds_between_slips, 5);
    EXPECT_EQ(c.printer.max_slips_per_hour, 12);
    EXPECT_EQ(c.staff.pin_hash, "$y$j9T$Qutubhk19EZmjXafWHedd0$aMd8NiUMi4Cd3t5A/tfDPAwQ/.gRdVlTcfDv9Unj1p6");  // `kiosk hash-pin` of 2468
    EXPECT_EQ(c.staff.max_pin_attempts, 3);
    EXPECT_DOUBLE_EQ(c.staff.lockout_seconds, 600);
    EXPECT_EQ(c.staff.stats_file, "/tmp/usage.log");
    EXPECT_EQ(c.text.button_label, "Questions? Touch here");
    EXPECT_EQ(c.text.no_slides, "Welcome!");
    EXPECT_EQ(c.text.close, KioskConfig{}.text.close) << "a sentence the file leaves out keeps its default";
}

TEST(Config, PartialFileKeepsDefaultsForTheRest) {
    const ConfigResult r = parse_config("[clinic]\nphone = \"+1 212 555 7788\"\n", "kiosk.toml");
    EXPECT_TRUE(r.diagnostics.empty()) << joined(r.diagnostics);
    EXPECT_EQ(r.config.clinic.phone, "+1 212 555 7788");
    EXPECT_EQ(r.config.clinic.name, KioskConfig{}.clinic.name) << "fields not in the file keep their defaults";
    EXPECT_EQ(r.config.theme.background, KioskConfig{}.theme.background);
}

TEST(Config, SyntaxErrorNamesFileAndLineAndKeepsTheLastGoodSettings) {
    const ConfigResult r = parse_config("[clinic]\nname = \"Harbour Physio\"\nphone = \"+44 20 7946 0000\n", "/etc/kiosk/kiosk.toml");
    EXPECT_FALSE(r.readable) << "a file that does not parse is not readable";
    EXPECT_EQ(r.config.clinic.name, KioskConfig{}.clinic.name) << "at first start the last good settings are the defaults";
    EXPECT_TRUE(r.config.clinic.phone_hidden)
        << "the broken line is the phone itself: no number is trusted, and the placeholder is not shown either";
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "an unterminated string is an error";
    EXPECT_EQ(e->file, "/etc/kiosk/kiosk.toml") << "the diagnostic names the file";
    EXPECT_EQ(e->line, 3) << "the diagnostic names the line of the broken string";
    EXPECT_NE(e->to_string().find("/etc/kiosk/kiosk.toml:3:"), std::string::npos)
        << "the printed diagnostic reads file:line: " << e->to_string();
    EXPECT_FALSE(e->hint.empty()) << "a syntax error says what to check";
    EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                            [](const Diagnostic& d) { return d.severity == Severity::Warning; }))
        << "staff are told the previous settings are kept";
}

TEST(Config, AnErrorCostsThatSettingAlone) {
    // The clinic section is fine, one theme colour is not: everything else is applied.
    const ConfigResult r = parse_config(
        "[clinic]\nname = \"Harbour Physio\"\nphone = \"+44 20 7946 0000\"\n[theme]\naccent = \"teal\"\ntext = \"#FFFFFF\"\n",
        "kiosk.toml");
    EXPECT_TRUE(has_errors(r.diagnostics));
    EXPECT_EQ(r.config.clinic.name, "Harbour Physio") << "a valid setting beside a bad one is applied";
    EXPECT_EQ(r.config.clinic.phone, "+44 20 7946 0000") << "the clinic's phone survives a bad colour";
    EXPECT_EQ(r.config.theme.text, (Rgb{0xFF, 0xFF, 0xFF})) << "a valid key of the same section is applied";
    EXPECT_EQ(r.config.theme.accent, KioskConfig{}.theme.accent) << "the bad colour alone keeps its default";
}

TEST(Config, MisspeltKeyBesideValidOnesKeepsThePhone) {
    // The issue's case: 'backgrund' under [theme] used to drop the whole file, phone included.
    const ConfigResult r = parse_config("[clinic]\nphone = \"+44 20 7946 0000\"\n[theme]\nbackgrund = \"#000000\"\n"
                                        "accent = \"#f2aa4c\"\n",
                                        "/etc/kiosk/kiosk.toml");
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "the typo is reported";
    EXPECT_EQ(e->to_string().rfind("/etc/kiosk/kiosk.toml:4:", 0), 0u) << "as file:line: " << e->to_string();
    EXPECT_NE(e->hint.find("Did you mean 'background'"), std::string::npos) << e->hint;
    EXPECT_EQ(r.config.clinic.phone, "+44 20 7946 0000") << "patients keep the clinic's number";
    EXPECT_FALSE(r.config.clinic.phone_hidden);
    EXPECT_EQ(r.config.theme.accent, (Rgb{0xF2, 0xAA, 0x4C})) << "the valid colour beside the typo is applied";
    EXPECT_EQ(r.config.theme.background, KioskConfig{}.theme.background) << "the meant key keeps its default";
}

TEST(Config, BadValueKeepsTheLastGoodValueNotTheDefault) {
    KioskConfig last;
    last.clinic.name = "Harbour Physio";
    last.clinic.phone = "+44 20 7946 0000";
    last.theme.accent = Rgb{1, 2, 3};
    last.player.transition_seconds = 0.5;
    last.text.button_label = "Questions?";
    last.display.rotate = 90;
    const ConfigResult r = parse_config("[clinic]\nname = \"Harbour Physio & Sports\"\nphone = \"call us\"\n"
                                        "[theme]\naccent = \"teal\"\n[player]\ntransition_seconds = 99\n"
                                        "[text]\nbuton_label = \"Touch\"\n[display]\nrotate = 45\n",
                                        "kiosk.toml", last);
    EXPECT_EQ(r.config.clinic.name, "Harbour Physio & Sports") << "the valid edit is applied";
    EXPECT_EQ(r.config.clinic.phone, "+44 20 7946 0000") << "a broken phone keeps the last good number";
    EXPECT_FALSE(r.config.clinic.phone_hidden);
    EXPECT_EQ(r.config.theme.accent, (Rgb{1, 2, 3})) << "a bad colour keeps the last good colour";
    EXPECT_DOUBLE_EQ(r.config.player.transition_seconds, 0.5) << "an out-of-range number keeps the last good one";
    EXPECT_EQ(r.config.text.button_label, "Questions?") << "a misspelt sentence key keeps the last good sentence";
    EXPECT_EQ(r.config.display.rotate, 90) << "a bad rotation keeps the last good one";
    int errors = 0;
    for (const auto& d : r.diagnostics) errors += d.severity == Severity::Error ? 1 : 0;
    EXPECT_EQ(errors, 5) << "each bad setting is reported once\n" << joined(r.diagnostics);
}

TEST(Config, LeftOutKeyReturnsToItsDefault) {
    KioskConfig last;
    last.clinic.name = "Harbour Physio";
    last.theme.accent = Rgb{1, 2, 3};
    const ConfigResult r = parse_config("[clinic]\nname = \"Harbour Physio\"\n", "kiosk.toml", last);
    EXPECT_TRUE(r.diagnostics.empty()) << joined(r.diagnostics);
    EXPECT_EQ(r.config.theme.accent, KioskConfig{}.theme.accent) << "deleting a line restores the default";
}

TEST(Config, RemovedPhoneLineKeepsTheRealNumber) {
    KioskConfig last;
    last.clinic.phone = "+44 20 7946 0000";
    const ConfigResult r = parse_config("[clinic]\nname = \"Harbour Physio\"\n", "kiosk.toml", last);
    EXPECT_EQ(r.config.clinic.phone, "+44 20 7946 0000") << "the placeholder never replaces a real number";
    EXPECT_FALSE(has_errors(r.diagnostics)) << "removing the line is allowed, with a warning";
    EXPECT_FALSE(r.diagnostics.empty()) << "staff are told the old number stays";
}

TEST(Config, SyntaxErrorKeepsEveryLastGoodSetting) {
    KioskConfig last;
    last.clinic.name = "Harbour Physio";
    last.clinic.phone = "+44 20 7946 0000";
    last.theme.accent = Rgb{1, 2, 3};
    const ConfigResult r = parse_config("[clinic]\nname = \"Other\"\n[theme\naccent = \"#000000\"\n", "kiosk.toml", last);
    EXPECT_FALSE(r.readable);
    EXPECT_EQ(r.config, last) << "nothing of an unparsable file is applied: the last good settings stay whole";
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->line, 3) << "the broken section header is named";
}

TEST(Config, SyntaxErrorAtFirstStartTrustsAPhoneAboveTheBrokenLine) {
    const ConfigResult r =
        parse_config("[clinic]\nphone = \"+44 20 7946 0000\"\n[theme]\naccent = \"#00000\n", "kiosk.toml");
    EXPECT_FALSE(r.readable);
    EXPECT_EQ(r.config.clinic.phone, "+44 20 7946 0000")
        << "the lines above the broken one parse alone, so their phone is what the clinic wrote";
    EXPECT_FALSE(r.config.clinic.phone_hidden);
    EXPECT_EQ(r.config.theme.accent, KioskConfig{}.theme.accent) << "everything else stays at the defaults";
}

TEST(Config, SyntaxErrorAtFirstStartHidesAPhoneItCannotTrust) {
    // The phone stands below the broken line: toml++ never read it, so it may mean anything.
    const ConfigResult below =
        parse_config("[theme]\naccent = \"#00000\n[clinic]\nphone = \"+44 20 7946 0000\"\n", "kiosk.toml");
    EXPECT_TRUE(below.config.clinic.phone_hidden) << "a phone below a syntax error is not trusted";
    EXPECT_TRUE(below.config.clinic.phone.empty()) << "a hidden phone holds no number at all";
    EXPECT_FALSE(below.config.clinic.phone_is_placeholder()) << "and the placeholder is not shown either";
    const bool warned = std::any_of(below.diagnostics.begin(), below.diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Warning && d.message.find("hidden") != std::string::npos;
    });
    EXPECT_TRUE(warned) << "staff are told the number is hidden\n" << joined(below.diagnostics);
    // A multi-line string opened above and never closed: the lines above do not parse alone.
    const ConfigResult open_string = parse_config(
        "[clinic]\nhours = \"\"\"Mon\nphone = \"+44 20 7946 0000\"\n[theme\n", "kiosk.toml");
    EXPECT_TRUE(open_string.config.clinic.phone_hidden) << "a phone inside a broken string is not trusted";
}

TEST(Config, MisspeltSectionKeepsItsSettings) {
    KioskConfig last;
    last.clinic.name = "Harbour Physio";
    last.clinic.phone = "+44 20 7946 0000";
    const ConfigResult r = parse_config("[clinc]\nname = \"Other\"\n[theme]\ntext = \"#FFFFFF\"\n", "kiosk.toml", last);
    EXPECT_EQ(r.config.clinic, last.clinic) << "[clinc] meant [clinic]: its settings keep their last good values";
    EXPECT_EQ(r.config.theme.text, (Rgb{0xFF, 0xFF, 0xFF})) << "the other sections are applied";
    const ConfigResult first = parse_config("[clinc]\nphone = \"+44 20 7946 0000\"\n", "kiosk.toml");
    EXPECT_TRUE(first.config.clinic.phone_hidden) << "at first start a misspelt [clinic] hides the phone";
}

TEST(Config, RotationIsRead) {
    for (const int deg : {0, 90, 180, 270}) {
        const ConfigResult r = parse_config("[display]\nrotate = " + std::to_string(deg) + "\n", "kiosk.toml");
        EXPECT_TRUE(r.diagnostics.empty()) << joined(r.diagnostics);
        EXPECT_EQ(r.config.display.rotate, deg);
    }
    for (const char* bad : {"45", "360", "-90", "\"90\"", "90.0"}) {
        const ConfigResult r = parse_config(std::string("[display]\nrotate = ") + bad + "\n", "kiosk.toml");
        const Diagnostic* e = first_error(r.diagnostics);
        ASSERT_NE(e, nullptr) << "rotate = " << bad << " is an error";
        EXPECT_EQ(e->line, 2);
        EXPECT_EQ(r.config.display.rotate, 0) << "a bad rotation keeps the default";
    }
}

TEST(Config, UnknownKeyIsRejectedWithSuggestion) {
    const ConfigResult r = parse_config("[clinic]\nname = \"Harbour Physio\"\nphnoe = \"+44 20 7946 0000\"\n", "kiosk.toml");
    EXPECT_EQ(r.config.clinic.name, "Harbour Physio") << "the valid key beside the typo is applied";
    EXPECT_TRUE(r.config.clinic.phone_hidden) << "'phnoe' meant the phone: at first start it is hidden, not the placeholder";
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "an unknown key is an error";
    EXPECT_EQ(e->line, 3) << "the unknown key's own line is named";
    EXPECT_NE(e->message.find("phnoe"), std::string::npos) << "the message quotes the unknown key: " << e->message;
    EXPECT_NE(e->hint.find("Did you mean 'phone'"), std::string::npos) << "a typo gets a suggestion: " << e->hint;
}

TEST(Config, UnknownSectionIsRejectedWithSuggestion) {
    const ConfigResult r = parse_config("\n[clinc]\nname = \"Harbour Physio\"\n", "kiosk.toml");
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "an unknown section is an error";
    EXPECT_EQ(e->line, 2) << "the section header's line is named";
    EXPECT_NE(e->hint.find("'clinic'"), std::string::npos) << "a misspelt section gets a suggestion: " << e->hint;
}

TEST(Config, UnknownTextKeyIsRejectedWithSuggestion) {
    const ConfigResult r = parse_config("[text]\nbuton_label = \"Touch me\"\n", "kiosk.toml");
    expect_defaults(r.config);
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "an unknown sentence key is an error";
    EXPECT_EQ(e->line, 2);
    EXPECT_NE(e->hint.find("Did you mean 'button_label'"), std::string::npos)
        << "a typo in [text] gets a suggestion like everywhere else: " << e->hint;
}

TEST(Config, FarOffUnknownKeyListsTheKnownOnes) {
    const ConfigResult r = parse_config("[player]\nshuffle = true\n", "kiosk.toml");
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr);
    EXPECT_NE(e->hint.find("transition_seconds"), std::string::npos)
        << "with no plausible typo, the hint lists the keys that exist: " << e->hint;
}

TEST(Config, BadColourIsRejected) {
    for (const char* bad : {"\"teal\"", "\"#12345\"", "\"#12345G\"", "\"123456\"", "\"#1234567\""}) {
        const ConfigResult r = parse_config(std::string("[theme]\n\naccent = ") + bad + "\n", "kiosk.toml");
        const Diagnostic* e = first_error(r.diagnostics);
        ASSERT_NE(e, nullptr) << "a colour must be #RRGGBB, so " << bad << " is an error";
        EXPECT_EQ(e->line, 3) << "the colour's line is named";
        EXPECT_NE(e->message.find("accent"), std::string::npos) << "the message names the key: " << e->message;
        EXPECT_NE(e->hint.find("#RRGGBB"), std::string::npos) << "the hint shows the colour format: " << e->hint;
        expect_defaults(r.config);
    }
}

TEST(Config, WrongTypeIsRejected) {
    {
        const ConfigResult r = parse_config("[player]\ntransition_seconds = \"fast\"\n", "kiosk.toml");
        const Diagnostic* e = first_error(r.diagnostics);
        ASSERT_NE(e, nullptr) << "text where a number belongs is an error";
        EXPECT_EQ(e->line, 2);
        EXPECT_NE(e->message.find("number"), std::string::npos) << "the message says a number is wanted: " << e->message;
        EXPECT_FALSE(e->hint.empty());
    }
    {
        const ConfigResult r = parse_config("[clinic]\nname = 42\n", "kiosk.toml");
        const Diagnostic* e = first_error(r.diagnostics);
        ASSERT_NE(e, nullptr) << "a number where text belongs is an error";
        EXPECT_NE(e->message.find("text"), std::string::npos) << e->message;
    }
    {
        const ConfigResult r = parse_config("[printer]\nraster_qr = \"yes\"\n", "kiosk.toml");
        ASSERT_NE(first_error(r.diagnostics), nullptr) << "text where true/false belongs is an error";
        EXPECT_FALSE(r.config.printer.raster_qr);
    }
    {
        const ConfigResult r = parse_config("[printer]\nmax_slips_per_hour = 2.5\n", "kiosk.toml");
        ASSERT_NE(first_error(r.diagnostics), nullptr) << "a fraction where a whole number belongs is an error";
    }
    {
        const ConfigResult r = parse_config("clinic = \"Harbour\"\n", "kiosk.toml");
        ASSERT_NE(first_error(r.diagnostics), nullptr) << "a value where a section belongs is an error";
    }
}

TEST(Config, OutOfRangeValuesAreRejected) {
    for (const char* bad : {"[player]\ntransition_seconds = 99\n", "[printer]\npaper_width_mm = 70\n",
                            "[player]\nmin_slide_seconds = 20\nmax_slide_seconds = 10\n",
                            "[text]\nclose = \"\"\n"}) {
        const ConfigResult r = parse_config(bad, "kiosk.toml");
        EXPECT_TRUE(has_errors(r.diagnostics)) << "out-of-range setting must be rejected:\n" << bad;
        expect_defaults(r.config);
    }
}

TEST(Config, PlaceholderPhoneIsDetected) {
    EXPECT_TRUE(parse_config("", "kiosk.toml").config.clinic.phone_is_placeholder())
        << "no phone in the file means the fictional placeholder is in use";
    const ConfigResult same =
        parse_config("[clinic]\nphone = \"" + std::string(kPlaceholderPhone) + "\"\n", "kiosk.toml");
    EXPECT_TRUE(same.config.clinic.phone_is_placeholder()) << "writing the placeholder itself is still the placeholder";
    const ConfigResult real = parse_config("[clinic]\nphone = \"(555) 867-5309\"\n", "kiosk.toml");
    EXPECT_FALSE(real.config.clinic.phone_is_placeholder()) << "a clinic's own number is not the placeholder";
}

TEST(Config, NonsensePhoneIsRejected) {
    const ConfigResult r = parse_config("[clinic]\nphone = \"call us\"\n", "kiosk.toml");
    const Diagnostic* e = first_error(r.diagnostics);
    ASSERT_NE(e, nullptr) << "a phone with no digits is an error";
    EXPECT_EQ(e->line, 2);
    EXPECT_TRUE(r.config.clinic.phone_hidden) << "a broken phone at first start hides the number";
    EXPECT_FALSE(r.config.clinic.phone_is_placeholder()) << "patients are never shown the placeholder for it";
}

}  // namespace
}  // namespace kiosk
