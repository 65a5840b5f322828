#include "qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace kiosk {

namespace {
struct QrcodeDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};
}  // namespace

QrMatrix make_qr(std::string_view payload) {
    if (payload.empty()) return {};
    const std::string text(payload);  // libqrencode wants a NUL-terminated string
    const std::unique_ptr<QRcode, QrcodeDeleter> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!code || code->width <= 0) return {};
    QrMatrix m;
    m.size = code->width;
    const auto n = static_cast<size_t>(m.size) * static_cast<size_t>(m.size);
    m.modules.resize(n);
    // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
    for (size_t i = 0; i < n; ++i) m.modules[i] = code->data[i] & 1U;
    return m;
}

}  // namespace kiosk
