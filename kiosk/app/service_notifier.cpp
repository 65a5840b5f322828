#include "service_notifier.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace kiosk {

namespace {

std::optional<std::uint64_t> env_number(const char* name) {
    const char* text = std::getenv(name);
    if (text == nullptr || *text == '\0') return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0') return std::nullopt;
    return value;
}

}  // namespace

// systemd sets WATCHDOG_PID to the unit's main process. Under cage that is the compositor, whose
// only client is the kiosk: sd_watchdog_enabled() would then say "not for you" and the unit would
// be killed for silence. So the kiosk keeps the watchdog when it is the main process or its child.
std::optional<std::uint64_t> watchdog_usec_for_this_process() {
    const auto usec = env_number("WATCHDOG_USEC");
    if (!usec || *usec == 0) return std::nullopt;
    if (const auto pid = env_number("WATCHDOG_PID")) {
        const auto self = static_cast<std::uint64_t>(getpid());
        const auto parent = static_cast<std::uint64_t>(getppid());
        if (*pid != self && *pid != parent) return std::nullopt;
    }
    return usec;
}

ServiceNotifier::ServiceNotifier(const Clock& clock) : clock_(clock) {
#ifdef KIOSK_HAVE_SYSTEMD
    if (const auto usec = watchdog_usec_for_this_process()) {
        // Half the interval, as sd_watchdog_enabled(3) advises: one late frame must not be fatal.
        interval_ = std::chrono::microseconds(*usec / 2);
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

void ServiceNotifier::on_frame_presented(std::size_t slide_count, bool more_coming) {
    if (ready_sent_ && status_slides_ == slide_count && status_more_coming_ == more_coming) return;
    std::string message = ready_sent_ ? "" : "READY=1\n";
    message += "STATUS=Showing " + std::to_string(slide_count) + (slide_count == 1 ? " slide" : " slides");
    if (more_coming) message += "; the others once their pictures are decoded";
    send(message);
    ready_sent_ = true;
    status_slides_ = slide_count;
    status_more_coming_ = more_coming;
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
