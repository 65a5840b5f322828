// The crossfade's arithmetic on two opaque frames, with no SDL: out = a + (b − a)·t, written as
// (a·(256 − t) + b·t + 128) / 256 per 8-bit channel so it fits 16-bit lanes exactly. SDL's generic
// alpha blend (texture alpha modulation) costs ~15 ms per 1080p frame here; this is one pass over
// three buffers (~24 MB of memory traffic), a couple of milliseconds. SSE2 on x86-64, a plain loop
// elsewhere (the compiler vectorises it for NEON); both give bit-identical results.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk {

// The fade's weight in 1/256ths of `b`: 0 = all `a`, 256 = all `b` (fade position in [0, 1]).
[[nodiscard]] int blend_weight(float t);

// `n` pixels of 4 bytes each. `out` may alias `a` or `b`.
void blend_pixels(const std::uint32_t* a, const std::uint32_t* b, std::uint32_t* out, std::size_t n, int weight);
// The same, the portable loop only (for tests comparing the two, and non-x86 boxes).
void blend_pixels_scalar(const std::uint32_t* a, const std::uint32_t* b, std::uint32_t* out, std::size_t n, int weight);

}  // namespace kiosk
