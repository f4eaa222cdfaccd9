#include "CNeuralKernels.h"

#if defined(__AVX512F__)
#include <immintrin.h>

/// Lanes l of a 16-float load at column x0 + l that lie inside a row of `width` columns.
static __mmask16 inside(long x0, long width) {
    long from = x0 < 0 ? -x0 : 0, to = width - x0 < 16 ? width - x0 : 16;
    if (to <= from) return 0;
    return (__mmask16)(((1u << to) - 1u) & ~((1u << from) - 1u));
}

/// The split for a constant number of phases (2 or 4), chunks of 8 entries outside and rows inside, so each
/// chunk's masks and permutes are set up once per plane.
static inline void split_rows(const float *plane, long width, long rowFrom, long rowTo, long pad, const long phases,
                              long rowLength, long phaseStride, float *split) {
    // Entries of each phase that can hold a plane column: padded columns 0 ..< width + pad.
    long entries = (width + pad + phases - 1) / phases;
    // Eight entries of every phase at a time, from the 8 · phases padded columns they cover: one or two
    // masked loads (lanes outside the row read as the padding's zeros, and are never fetched), then one
    // permute per phase that gathers its lanes q, q + phases, … into the low eight.
    __m512i pick[4];
    for (int q = 0; q < phases; q++) {
        int lane[16];
        for (int l = 0; l < 16; l++) lane[l] = (int)((q + phases * (l % 8)) & 31);
        pick[q] = _mm512_loadu_si512((const void *)lane);
    }
    for (long i0 = 0; i0 < entries; i0 += 8) {
        long x0 = phases * i0 - pad;
        __mmask16 low = inside(x0, width), high = inside(x0 + 16, width);
        const float *source = plane + rowFrom * width + x0;
        float *row = split + (rowFrom + pad) * rowLength + i0;
        for (long y = rowFrom; y < rowTo; y++, source += width, row += rowLength) {
            __m512 a = _mm512_maskz_loadu_ps(low, source);
            if (phases == 2) {
                _mm256_storeu_ps(row, _mm512_castps512_ps256(_mm512_permutexvar_ps(pick[0], a)));
                _mm256_storeu_ps(row + phaseStride, _mm512_castps512_ps256(_mm512_permutexvar_ps(pick[1], a)));
            } else {
                __m512 b = _mm512_maskz_loadu_ps(high, source + 16);
                for (int q = 0; q < 4; q++) {
                    _mm256_storeu_ps(row + q * phaseStride,
                                     _mm512_castps512_ps256(_mm512_permutex2var_ps(a, pick[q], b)));
                }
            }
        }
    }
}

void metaqnn_split_rows(const float *plane, long width, long rowFrom, long rowTo, long pad, long phases,
                        long rowLength, long phaseStride, float *split) {
    if (phases == 4) {
        split_rows(plane, width, rowFrom, rowTo, pad, 4, rowLength, phaseStride, split);
    } else {
        split_rows(plane, width, rowFrom, rowTo, pad, 2, rowLength, phaseStride, split);
    }
}

#endif
