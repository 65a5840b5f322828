// kiosk.toml's [display] as clinic staff write it: the accepted spellings, and every mistake
// reported at its line with what to do, costing only the days it names.
#include "core/display_schedule_config.h"
#include "core/config.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

ConfigResult parse(const std::string& text) {
    return parse_config(text, "kiosk.toml");
}

std::string all(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d) out += x.to_string() + "\n";
    return out;
}

TEST(DisplayScheduleConfig, SpellingsStaffUse) {
    const ConfigResult r = parse(
        "[display]\n"
        "monday = \"7:30-19:00\"\n"
        "tue-fri = [\"08:00-12:00\", \"13:00-18:00\"]\n"
        "sat = \"All day\"\n"
        "sun = \"off\"\n"
        "wake_minutes = 2\n"
        "power_off_screen = false\n");
    ASSERT_TRUE(r.diagnostics.empty()) << all(r.diagnostics);
    const auto& d = r.config.display_schedule;
    EXPECT_FALSE(d.schedule.always_on);
    EXPECT_EQ(d.schedule.days[1], (std::vector<OnWindow>{{450, 1140}}));
    EXPECT_EQ(d.schedule.days[3], (std::vector<OnWindow>{{480, 720}, {780, 1080}}));
    EXPECT_EQ(d.schedule.days[6], (std::vector<OnWindow>{{0, 1440}}));
    EXPECT_TRUE(d.schedule.days[0].empty());
    EXPECT_DOUBLE_EQ(d.wake_minutes, 2);
    EXPECT_FALSE(d.power_off_screen);
}

TEST(DisplayScheduleConfig, ABadTimeIsReportedAtItsLineAndThatDayStaysLit) {
    const ConfigResult r = parse(
        "[clinic]\n"
        "phone = \"+1 555 010 0142\"\n"
        "[display]\n"
        "mon-fri = \"07:30-19:00\"\n"
        "sat = \"8-12\"\n"
        "sun = \"off\"\n");
    ASSERT_FALSE(r.diagnostics.empty());
    const Diagnostic& e = r.diagnostics[0];
    EXPECT_EQ(e.file, "kiosk.toml");
    EXPECT_EQ(e.line, 5);
    EXPECT_NE(e.message.find("\"8-12\" is not a time range"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("stays on all day on sat"), std::string::npos) << e.message;
    EXPECT_NE(e.hint.find("07:30-19:00"), std::string::npos) << "the hint shows how to write it: " << e.hint;
}

TEST(DisplayScheduleConfig, TheBadDayAloneFallsBack) {
    // Called directly (as the per-key config reader does): the good days keep their times.
    Diagnostics diags;
    const toml_util::Context ctx{"kiosk.toml", 0, &diags};
    const toml::table t = toml::parse("mon-fri = \"07:30-19:00\"\nsat = \"25:00-26:00\"\nsun = \"off\"\n");
    DisplayScheduleConfig out;
    parse_display_schedule(ctx, t, out);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].line, 2);
    EXPECT_EQ(out.schedule.days[2], (std::vector<OnWindow>{{450, 1140}}));
    EXPECT_EQ(out.schedule.days[6], (std::vector<OnWindow>{{0, 1440}}))
        << "a broken day stays lit, never dark by mistake";
    EXPECT_TRUE(out.schedule.days[0].empty());
}

TEST(DisplayScheduleConfig, TyposAndDoubledDaysAreNamed) {
    const ConfigResult r = parse(
        "[display]\nmonn = \"07:00-19:00\"\nmon-fri = \"07:00-19:00\"\nwed = \"off\"\n"
        "sat-sun = \"off\"\n");
    const std::string text = all(r.diagnostics);
    EXPECT_NE(text.find("kiosk.toml:2: error: unknown key 'monn' in [display]"), std::string::npos) << text;
    EXPECT_NE(text.find("Did you mean 'mon'?"), std::string::npos) << text;
    EXPECT_NE(text.find("kiosk.toml:4: error: 'wed' sets wed again"), std::string::npos) << text;
}

TEST(DisplayScheduleConfig, MissingDaysWarnAndStayLit) {
    const ConfigResult r = parse("[display]\nmon-fri = \"07:30-19:00\"\n");
    ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
    EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
    EXPECT_NE(r.diagnostics[0].message.find("sat, sun"), std::string::npos) << r.diagnostics[0].message;
    EXPECT_EQ(r.config.display_schedule.schedule.days[0], (std::vector<OnWindow>{{0, 1440}}));
}

TEST(DisplayScheduleConfig, SameStartAndEndAndWrongTypes) {
    const ConfigResult r = parse("[display]\nmon = \"08:00-08:00\"\ntue = 8\nevery_day = \"off\"\n");
    const std::string text = all(r.diagnostics);
    EXPECT_NE(text.find(":2: error: [display] mon: \"08:00-08:00\" starts and ends at the same time"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(":3: error: [display] tue: it is not text"), std::string::npos) << text;
}

TEST(StatusConfig, PrometheusDir) {
    const ConfigResult r = parse("[status]\nprometheus_dir = \"/var/lib/prometheus/node-exporter\"\n");
    EXPECT_TRUE(r.diagnostics.empty()) << all(r.diagnostics);
    EXPECT_EQ(r.config.status.prometheus_dir, "/var/lib/prometheus/node-exporter");
    EXPECT_TRUE(parse("").config.status.prometheus_dir.empty()) << "off by default";
}

TEST(DeployedKioskToml, ItsDisplayAndStatusSectionsParse) {
    const ConfigResult r = load_config(KIOSK_SOURCE_DIR "/deploy/kiosk.toml");
    for (const auto& d : r.diagnostics) EXPECT_NE(d.severity, Severity::Error) << d.to_string();
    EXPECT_TRUE(r.config.display_schedule.schedule.always_on) << "shipped always on: a clinic opts in to a schedule";
}

}  // namespace
}  // namespace kiosk
