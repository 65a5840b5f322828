// Which parts of the running kiosk a kiosk.toml reload rebuilds: only those whose settings changed
// (a new clinic name must not drop the printer's connection or a staff lockout).
#include "core/config_change.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(ConfigChange, SameSettingsChangeNothing) {
    EXPECT_FALSE(config_change(KioskConfig{}, KioskConfig{}).any());
}

TEST(ConfigChange, ClinicNameReloadsSlidesButKeepsPrinterAndStaff) {
    KioskConfig after;
    after.clinic.name = "Harbour Physio";
    const ConfigChange c = config_change(KioskConfig{}, after);
    EXPECT_TRUE(c.deck) << "slides fill in {clinic}";
    EXPECT_FALSE(c.printer) << "the print worker is kept";
    EXPECT_FALSE(c.staff) << "the PIN lockout is kept";
    EXPECT_FALSE(c.player);
    EXPECT_FALSE(c.layout);
}

TEST(ConfigChange, PrinterSettingsRebuildOnlyThePrinter) {
    KioskConfig after;
    after.printer.uri = "tcp://127.0.0.1:9100";
    const ConfigChange c = config_change(KioskConfig{}, after);
    EXPECT_TRUE(c.printer);
    EXPECT_FALSE(c.deck);
    EXPECT_FALSE(c.staff);
}

TEST(ConfigChange, ThemeColoursNeedNoRebuildBeyondThePainter) {
    KioskConfig after;
    after.theme.accent = Rgb{1, 2, 3};
    EXPECT_FALSE(config_change(KioskConfig{}, after).any()) << "a colour is read by the painter each frame";
    after.theme.font_family = "DejaVu Sans";
    EXPECT_TRUE(config_change(KioskConfig{}, after).fonts);
}

TEST(ConfigChange, RotationChangesLayoutAndStaffCorner) {
    KioskConfig after;
    after.display.rotate = 90;
    const ConfigChange c = config_change(KioskConfig{}, after);
    EXPECT_TRUE(c.layout);
    EXPECT_TRUE(c.staff) << "the corner hold area follows the layout";
    EXPECT_FALSE(c.printer);
}

TEST(ConfigChange, PlayerTimingsReachThePlayerAndTheSlides) {
    KioskConfig after;
    after.player.max_slide_seconds = 20;
    const ConfigChange c = config_change(KioskConfig{}, after);
    EXPECT_TRUE(c.player);
    EXPECT_TRUE(c.deck) << "reading times are clamped at load";
    EXPECT_FALSE(c.staff) << "only the idle timeout concerns the staff flow";
    after.player.idle_timeout_seconds = 45;
    EXPECT_TRUE(config_change(KioskConfig{}, after).staff);
}

TEST(ConfigChange, StatsFileMovesTheUsageLog) {
    KioskConfig after;
    after.staff.stats_file = "/tmp/usage.log";
    const ConfigChange c = config_change(KioskConfig{}, after);
    EXPECT_TRUE(c.usage_log);
    EXPECT_TRUE(c.staff);
}

TEST(ConfigChange, HiddenPhoneReloadsSlides) {
    KioskConfig after;
    after.clinic.phone.clear();
    after.clinic.phone_hidden = true;
    EXPECT_TRUE(config_change(KioskConfig{}, after).deck) << "slides showing {phone} must stop showing a number";
}

}  // namespace
}  // namespace kiosk
