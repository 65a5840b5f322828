#include "slip_request.h"

#include "wiping_allocator.h"

namespace kiosk {

void SlipRequest::wipe() {
    scrub(patient_name);
    scrub(patient_phone);
}

}  // namespace kiosk
