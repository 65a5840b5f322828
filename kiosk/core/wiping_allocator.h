// Memory for a patient's name and number that is zeroed before it goes back to the heap. A
// std::string or std::vector that grows reallocates and frees its old buffer as it is, and a
// moved-from short string keeps its bytes: with this allocator every block they ever had is
// wiped when freed, whatever the container did in between. burn_stack() does the same for the
// stack frames a slip's text passed through (short strings live there, not on the heap).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <vector>

namespace kiosk {

// Zeroes `size` bytes in a way the compiler may not drop as a dead store (explicit_bzero).
void wipe_bytes(void* data, std::size_t size) noexcept;

// Overwrites `bytes` of the calling thread's stack below the caller's frame, where the functions
// it called just left their locals. Call it right after handing personal data on.
void burn_stack(std::size_t bytes = 64 * 1024) noexcept;

template <typename T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() noexcept = default;
    template <typename U>
    WipingAllocator(const WipingAllocator<U>&) noexcept {}  // NOLINT: converting, as allocators must

    [[nodiscard]] T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept {
        wipe_bytes(p, n * sizeof(T));
        std::allocator<T>{}.deallocate(p, n);
    }
    template <typename U>
    friend bool operator==(const WipingAllocator&, const WipingAllocator<U>&) noexcept {
        return true;  // stateless: any instance frees what another allocated, so moves stay moves
    }
};

using SecretString = std::basic_string<char, std::char_traits<char>, WipingAllocator<char>>;
template <typename T>
using SecretVector = std::vector<T, WipingAllocator<T>>;

// A string's bytes zeroed in place (heap or inline short-string buffer), then emptied and freed.
// For std::string members that cannot change type; SecretString needs only this for its inline part.
template <typename String>
void scrub(String& s) noexcept {
    wipe_bytes(s.data(), s.capacity());
    s.clear();
    s.shrink_to_fit();
}

}  // namespace kiosk
