// [status] in kiosk.toml: where the kiosk reports its health besides status.json in the state folder.
#pragma once

#include <string>

namespace kiosk {

struct StatusConfig {
    std::string prometheus_dir;  // node-exporter textfile collector folder for kiosk.prom; empty = off
    friend bool operator==(const StatusConfig&, const StatusConfig&) = default;
};

}  // namespace kiosk
