/// A·Bᵀ for weight gradients: C[m×n] (=|+=) A[m×k] · B[n×k]ᵀ with both operands row-major in k, k long
/// (pixels or Winograd tiles of a chunk of images) and m, n small (channel counts). The packed GEMM would
/// gather B (and transpose A) element by element, which for 16–64 channels costs about as much as the
/// multiply-adds themselves; here rows are read in place, blocks of 3×4 (AVX2) or 4×4 (AVX-512) elements of
/// C keep their `WideFloats` accumulators in registers along k, and lanes are summed once per k-block.
/// Single-threaded, like `Gemm.multiply`.
enum GemmLongK {
    /// Whether A·Bᵀ of this shape suits this kernel: every 4 columns of C stream all m rows of A's k-block,
    /// which must stay in L2; bigger products are left to the packed GEMM, whose blocking reuses more.
    static func suits(m: Int) -> Bool { m <= 128 }

    /// k-block: m rows of it (256 KiB at most for m ≤ 128) stay in L2 while B's rows pass through L1.
    @inline(__always)
    static func kBlock(m: Int) -> Int { m <= 64 ? 1024 : 512 }

    /// Rows of C per register block: 3 × 4 accumulators + 3 A vectors + 1 B vector fill AVX2's 16 vector
    /// registers; AVX-512 has 32, enough for 4 rows, which also divide the usual channel counts.
    #if METAQNN_X86_64_V4
    static let blockRows = 4
    #else
    static let blockRows = 3
    #endif

    /// Shapes: a[m, lda] (first k columns), b[n, ldb] (first k columns) → c[m, ldc] (first n columns).
    @inline(never)
    static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
                         ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        if !accumulate {
            for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
        }
        let kc = kBlock(m: m)
        var pc = 0
        while pc < k {
            let kb = min(kc, k - pc)
            let fullRows = m / blockRows * blockRows, fullColumns = n / 4 * 4
            var j = 0
            while j < fullColumns {
                var i = 0
                while i < fullRows {
                    if blockRows == 4 {
                        block4x4(kb, a + i * lda + pc, lda, b + j * ldb + pc, ldb, c + i * ldc + j, ldc)
                    } else {
                        block3x4(kb, a + i * lda + pc, lda, b + j * ldb + pc, ldb, c + i * ldc + j, ldc)
                    }
                    i += blockRows
                }
                for row in fullRows..<m {
                    for column in j..<(j + 4) {
                        c[row * ldc + column] += dot(kb, a + row * lda + pc, b + column * ldb + pc)
                    }
                }
                j += 4
            }
            for row in 0..<m {
                for column in fullColumns..<n {
                    c[row * ldc + column] += dot(kb, a + row * lda + pc, b + column * ldb + pc)
                }
            }
            pc += kb
        }
    }

    @inline(__always)
    private static func ld(_ p: UnsafePointer<Float>) -> WideFloats {
        UnsafeRawPointer(p).loadUnaligned(as: WideFloats.self)
    }

    /// c[3×4] += a[3 rows]·b[4 rows]ᵀ over k floats. Never inlined: inside a large caller the register
    /// allocator spills the accumulators.
    @inline(never)
    private static func block3x4(_ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>,
                                 _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        block(rows: 3, k, a, lda, b, ldb, c, ldc)
    }

    /// c[4×4] += a[4 rows]·b[4 rows]ᵀ over k floats (AVX-512 builds).
    @inline(never)
    private static func block4x4(_ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>,
                                 _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        block(rows: 4, k, a, lda, b, ldb, c, ldc)
    }

    /// c[rows×4] += a[rows]·b[4 rows]ᵀ over k floats, inlined into each entry point with a literal `rows`,
    /// so the unused accumulators vanish. Each element is the same lane chain, lane sum and tail as `dot`.
    @inline(__always)
    private static func block(rows: Int, _ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>,
                              _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        typealias V = WideFloats
        let w = V.scalarCount
        var s00 = V(), s01 = V(), s02 = V(), s03 = V()
        var s10 = V(), s11 = V(), s12 = V(), s13 = V()
        var s20 = V(), s21 = V(), s22 = V(), s23 = V()
        var s30 = V(), s31 = V(), s32 = V(), s33 = V()
        let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda
        let b0 = b, b1 = b + ldb, b2 = b + 2 * ldb, b3 = b + 3 * ldb
        let vectorEnd = k / w * w
        var p = 0
        while p < vectorEnd {
            let x0 = ld(a0 + p), x1 = ld(a1 + p), x2 = ld(a2 + p), x3 = rows > 3 ? ld(a3 + p) : V()
            var y = ld(b0 + p)
            s00.addProduct(x0, y); s10.addProduct(x1, y); s20.addProduct(x2, y)
            if rows > 3 { s30.addProduct(x3, y) }
            y = ld(b1 + p)
            s01.addProduct(x0, y); s11.addProduct(x1, y); s21.addProduct(x2, y)
            if rows > 3 { s31.addProduct(x3, y) }
            y = ld(b2 + p)
            s02.addProduct(x0, y); s12.addProduct(x1, y); s22.addProduct(x2, y)
            if rows > 3 { s32.addProduct(x3, y) }
            y = ld(b3 + p)
            s03.addProduct(x0, y); s13.addProduct(x1, y); s23.addProduct(x2, y)
            if rows > 3 { s33.addProduct(x3, y) }
            p += w
        }
        @inline(__always) func flush(_ s: V, _ r: Int, _ q: Int) {
            let ar = a + r * lda, bq = b + q * ldb
            var total = s.sum()
            for t in vectorEnd..<k { total += ar[t] * bq[t] }
            c[r * ldc + q] += total
        }
        flush(s00, 0, 0); flush(s01, 0, 1); flush(s02, 0, 2); flush(s03, 0, 3)
        flush(s10, 1, 0); flush(s11, 1, 1); flush(s12, 1, 2); flush(s13, 1, 3)
        flush(s20, 2, 0); flush(s21, 2, 1); flush(s22, 2, 2); flush(s23, 2, 3)
        if rows > 3 { flush(s30, 3, 0); flush(s31, 3, 1); flush(s32, 3, 2); flush(s33, 3, 3) }
    }

    /// Σ a[t]·b[t] for t < k, in the same order as `block` (`WideFloats` lanes, then the tail).
    @inline(never)
    private static func dot(_ k: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float {
        typealias V = WideFloats
        var s = V()
        let vectorEnd = k / V.scalarCount * V.scalarCount
        var p = 0
        while p < vectorEnd {
            s.addProduct(ld(a + p), ld(b + p))
            p += V.scalarCount
        }
        var total = s.sum()
        for t in vectorEnd..<k { total += a[t] * b[t] }
        return total
    }
}
