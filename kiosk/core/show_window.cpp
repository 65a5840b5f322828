#include "show_window.h"

namespace kiosk {

bool ShowWindow::allows(const LocalTime& t) const {
    const CivilDate today{t.year, t.month, t.day};
    if (from && today < *from) return false;
    if (until && today > *until) return false;
    if ((days & (1u << t.weekday)) == 0) return false;
    const int minute = t.hour * 60 + t.minute;
    if (start_minute <= end_minute) return minute >= start_minute && minute < end_minute;
    return minute >= start_minute || minute < end_minute;  // e.g. "22:00-06:00"
}

}  // namespace kiosk
