// HDMI-CEC messages the kiosk sends to power the waiting-room TV down and up, as the bytes the
// kernel's CEC_TRANSMIT takes (header = initiator << 4 | destination, then opcode and operands).
// Encoding lives here so it is unit-tested; the ioctls themselves are in app/display_power.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace kiosk::cec {

inline constexpr std::uint8_t kTv = 0x0;
inline constexpr std::uint8_t kBroadcast = 0xF;
inline constexpr std::uint8_t kOpImageViewOn = 0x04;
inline constexpr std::uint8_t kOpStandby = 0x36;
inline constexpr std::uint8_t kOpActiveSource = 0x82;

struct Frame {
    std::uint8_t len = 0;
    std::array<std::uint8_t, 16> bytes{};  // CEC_MAX_MSG_SIZE
    friend bool operator==(const Frame&, const Frame&) = default;
};

// <Standby> from our logical address to the TV (or kBroadcast: every device on the bus).
[[nodiscard]] Frame standby(std::uint8_t from, std::uint8_t to = kTv);
// <Image View On>: wakes the TV; always addressed to the TV.
[[nodiscard]] Frame image_view_on(std::uint8_t from);
// <Active Source> with our physical address (e.g. 0x1000 = HDMI 1), so the TV switches to our input.
[[nodiscard]] Frame active_source(std::uint8_t from, std::uint16_t physical_address);

// "40:36" style, as cec-ctl prints frames, for the log.
[[nodiscard]] std::string to_hex(const Frame& f);

}  // namespace kiosk::cec
