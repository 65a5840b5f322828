#include "display_power.h"

#include "core/cec_message.h"
#include "core/unique_fd.h"

#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <fcntl.h>
#include <linux/cec.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kiosk {

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

bool transmit(int fd, const cec::Frame& f) {
    cec_msg msg{};
    msg.len = f.len;
    std::memcpy(msg.msg, f.bytes.data(), f.len);
    msg.timeout = 0;  // no reply expected: wait only for the transmit itself
    if (ioctl(fd, CEC_TRANSMIT, &msg) != 0) return false;
    return (msg.tx_status & CEC_TX_STATUS_OK) != 0;
}

// An adapter nobody configured (no cec-ctl at boot) has no logical address: claim one as a
// playback device, as a media player on the TV's HDMI input would.
void claim_logical_address(int fd) {
    cec_log_addrs la{};
    la.cec_version = CEC_OP_CEC_VERSION_1_4;
    la.num_log_addrs = 1;
    la.vendor_id = CEC_VENDOR_ID_NONE;
    std::strncpy(la.osd_name, "kiosk", sizeof la.osd_name - 1);
    la.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    la.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    la.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    (void)ioctl(fd, CEC_ADAP_S_LOG_ADDRS, &la);
}

}  // namespace

std::string cec_set_power(bool on) {
    std::string device;
    for (int i = 0; i < 4 && device.empty(); ++i) {
        const std::string p = "/dev/cec" + std::to_string(i);
        if (std::error_code ec; std::filesystem::exists(p, ec)) device = p;
    }
    if (device.empty()) return "no CEC adapter";
    const UniqueFd fd(::open(device.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd) return "cannot open " + device + ": " + errno_text();
    __u32 mode = CEC_MODE_INITIATOR;
    if (ioctl(fd.get(), CEC_S_MODE, &mode) != 0) return device + ": cannot become initiator: " + errno_text();
    cec_log_addrs la{};
    if (ioctl(fd.get(), CEC_ADAP_G_LOG_ADDRS, &la) != 0) return device + ": " + errno_text();
    if (la.num_log_addrs == 0) {
        claim_logical_address(fd.get());
        la = {};
        (void)ioctl(fd.get(), CEC_ADAP_G_LOG_ADDRS, &la);
    }
    if (la.num_log_addrs == 0 || la.log_addr[0] == CEC_LOG_ADDR_INVALID) {
        return device + ": no logical address (is a TV connected by HDMI?)";
    }
    const std::uint8_t from = la.log_addr[0];
    if (!on) {
        const cec::Frame f = cec::standby(from, cec::kTv);
        return transmit(fd.get(), f) ? "standby (" + cec::to_hex(f) + ")" : "the TV did not acknowledge standby";
    }
    const cec::Frame f = cec::image_view_on(from);
    if (!transmit(fd.get(), f)) return "the TV did not acknowledge image view on";
    __u16 phys = CEC_PHYS_ADDR_INVALID;
    if (ioctl(fd.get(), CEC_ADAP_G_PHYS_ADDR, &phys) == 0 && phys != CEC_PHYS_ADDR_INVALID) {
        (void)transmit(fd.get(), cec::active_source(from, phys));  // switch the TV to our input
    }
    return "on (" + cec::to_hex(f) + ")";
}

std::string dpms_set_power(bool on) {
    Display* d = XOpenDisplay(nullptr);
    if (!d) return "not supported (cannot open the X display)";
    std::string result;
    int event_base = 0, error_base = 0;
    if (!DPMSQueryExtension(d, &event_base, &error_base) || !DPMSCapable(d)) {
        result = "not supported (the X server has no DPMS)";
    } else {
        // DPMS must be enabled for a forced level to hold; in the morning it is switched off again so
        // the server's own idle timeouts never blank the slides.
        if (on) {
            DPMSForceLevel(d, DPMSModeOn);
            DPMSDisable(d);
        } else {
            DPMSEnable(d);
            DPMSForceLevel(d, DPMSModeOff);
        }
        XSync(d, False);
        CARD16 level = 0;
        BOOL enabled = False;
        DPMSInfo(d, &level, &enabled);
        const bool is_off = enabled && level != DPMSModeOn;
        if (is_off == !on) {
            result = on ? "on" : "standby";
        } else {
            result = std::string("asked for ") + (on ? "on" : "standby") + " but the monitor stays " +
                     (is_off ? "off" : "on");
        }
    }
    XCloseDisplay(d);
    return result;
}

DisplayPower::DisplayPower(std::string video_driver, bool enabled)
    : driver_(std::move(video_driver)), enabled_(enabled) {
    state_ = enabled_ ? "on" : "on (power_off_screen = false: dark means black only)";
    if (enabled_) thread_ = std::jthread([this](std::stop_token st) { worker(st); });
}

DisplayPower::~DisplayPower() {
    if (thread_.joinable()) {
        thread_.request_stop();
        wake_.notify_all();
    }
}

void DisplayPower::request(bool on) {
    if (!enabled_) return;
    {
        std::lock_guard lock(mutex_);
        wanted_ = on;
    }
    wake_.notify_all();
}

std::string DisplayPower::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void DisplayPower::worker(std::stop_token stop) {
    std::optional<bool> done;
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
        wake_.wait(lock, stop, [&] { return wanted_ && wanted_ != done; });
        if (stop.stop_requested()) break;
        const bool on = *wanted_;
        lock.unlock();
        std::string dpms;
        if (driver_ == "x11") {
            dpms = dpms_set_power(on);
        } else {
            dpms = "not supported (" + driver_ +
                   (driver_ == "wayland" ? ": the compositor cannot power the output off)" : ")");
        }
        const std::string cec = cec_set_power(on);
        lock.lock();
        done = on;
        state_ = "dpms: " + dpms + "; cec: " + cec;
    }
}

}  // namespace kiosk
