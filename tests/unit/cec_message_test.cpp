// The HDMI-CEC frames the kiosk hands the kernel: header nibbles (initiator, destination) and
// opcodes exactly as the CEC 1.4 specification numbers them.
#include "core/cec_message.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(CecMessage, StandbyFromPlaybackDeviceToTv) {
    const cec::Frame f = cec::standby(4);  // logical address 4 = Playback Device 1
    ASSERT_EQ(f.len, 2);
    EXPECT_EQ(f.bytes[0], 0x40) << "initiator 4 in the high nibble, TV (0) in the low";
    EXPECT_EQ(f.bytes[1], 0x36) << "<Standby>";
    EXPECT_EQ(cec::to_hex(f), "40:36");
}

TEST(CecMessage, StandbyBroadcast) {
    EXPECT_EQ(cec::to_hex(cec::standby(4, cec::kBroadcast)), "4f:36");
    EXPECT_EQ(cec::to_hex(cec::standby(0xE, cec::kBroadcast)), "ef:36") << "a Specific Use address";
}

TEST(CecMessage, ImageViewOnGoesToTheTv) {
    const cec::Frame f = cec::image_view_on(8);
    ASSERT_EQ(f.len, 2);
    EXPECT_EQ(f.bytes[0], 0x80);
    EXPECT_EQ(f.bytes[1], 0x04) << "<Image View On>";
}

TEST(CecMessage, ActiveSourceCarriesThePhysicalAddress) {
    EXPECT_EQ(cec::to_hex(cec::active_source(4, 0x1000)), "4f:82:10:00") << "broadcast, HDMI input 1.0.0.0";
    EXPECT_EQ(cec::to_hex(cec::active_source(4, 0x2100)), "4f:82:21:00");
}

TEST(CecMessage, AddressesAreMaskedToANibble) {
    EXPECT_EQ(cec::standby(0x14, 0x10).bytes[0], 0x40) << "a stray high bit must not corrupt the header";
}

}  // namespace
}  // namespace kiosk
