#include "CNeuralKernels.h"

#if defined(__AVX512F__)
#include <immintrin.h>

/// Lanes l of a 16-float load at column x0 + l that lie inside a row of `width` columns.
static __mmask16 inside(long x0, long width) {
    long from = x0 < 0 ? -x0 : 0, to = width - x0 < 16 ? width - x0 : 16;
    if (to <= from) return 0;
    return (__mmask16)(((1u << to) - 1u) & ~((1u << from) - 1u));
}

void metaqnn_split_rows(const float *plane, long width, long rowFrom, long rowTo, long pad, long phases,
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
    for (long y = rowFrom; y < rowTo; y++) {
        const float *source = plane + y * width;
        float *row = split + (y + pad) * rowLength;
        for (long i0 = 0; i0 < entries; i0 += 8) {
            long x0 = phases * i0 - pad;
            __m512 low = _mm512_maskz_loadu_ps(inside(x0, width), source + x0);
            if (phases == 2) {
                for (int q = 0; q < 2; q++) {
                    __m512 v = _mm512_permutexvar_ps(pick[q], low);
                    _mm256_storeu_ps(row + q * phaseStride + i0, _mm512_castps512_ps256(v));
                }
            } else {
                __m512 high = _mm512_maskz_loadu_ps(inside(x0 + 16, width), source + x0 + 16);
                for (int q = 0; q < 4; q++) {
                    __m512 v = _mm512_permutex2var_ps(low, pick[q], high);
                    _mm256_storeu_ps(row + q * phaseStride + i0, _mm512_castps512_ps256(v));
                }
            }
        }
    }
}

#endif
