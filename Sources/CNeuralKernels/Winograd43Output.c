#include "CNeuralKernels.h"

#if defined(__AVX512F__)
#include <immintrin.h>

// The sums below are those of Winograd43Kernels.outputRows in the same order; no multiply-add is fused, so
// the results are bit-identical to the Swift transform's.
#pragma STDC FP_CONTRACT OFF

/// Row i of Aᵀ applied to the six values at p, p + stride, …, p + 5 · stride.
static inline __m256 output_row(int i, const float *p, long stride) {
    __m256 m1 = _mm256_loadu_ps(p + stride), m2 = _mm256_loadu_ps(p + 2 * stride);
    __m256 m3 = _mm256_loadu_ps(p + 3 * stride), m4 = _mm256_loadu_ps(p + 4 * stride);
    switch (i) {
    case 0: return _mm256_add_ps(_mm256_add_ps(_mm256_loadu_ps(p), _mm256_add_ps(m1, m2)), _mm256_add_ps(m3, m4));
    case 1: return _mm256_add_ps(_mm256_sub_ps(m1, m2), _mm256_mul_ps(_mm256_set1_ps(2), _mm256_sub_ps(m3, m4)));
    case 2: return _mm256_add_ps(_mm256_add_ps(m1, m2), _mm256_mul_ps(_mm256_set1_ps(4), _mm256_add_ps(m3, m4)));
    default:
        return _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(m1, m2), _mm256_mul_ps(_mm256_set1_ps(8), _mm256_sub_ps(m3, m4))),
                             _mm256_loadu_ps(p + 5 * stride));
    }
}

void metaqnn_f43_output_rows(const float *m, long stride, long rowTiles, long firstRow, long rowCount,
                             long width, long height, float bias, int relu, float *plane) {
    const __m256 b = _mm256_set1_ps(bias), zero = _mm256_setzero_ps();
    // Output float 4l + k of a row comes from lane l of output column k: lanes 0-7 of (a | b) and (c | d).
    const __m512i first = _mm512_setr_epi32(0, 8, 16, 24, 1, 9, 17, 25, 2, 10, 18, 26, 3, 11, 19, 27);
    const __m512i second = _mm512_setr_epi32(4, 12, 20, 28, 5, 13, 21, 29, 6, 14, 22, 30, 7, 15, 23, 31);
    long columns = width < 32 ? width : 32;
    __mmask16 tail = (__mmask16)(columns > 16 ? (1u << (columns - 16)) - 1u : 0);
    __mmask16 head = (__mmask16)(columns >= 16 ? 0xFFFF : (1u << columns) - 1u);
    for (long ty = firstRow; ty < firstRow + rowCount; ty++) {
        const float *s = m + (ty - firstRow) * rowTiles;
        long rows = height - 4 * ty < 4 ? height - 4 * ty : 4;
        for (int i = 0; i < rows; i++) {
            // Row i of Aᵀ down each column j (points 6r + j), then Aᵀ along the row.
            __m256 t0 = output_row(i, s, 6 * stride), t1 = output_row(i, s + stride, 6 * stride);
            __m256 t2 = output_row(i, s + 2 * stride, 6 * stride), t3 = output_row(i, s + 3 * stride, 6 * stride);
            __m256 t4 = output_row(i, s + 4 * stride, 6 * stride), t5 = output_row(i, s + 5 * stride, 6 * stride);
            __m256 sum12 = _mm256_add_ps(t1, t2), difference12 = _mm256_sub_ps(t1, t2);
            __m256 sum34 = _mm256_add_ps(t3, t4), difference34 = _mm256_sub_ps(t3, t4);
            __m256 r0 = _mm256_add_ps(_mm256_add_ps(t0, sum12), sum34);
            __m256 r1 = _mm256_add_ps(difference12, _mm256_mul_ps(_mm256_set1_ps(2), difference34));
            __m256 r2 = _mm256_add_ps(sum12, _mm256_mul_ps(_mm256_set1_ps(4), sum34));
            __m256 r3 = _mm256_add_ps(_mm256_add_ps(difference12, _mm256_mul_ps(_mm256_set1_ps(8), difference34)), t5);
            r0 = _mm256_add_ps(r0, b); r1 = _mm256_add_ps(r1, b); r2 = _mm256_add_ps(r2, b); r3 = _mm256_add_ps(r3, b);
            if (relu) {
                // max(0, x) with 0 first: x when x is NaN or −0, as Swift's rectified() gives.
                r0 = _mm256_max_ps(zero, r0); r1 = _mm256_max_ps(zero, r1);
                r2 = _mm256_max_ps(zero, r2); r3 = _mm256_max_ps(zero, r3);
            }
            __m512 ab = _mm512_insertf32x8(_mm512_castps256_ps512(r0), r1, 1);
            __m512 cd = _mm512_insertf32x8(_mm512_castps256_ps512(r2), r3, 1);
            float *out = plane + (4 * ty + i) * width;
            _mm512_mask_storeu_ps(out, head, _mm512_permutex2var_ps(ab, first, cd));
            if (tail) _mm512_mask_storeu_ps(out + 16, tail, _mm512_permutex2var_ps(ab, second, cd));
        }
    }
}

#endif
