#include "cec_message.h"

namespace kiosk::cec {

namespace {
std::uint8_t header(std::uint8_t from, std::uint8_t to) {
    return static_cast<std::uint8_t>(((from & 0xF) << 4) | (to & 0xF));
}
}  // namespace

Frame standby(std::uint8_t from, std::uint8_t to) {
    Frame f;
    f.len = 2;
    f.bytes[0] = header(from, to);
    f.bytes[1] = kOpStandby;
    return f;
}

Frame image_view_on(std::uint8_t from) {
    Frame f;
    f.len = 2;
    f.bytes[0] = header(from, kTv);
    f.bytes[1] = kOpImageViewOn;
    return f;
}

Frame active_source(std::uint8_t from, std::uint16_t physical_address) {
    Frame f;
    f.len = 4;
    f.bytes[0] = header(from, kBroadcast);
    f.bytes[1] = kOpActiveSource;
    f.bytes[2] = static_cast<std::uint8_t>(physical_address >> 8);
    f.bytes[3] = static_cast<std::uint8_t>(physical_address & 0xFF);
    return f;
}

std::string to_hex(const Frame& f) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t i = 0; i < f.len && i < f.bytes.size(); ++i) {
        if (i) out += ':';
        out += kDigits[f.bytes[i] >> 4];
        out += kDigits[f.bytes[i] & 0xF];
    }
    return out;
}

}  // namespace kiosk::cec
