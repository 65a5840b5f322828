// Test-only: searches a live process's private memory (heap, thread arenas, stacks, writable data)
// for a byte string, the way someone with root on a stolen kiosk would look for a patient's data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

struct MemoryHit {
    std::string mapping;  // the /proc/PID/maps line of the region it was found in
    unsigned long address = 0;
};

struct MemoryScan {
    std::vector<MemoryHit> hits;
    unsigned long bytes_scanned = 0;
    int regions_scanned = 0;
    std::string error;  // empty on success (e.g. "cannot open /proc/123/mem: Permission denied")
};

// Every readable private mapping that is anonymous or writable ([heap], [stack], thread stacks and
// malloc arenas, .data/.bss), read through /proc/PID/mem. Read-only file mappings (code, fonts,
// rodata) are skipped: they hold what was on disk, not what a patient typed.
[[nodiscard]] MemoryScan scan_process_memory(int pid, std::string_view needle);

// "3 hits: 0x55d1... in 55d1...-55d2... rw-p 00000000 00:00 0 [heap]; ...", for failure messages.
[[nodiscard]] std::string describe(const MemoryScan& scan);

}  // namespace kiosk::test
