#include "config_change.h"

namespace kiosk {

ConfigChange config_change(const KioskConfig& before, const KioskConfig& after) {
    ConfigChange c;
    c.fonts = before.theme.font_family != after.theme.font_family;
    c.layout = before.display.rotate != after.display.rotate;
    c.player = before.player != after.player;
    // {clinic}, {phone}, {hours} and the hidden phone's sentence are filled into slides at load;
    // reading times come from [player].
    c.deck = before.clinic != after.clinic || before.text != after.text || c.player;
    c.printer = before.printer != after.printer;
    // The staff flow's corner size follows the layout, its timeout the player's idle timeout.
    c.staff = before.staff != after.staff || before.player.idle_timeout_seconds != after.player.idle_timeout_seconds ||
              c.layout;
    c.usage_log = before.staff.stats_file != after.staff.stats_file;
    return c;
}

}  // namespace kiosk
