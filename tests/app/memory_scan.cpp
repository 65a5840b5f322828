#include "app/memory_scan.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kiosk::test {

namespace {

struct Region {
    unsigned long start = 0, end = 0;
    std::string line;
};

std::vector<Region> regions_to_scan(int pid) {
    std::vector<Region> out;
    std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
    std::string line;
    while (std::getline(maps, line)) {
        std::istringstream in(line);
        std::string range, perms, offset, dev, inode, path;
        in >> range >> perms >> offset >> dev >> inode;
        std::getline(in >> std::ws, path);
        if (perms.size() < 4 || perms[0] != 'r' || perms[3] != 'p') continue;  // readable, private
        if (path == "[vvar]" || path == "[vsyscall]" || path == "[vdso]") continue;
        const bool anonymous = path.empty() || path.front() == '[';
        if (!anonymous && perms[1] != 'w') continue;  // what came from disk unchanged
        Region r;
        const size_t dash = range.find('-');
        r.start = std::stoul(range.substr(0, dash), nullptr, 16);
        r.end = std::stoul(range.substr(dash + 1), nullptr, 16);
        r.line = line;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

MemoryScan scan_process_memory(int pid, std::string_view needle) {
    MemoryScan scan;
    const std::string mem_path = "/proc/" + std::to_string(pid) + "/mem";
    const int fd = ::open(mem_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        scan.error = "cannot open " + mem_path + ": " + std::strerror(errno);
        return scan;
    }
    const std::vector<Region> regions = regions_to_scan(pid);
    if (regions.empty()) scan.error = "no readable private mapping listed in /proc/" + std::to_string(pid) + "/maps";
    constexpr unsigned long kChunk = 1UL << 20;
    std::vector<char> buf;
    for (const Region& r : regions) {
        ++scan.regions_scanned;
        // Chunks overlap by the needle's length so a match across a chunk border is found too.
        for (unsigned long at = r.start; at < r.end;) {
            const unsigned long len = std::min(kChunk + needle.size(), r.end - at);
            buf.resize(len);
            const ssize_t n = ::pread(fd, buf.data(), len, static_cast<off_t>(at));
            if (n <= 0) break;  // e.g. a guard page
            scan.bytes_scanned += static_cast<unsigned long>(n);
            const std::string_view hay(buf.data(), static_cast<size_t>(n));
            for (size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
                if (pos < kChunk) scan.hits.push_back({r.line, at + pos});  // later ones: the next chunk's
            }
            at += kChunk;
        }
    }
    ::close(fd);
    return scan;
}

std::string describe(const MemoryScan& scan) {
    std::ostringstream out;
    out << scan.hits.size() << " hit(s) in " << scan.regions_scanned << " regions (" << scan.bytes_scanned << " bytes)";
    for (const MemoryHit& h : scan.hits) out << "\n  0x" << std::hex << h.address << std::dec << " in " << h.mapping;
    return out.str();
}

}  // namespace kiosk::test
