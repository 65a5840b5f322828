// A text field for what a patient keys in (name, phone) that never allocates: the bytes live in a
// fixed array inside the owner, so wiping it provably leaves no copy behind in freed heap memory
// (a growing std::string would leave every outgrown buffer unscrubbed).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace kiosk {

template <std::size_t Capacity>
class KeyedField {
public:
    KeyedField() = default;
    ~KeyedField() { wipe(); }
    KeyedField(const KeyedField&) = delete;
    KeyedField& operator=(const KeyedField&) = delete;

    // Appends one code point as UTF-8; false (and unchanged) when it does not fit or is invalid.
    bool push(char32_t c) {
        std::array<char, 4> enc{};
        std::size_t n = 0;
        if (c < 0x80) {
            enc[n++] = static_cast<char>(c);
        } else if (c < 0x800) {
            enc[n++] = static_cast<char>(0xC0 | (c >> 6));
            enc[n++] = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF) return false;
            enc[n++] = static_cast<char>(0xE0 | (c >> 12));
            enc[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            enc[n++] = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x110000) {
            enc[n++] = static_cast<char>(0xF0 | (c >> 18));
            enc[n++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            enc[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            enc[n++] = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            return false;
        }
        if (c == 0 || size_ + n > Capacity) return false;
        for (std::size_t i = 0; i < n; ++i) bytes_[size_++] = enc[i];
        return true;
    }

    // Removes the last whole character (all of its UTF-8 bytes), zeroing them.
    void pop() {
        if (size_ == 0) return;
        do {
            --size_;
            const auto byte = static_cast<unsigned char>(bytes_[size_]);
            bytes_[size_] = '\0';
            if ((byte & 0xC0) != 0x80) break;  // reached the character's lead byte
        } while (size_ > 0);
    }

    // Zeroes every byte, through a volatile pointer so the stores cannot be optimised away.
    void wipe() {
        volatile char* p = bytes_.data();
        for (std::size_t i = 0; i < Capacity; ++i) p[i] = '\0';
        size_ = 0;
    }

    [[nodiscard]] std::string_view view() const { return {bytes_.data(), size_}; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] bool all_zero() const {
        for (const char b : bytes_)
            if (b != '\0') return false;
        return size_ == 0;
    }

private:
    std::array<char, Capacity> bytes_{};
    std::size_t size_ = 0;
};

}  // namespace kiosk
