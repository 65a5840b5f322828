#include "wiping_allocator.h"

#include <string.h>  // explicit_bzero

namespace kiosk {

void wipe_bytes(void* data, std::size_t size) noexcept {
    if (data != nullptr && size != 0) explicit_bzero(data, size);
}

// noinline: the array must be a frame of its own, below the caller's, not folded into it.
[[gnu::noinline]] void burn_stack(std::size_t bytes) noexcept {
    constexpr std::size_t kChunk = 4096;
    volatile unsigned char area[kChunk];
    for (std::size_t i = 0; i < kChunk; ++i) area[i] = 0;
    if (bytes > kChunk) burn_stack(bytes - kChunk);  // recursion: each chunk is a new, deeper frame
    // Keeps the recursive call from becoming a tail call that would reuse this frame.
    area[0] = area[1];
}

}  // namespace kiosk
