#include "pin_hash_setting.h"

#include "pin_lock.h"

namespace kiosk {

void check_pin_hash_setting(const toml_util::Context& ctx, const toml::table& staff) {
    const toml::node* node = staff.get("pin_hash");
    const auto* value = node ? node->as_string() : nullptr;
    if (!value || value->get().empty()) return;  // absent or empty: the panel is off on purpose
    if (const auto problem = pin_hash_problem(value->get())) {
        ctx.warning(ctx.line_of(*node), *problem, std::string(kPinHashHint));
    }
}

}  // namespace kiosk
