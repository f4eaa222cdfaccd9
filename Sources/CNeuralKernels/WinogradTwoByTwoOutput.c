#include "CNeuralKernels.h"

#if defined(__AVX512F__)
#include <immintrin.h>

// The sums below are those of WinogradKernels.transformOutput and Winograd5Kernels.transformOutput in the
// same order; no multiply-add is fused, so the results are bit-identical to the Swift transforms'.
#pragma STDC FP_CONTRACT OFF

/// Bias, ReLU (max(0, x) with 0 first: x when x is NaN or −0, as Swift's rectified() gives), and the
/// row's two output columns interleaved into `columns` ≤ 32 floats at `out`.
static inline void finish_row(__m512 even, __m512 odd, __m512 bias, int relu, float *out, __mmask16 head,
                              __mmask16 tail) {
    const __m512i first = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    const __m512i second = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
    even = _mm512_add_ps(even, bias);
    odd = _mm512_add_ps(odd, bias);
    if (relu) {
        even = _mm512_max_ps(_mm512_setzero_ps(), even);
        odd = _mm512_max_ps(_mm512_setzero_ps(), odd);
    }
    _mm512_mask_storeu_ps(out, head, _mm512_permutex2var_ps(even, first, odd));
    if (tail) _mm512_mask_storeu_ps(out + 16, tail, _mm512_permutex2var_ps(even, second, odd));
}

/// The masks of a row's first and second 16 output floats for `columns` ≤ 32.
static inline void row_masks(long width, __mmask16 *head, __mmask16 *tail) {
    long columns = width < 32 ? width : 32;
    *head = (__mmask16)(columns >= 16 ? 0xFFFF : (1u << columns) - 1u);
    *tail = (__mmask16)(columns > 16 ? (1u << (columns - 16)) - 1u : 0);
}

static inline __m512 load(const float *p) { return _mm512_loadu_ps(p); }

void metaqnn_f23_output_rows(const float *m, long stride, long rowTiles, long firstRow, long rowCount,
                             long width, long height, float bias, int relu, float *plane) {
    const __m512 b = _mm512_set1_ps(bias);
    __mmask16 head, tail;
    row_masks(width, &head, &tail);
    for (long ty = firstRow; ty < firstRow + rowCount; ty++) {
        const float *s = m + (ty - firstRow) * rowTiles;
        __m512 top[4], bottom[4];
        // Aᵀ = [1 1 1 0; 0 1 −1 −1] down the columns, then along the rows.
        for (int k = 0; k < 4; k++) {
            __m512 r0 = load(s + k * stride), r1 = load(s + (4 + k) * stride);
            __m512 r2 = load(s + (8 + k) * stride), r3 = load(s + (12 + k) * stride);
            top[k] = _mm512_add_ps(_mm512_add_ps(r0, r1), r2);
            bottom[k] = _mm512_sub_ps(_mm512_sub_ps(r1, r2), r3);
        }
        finish_row(_mm512_add_ps(_mm512_add_ps(top[0], top[1]), top[2]),
                   _mm512_sub_ps(_mm512_sub_ps(top[1], top[2]), top[3]), b, relu, plane + 2 * ty * width, head, tail);
        if (2 * ty + 1 < height) {
            finish_row(_mm512_add_ps(_mm512_add_ps(bottom[0], bottom[1]), bottom[2]),
                       _mm512_sub_ps(_mm512_sub_ps(bottom[1], bottom[2]), bottom[3]), b, relu,
                       plane + (2 * ty + 1) * width, head, tail);
        }
    }
}

void metaqnn_f25_output_rows(const float *m, long stride, long rowTiles, long firstRow, long rowCount,
                             long width, long height, float bias, int relu, float *plane) {
    const __m512 b = _mm512_set1_ps(bias), two = _mm512_set1_ps(2);
    __mmask16 head, tail;
    row_masks(width, &head, &tail);
    for (long ty = firstRow; ty < firstRow + rowCount; ty++) {
        const float *s = m + (ty - firstRow) * rowTiles;
        __m512 top[6], bottom[6];
        // Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 1] down each column j, then along the two rows.
        for (int j = 0; j < 6; j++) {
            __m512 r0 = load(s + j * stride), r1 = load(s + (6 + j) * stride), r2 = load(s + (12 + j) * stride);
            __m512 r3 = load(s + (18 + j) * stride), r4 = load(s + (24 + j) * stride);
            __m512 r5 = load(s + (30 + j) * stride);
            top[j] = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(_mm512_add_ps(r0, r1), r2), r3), r4);
            bottom[j] = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(r1, r2), _mm512_mul_ps(two, _mm512_sub_ps(r3, r4))), r5);
        }
        __m512 *t = top;
        for (int i = 0; i < 2; i++, t = bottom) {
            if (2 * ty + i >= height) break;
            __m512 even = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(_mm512_add_ps(t[0], t[1]), t[2]), t[3]), t[4]);
            __m512 odd = _mm512_add_ps(_mm512_add_ps(_mm512_sub_ps(t[1], t[2]), _mm512_mul_ps(two, _mm512_sub_ps(t[3], t[4]))),
                                       t[5]);
            finish_row(even, odd, b, relu, plane + (2 * ty + i) * width, head, tail);
        }
    }
}

#endif
