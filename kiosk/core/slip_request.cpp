#include "slip_request.h"

#include <algorithm>

namespace kiosk {

namespace {
void scrub(std::string& s) {
    // Volatile writes so the compiler cannot drop them as dead stores.
    volatile char* p = s.data();
    for (size_t i = 0; i < s.size(); ++i) p[i] = '\0';
    s.clear();
    s.shrink_to_fit();
}
}  // namespace

void SlipRequest::wipe() {
    scrub(patient_name);
    scrub(patient_phone);
}

}  // namespace kiosk
