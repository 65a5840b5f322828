#include "frame_blend.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kiosk {

int blend_weight(float t) {
    if (!(t > 0.0f)) return 0;  // also NaN
    if (t >= 1.0f) return 256;
    return static_cast<int>(std::lround(t * 256.0f));
}

void blend_pixels_scalar(const std::uint32_t* a, const std::uint32_t* b, std::uint32_t* out, std::size_t n,
                         int weight) {
    const unsigned wb = static_cast<unsigned>(std::clamp(weight, 0, 256));
    const unsigned wa = 256 - wb;
    // Byte-wise, so it is the same whatever the channel order; alignment-free via memcpy.
    const auto* pa = reinterpret_cast<const std::uint8_t*>(a);
    const auto* pb = reinterpret_cast<const std::uint8_t*>(b);
    auto* po = reinterpret_cast<std::uint8_t*>(out);
    for (std::size_t i = 0; i < n * 4; ++i) {
        po[i] = static_cast<std::uint8_t>((pa[i] * wa + pb[i] * wb + 128) >> 8);
    }
}

void blend_pixels(const std::uint32_t* a, const std::uint32_t* b, std::uint32_t* out, std::size_t n, int weight) {
    weight = std::clamp(weight, 0, 256);
    if (weight == 0) {
        if (out != a) std::memmove(out, a, n * 4);
        return;
    }
    if (weight == 256) {
        if (out != b) std::memmove(out, b, n * 4);
        return;
    }
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i wa = _mm_set1_epi16(static_cast<short>(256 - weight));
    const __m128i wb = _mm_set1_epi16(static_cast<short>(weight));
    const __m128i half = _mm_set1_epi16(128);
    const __m128i zero = _mm_setzero_si128();
    for (; i + 4 <= n; i += 4) {
        const __m128i va = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
        const __m128i vb = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
        // a·wa + b·wb + 128 ≤ 255·256 + 128 < 2^16: exact in unsigned 16-bit lanes.
        __m128i lo = _mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(va, zero), wa),
                                   _mm_mullo_epi16(_mm_unpacklo_epi8(vb, zero), wb));
        __m128i hi = _mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(va, zero), wa),
                                   _mm_mullo_epi16(_mm_unpackhi_epi8(vb, zero), wb));
        lo = _mm_srli_epi16(_mm_add_epi16(lo, half), 8);
        hi = _mm_srli_epi16(_mm_add_epi16(hi, half), 8);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_packus_epi16(lo, hi));
    }
#endif
    if (i < n) blend_pixels_scalar(a + i, b + i, out + i, n - i, weight);
}

}  // namespace kiosk
