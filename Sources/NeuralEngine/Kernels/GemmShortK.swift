import CNeuralKernels

/// A·Bᵀ over a short k: C[m×n] += A[m×k] · B[n×k]ᵀ with both operands row-major in k and k a few hundred
/// (the tiles of one Winograd block, which stay in L2), m and n channel counts. Like `GemmLongK`, blocks of
/// 3×4 (AVX2) or 4×4 (AVX-512) elements of C keep one `WideFloats` accumulator each along k; at this k the
/// accumulators' lane sums would cost as much as the products if each were summed on its own, so a block's
/// accumulators are summed together, in a tree of shuffles and adds (`metaqnn_add_block_sums16`/`8`,
/// 15 vector adds for 16 accumulators instead of 64 in separate sums). The last partial vector of k is
/// loaded whole and its lanes past k set to zero in both operands, so each row must be readable
/// `WideFloats.scalarCount` − 1 floats past k. Single-threaded.
enum GemmShortK {
    typealias V = WideFloats

    /// The most rows of A (output channels of a filter gradient) for which this kernel beats the packed GEMM
    /// over a few hundred k: A is read once per 4 columns of C, from L2 while it fits there.
    static let maximumRowsInPlace = 128

    /// Rows of C per register block: `GemmLongK`'s, whose accumulators fill the registers the same way.
    static let blockRows = GemmLongK.blockRows

    /// Shapes: a[m, lda] (first k columns, readable to k rounded up to whole vectors), b[n, ldb] likewise
    /// → c[m, ldc] (first n columns) += a · bᵀ. Blocks at the edges of C read the last row of A or of B again
    /// in place of the missing ones and store only C's own elements.
    @inline(never)
    static func multiplyAdd(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
                            ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard k > 0 else { return }
        var j = 0
        while j < n {
            let columns = min(4, n - j)
            var i = 0
            while i < m {
                let rows = min(blockRows, m - i)
                block(k, a + i * lda, lda, rows, b + j * ldb, ldb, columns, c + i * ldc + j, ldc)
                i += blockRows
            }
            j += 4
        }
    }

    @inline(__always)
    private static func ld(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }

    /// c[rows × columns] += a[rows]·b[columns]ᵀ over k floats, `rows` ≤ `blockRows` and `columns` ≤ 4; the
    /// missing rows of a and b repeat the last one. Never inlined: inside a large caller the register
    /// allocator spills the accumulators.
    @inline(never)
    private static func block(_ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ rows: Int,
                              _ b: UnsafePointer<Float>, _ ldb: Int, _ columns: Int,
                              _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        let w = V.scalarCount
        var s00 = V(), s01 = V(), s02 = V(), s03 = V()
        var s10 = V(), s11 = V(), s12 = V(), s13 = V()
        var s20 = V(), s21 = V(), s22 = V(), s23 = V()
        var s30 = V(), s31 = V(), s32 = V(), s33 = V()
        let a0 = a, a1 = a + min(1, rows - 1) * lda, a2 = a + min(2, rows - 1) * lda
        let a3 = a + min(3, rows - 1) * lda
        let b0 = b, b1 = b + min(1, columns - 1) * ldb, b2 = b + min(2, columns - 1) * ldb
        let b3 = b + min(3, columns - 1) * ldb
        let four = blockRows > 3
        @inline(__always) func step(_ x0: V, _ x1: V, _ x2: V, _ x3: V, _ y0: V, _ y1: V, _ y2: V, _ y3: V) {
            s00.addProduct(x0, y0); s10.addProduct(x1, y0); s20.addProduct(x2, y0)
            if four { s30.addProduct(x3, y0) }
            s01.addProduct(x0, y1); s11.addProduct(x1, y1); s21.addProduct(x2, y1)
            if four { s31.addProduct(x3, y1) }
            s02.addProduct(x0, y2); s12.addProduct(x1, y2); s22.addProduct(x2, y2)
            if four { s32.addProduct(x3, y2) }
            s03.addProduct(x0, y3); s13.addProduct(x1, y3); s23.addProduct(x2, y3)
            if four { s33.addProduct(x3, y3) }
        }
        let vectorEnd = k / w * w
        var p = 0
        while p < vectorEnd {
            step(ld(a0 + p), ld(a1 + p), ld(a2 + p), four ? ld(a3 + p) : V(),
                 ld(b0 + p), ld(b1 + p), ld(b2 + p), ld(b3 + p))
            p += w
        }
        if vectorEnd < k {
            var lane = V()
            for l in 0..<w { lane[l] = Float(l) }
            let past = lane .>= Float(k - vectorEnd)
            @inline(__always) func masked(_ q: UnsafePointer<Float>) -> V { ld(q + p).replacing(with: 0, where: past) }
            step(masked(a0), masked(a1), masked(a2), four ? masked(a3) : V(),
                 masked(b0), masked(b1), masked(b2), masked(b3))
        }
        // Their lane sums: a tree of pairwise shuffles and adds (CNeuralKernels), 15 adds for 16 accumulators
        // instead of 64. Built from Swift's SIMD halves and lanes, the same tree compiles to several times
        // the instructions (lane inserts and broadcasts instead of one shuffle per level).
        withUnsafeTemporaryAllocation(of: V.self, capacity: 16) { buffer in
            let s = buffer.baseAddress!
            s[0] = s00; s[1] = s01; s[2] = s02; s[3] = s03
            s[4] = s10; s[5] = s11; s[6] = s12; s[7] = s13
            s[8] = s20; s[9] = s21; s[10] = s22; s[11] = s23
            s[12] = s30; s[13] = s31; s[14] = s32; s[15] = s33
            let floats = UnsafeRawPointer(s).assumingMemoryBound(to: Float.self)
            #if METAQNN_X86_64_V4
            metaqnn_add_block_sums16(floats, c, ldc, rows, columns)
            #else
            metaqnn_add_block_sums8(floats, c, ldc, rows, columns)
            #endif
        }
    }
}
