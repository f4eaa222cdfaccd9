#ifndef CNEURALKERNELS_H
#define CNEURALKERNELS_H

/// The engine's lane shuffles that Swift's SIMD types do not compile to single instructions (they build
/// them lane by lane, see GemmShortK.swift), masked loads (the plane split), and prefetches and spin-wait hints,
/// which Swift has no way to ask for. Each
/// lane-sum function has an intrinsic path for the instruction set it is compiled for and a plain C path
/// that adds in the same order, so results do not depend on which one runs.

/// c[r * ldc + q] += the lane sum of acc[(4r + q) * 16 …], for r < rows ≤ 4 and q < columns ≤ 4: the 16
/// accumulators (16 floats each) of a 4 × 4 block, row by row. Lanes are summed pairwise: lane i with
/// i + 8, then i + 4, i + 2 and i + 1.
void metaqnn_add_block_sums16(const float *acc, float *c, long ldc, long rows, long columns);

/// The same for 12 accumulators of 8 floats (a 3 × 4 block, rows ≤ 3): lane i with i + 4, i + 2, i + 1.
void metaqnn_add_block_sums8(const float *acc, float *c, long ldc, long rows, long columns);

/// Asks for the cache lines of p[0..<bytes] in all cache levels, for writing if `write` is nonzero, else
/// for reading (no effect where the compiler has no prefetch instruction for the target). One call per
/// range: Swift calls an imported inline C function out of line.
void metaqnn_prefetch_range(const void *p, long bytes, int write);

/// Tells the CPU this thread is spinning on a value another thread will change (x86 `pause`, arm64 `yield`),
/// which leaves a sibling hardware thread the core's resources.
void metaqnn_cpu_relax(void);

#if defined(__AVX512F__)
/// Copies plane rows rowFrom ..< rowTo (`width` floats each) into the column phases of a split plane, as
/// `WinogradTiles.splitPlane` lays them out: padded column p = x + pad of plane row y goes to
/// split[(p mod phases) · phaseStride + (y + pad) · rowLength + p / phases], for phases 2 or 4. It writes 8
/// entries of each phase at a time, so also zeros over the padding entries of those rows up to the next
/// multiple of 8 past the last entry that holds a column ((width + pad) / phases rounded up): rowLength must
/// reach that far (`WinogradTiles.phaseRowLength` does). AVX-512 builds only.
void metaqnn_split_rows(const float *plane, long width, long rowFrom, long rowTo, long pad, long phases,
                        long rowLength, long phaseStride, float *split);

/// `Winograd43Kernels.transformOutput` for one plane of at most 32 columns (8 tiles across): tile rows
/// firstRow ..< firstRow + rowCount, whose tiles start at m (the first row's) and `rowTiles` apart, points
/// `stride` floats apart, + bias, ReLU if `relu`, into plane[height, width]. The interleave of a row's four
/// output columns is two permutes, and the row's end one masked store.
void metaqnn_f43_output_rows(const float *m, long stride, long rowTiles, long firstRow, long rowCount,
                             long width, long height, float bias, int relu, float *plane);

/// The same for F(2×2, 3×3) (`WinogradKernels.transformOutput`) and F(2×2, 5×5)
/// (`Winograd5Kernels.transformOutput`) on planes of at most 32 columns (16 tiles across), 16 tiles per
/// vector: lanes past a row's tiles read the next row's or the block's padding and are never stored.
void metaqnn_f23_output_rows(const float *m, long stride, long rowTiles, long firstRow, long rowCount,
                             long width, long height, float bias, int relu, float *plane);
void metaqnn_f25_output_rows(const float *m, long stride, long rowTiles, long firstRow, long rowCount,
                             long width, long height, float bias, int relu, float *plane);
#endif

#endif
