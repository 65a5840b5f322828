// A read-only, seekable std::istream over bytes already in memory (no copy), so code that reads
// headers from a stream can read a file the kiosk has already loaded safely.
#pragma once

#include <istream>
#include <streambuf>
#include <string_view>

namespace kiosk {

class MemoryStreamBuf : public std::streambuf {
public:
    explicit MemoryStreamBuf(std::string_view bytes) {
        char* b = const_cast<char*>(bytes.data());  // never written: this buffer only reads
        setg(b, b, b + bytes.size());
    }

protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override {
        const off_type base = dir == std::ios_base::beg   ? 0
                              : dir == std::ios_base::cur ? gptr() - eback()
                                                          : egptr() - eback();
        const off_type to = base + off;
        if (to < 0 || to > egptr() - eback()) return pos_type(off_type(-1));
        setg(eback(), eback() + to, egptr());
        return pos_type(to);
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }
};

class MemoryStream : public std::istream {
public:
    explicit MemoryStream(std::string_view bytes) : std::istream(nullptr), buf_(bytes) { rdbuf(&buf_); }

private:
    MemoryStreamBuf buf_;
};

}  // namespace kiosk
