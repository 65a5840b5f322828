#include "service_notifier.h"

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace kiosk {

ServiceNotifier::ServiceNotifier(const Clock& clock) : clock_(clock) {
#ifdef KIOSK_HAVE_SYSTEMD
    std::uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) is this process.
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        // Half the interval, as sd_watchdog_enabled(3) advises: one late frame must not be fatal.
        interval_ = std::chrono::microseconds(usec / 2);
        next_ping_ = clock_.steady();
    }
#endif
}

ServiceNotifier::~ServiceNotifier() {
    if (ready_sent_) send("STOPPING=1\nSTATUS=Stopping");
}

void ServiceNotifier::send([[maybe_unused]] const std::string& message) const {
#ifdef KIOSK_HAVE_SYSTEMD
    // Returns 0 without NOTIFY_SOCKET (not under systemd): nothing to do, nothing to report.
    sd_notify(0, message.c_str());
#endif
}

void ServiceNotifier::on_frame_presented(std::size_t slide_count) {
    if (ready_sent_ && status_slides_ == slide_count) return;
    std::string message = ready_sent_ ? "" : "READY=1\n";
    message += "STATUS=Showing " + std::to_string(slide_count) + (slide_count == 1 ? " slide" : " slides");
    send(message);
    ready_sent_ = true;
    status_slides_ = slide_count;
}

void ServiceNotifier::tick() {
    if (!watchdog_enabled()) return;
    const SteadyTime now = clock_.steady();
    if (now < next_ping_) return;
    send("WATCHDOG=1");
    // From now, not from the missed deadline: after a stall there is no burst of catch-up pings.
    next_ping_ = now + interval_;
}

std::optional<SteadyTime> ServiceNotifier::next_deadline() const {
    if (!watchdog_enabled()) return std::nullopt;
    return next_ping_;
}

}  // namespace kiosk
