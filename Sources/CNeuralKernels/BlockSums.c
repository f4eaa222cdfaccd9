#include "CNeuralKernels.h"

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

/// Adds the four sums of block row r (out[4r…4r + 3]) to c.
static void add_rows(const float *out, float *c, long ldc, long rows, long columns) {
    for (long r = 0; r < rows; r++) {
        float *row = c + r * ldc;
        const float *sums = out + 4 * r;
        if (columns == 4) {
            // Four adjacent adds, which the compiler makes one vector add.
            row[0] += sums[0]; row[1] += sums[1]; row[2] += sums[2]; row[3] += sums[3];
        } else {
            for (long q = 0; q < columns; q++) row[q] += sums[q];
        }
    }
}

/// Lane sum of `width` floats in the pairwise order of the header.
static float lane_sum(const float *v, int width) {
    float t[16];
    for (int i = 0; i < width; i++) t[i] = v[i];
    for (int h = width / 2; h >= 1; h /= 2) {
        for (int i = 0; i < h; i++) t[i] = t[i] + t[i + h];
    }
    return t[0];
}

#if defined(__AVX512F__)
// Each level adds two vectors gathered from two inputs and halves the partial sums per accumulator.
// Halves: [x 8 | y 8].
static inline __m512 halves(__m512 x, __m512 y) {
    return _mm512_add_ps(_mm512_shuffle_f32x4(x, y, 0x44), _mm512_shuffle_f32x4(x, y, 0xEE));
}
// Quarters of [x 8 | y 8] and [z 8 | w 8]: [x 4 | y 4 | z 4 | w 4].
static inline __m512 quarters(__m512 a, __m512 b) {
    return _mm512_add_ps(_mm512_shuffle_f32x4(a, b, 0x88), _mm512_shuffle_f32x4(a, b, 0xDD));
}
// Per 128-bit quarter: [a 2 | b 2].
static inline __m512 pairs(__m512 a, __m512 b) {
    __m512d x = _mm512_castps_pd(a), y = _mm512_castps_pd(b);
    return _mm512_add_ps(_mm512_castpd_ps(_mm512_unpacklo_pd(x, y)), _mm512_castpd_ps(_mm512_unpackhi_pd(x, y)));
}
// Per 128-bit quarter: [a0 + a1, a2 + a3, b0 + b1, b2 + b3].
static inline __m512 singles(__m512 a, __m512 b) {
    return _mm512_add_ps(_mm512_shuffle_ps(a, b, 0x88), _mm512_shuffle_ps(a, b, 0xDD));
}
#endif

void metaqnn_add_block_sums16(const float *acc, float *c, long ldc, long rows, long columns) {
    float out[16];
#if defined(__AVX512F__)
    __m512 column[4];
    // Column q: quarter r holds the 4 partial sums of accumulator (r, q).
    for (int q = 0; q < 4; q++) {
        column[q] = quarters(halves(_mm512_loadu_ps(acc + 16 * q), _mm512_loadu_ps(acc + 16 * (4 + q))),
                             halves(_mm512_loadu_ps(acc + 16 * (8 + q)), _mm512_loadu_ps(acc + 16 * (12 + q))));
    }
    // Quarter r: the sums of (r, 0), (r, 1), (r, 2), (r, 3).
    __m512 sums = singles(pairs(column[0], column[1]), pairs(column[2], column[3]));
    if (columns == 4 && rows == 4) {
        // Added from registers: read back from memory float by float, the sums would wait on store forwarding.
        _mm_storeu_ps(c, _mm_add_ps(_mm_loadu_ps(c), _mm512_castps512_ps128(sums)));
        _mm_storeu_ps(c + ldc, _mm_add_ps(_mm_loadu_ps(c + ldc), _mm512_extractf32x4_ps(sums, 1)));
        _mm_storeu_ps(c + 2 * ldc, _mm_add_ps(_mm_loadu_ps(c + 2 * ldc), _mm512_extractf32x4_ps(sums, 2)));
        _mm_storeu_ps(c + 3 * ldc, _mm_add_ps(_mm_loadu_ps(c + 3 * ldc), _mm512_extractf32x4_ps(sums, 3)));
        return;
    }
    _mm512_storeu_ps(out, sums);
#else
    for (int i = 0; i < 16; i++) out[i] = lane_sum(acc + 16 * i, 16);
#endif
    add_rows(out, c, ldc, rows, columns);
}

void metaqnn_add_block_sums8(const float *acc, float *c, long ldc, long rows, long columns) {
    float out[16];
#if defined(__AVX2__)
    // The same levels on 8 lanes: halves, then 64-bit pairs and singles within each 128-bit half. Rows 0
    // and 1 go together; row 2 with a row of zeros.
    for (int pair = 0; pair < 2; pair++) {
        __m256 column[4];
        for (int q = 0; q < 4; q++) {
            __m256 x = _mm256_loadu_ps(acc + 8 * (8 * pair + q));
            __m256 y = pair == 0 ? _mm256_loadu_ps(acc + 8 * (4 + q)) : _mm256_setzero_ps();
            column[q] = _mm256_add_ps(_mm256_permute2f128_ps(x, y, 0x20), _mm256_permute2f128_ps(x, y, 0x31));
        }
        __m256 p[2];
        for (int h = 0; h < 2; h++) {
            __m256d x = _mm256_castps_pd(column[2 * h]), y = _mm256_castps_pd(column[2 * h + 1]);
            p[h] = _mm256_add_ps(_mm256_castpd_ps(_mm256_unpacklo_pd(x, y)), _mm256_castpd_ps(_mm256_unpackhi_pd(x, y)));
        }
        __m256 sums = _mm256_add_ps(_mm256_shuffle_ps(p[0], p[1], 0x88), _mm256_shuffle_ps(p[0], p[1], 0xDD));
        if (columns == 4 && rows == 3) {
            // Added from registers, as in the 16-lane case.
            float *row = c + 2 * pair * ldc;
            _mm_storeu_ps(row, _mm_add_ps(_mm_loadu_ps(row), _mm256_castps256_ps128(sums)));
            if (pair == 0) _mm_storeu_ps(row + ldc, _mm_add_ps(_mm_loadu_ps(row + ldc), _mm256_extractf128_ps(sums, 1)));
        } else {
            _mm256_storeu_ps(out + 8 * pair, sums);
        }
    }
    if (columns == 4 && rows == 3) return;
#else
    for (int i = 0; i < 12; i++) out[i] = lane_sum(acc + 8 * i, 8);
#endif
    add_rows(out, c, ldc, rows, columns);
}
