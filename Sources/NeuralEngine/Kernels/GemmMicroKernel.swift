extension Gemm {
    /// The 6×nr micro-kernel: C[6×nr] (=|+=) Ã[6×kc] · B̃[kc×nr] from packed panels, 12 `WideFloats`
    /// accumulators (nr = 16 with AVX2, 32 with AVX-512). Shapes: a = 6 floats per k step, b = nr floats
    /// per k step, ldb floats apart (nr in a packed panel, B's row stride when B is read in place), c row
    /// stride ldc.
    @inline(never)
    static func microKernel(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int,
                            c: UnsafeMutablePointer<Float>, ldc: Int, load: Bool,
                            bias: UnsafePointer<Float>?, relu: Bool) {
        microKernel(rows: 6, kc: kc, a: a, b: b, ldb: ldb, c: c, ldc: ldc, load: load, bias: bias, relu: relu)
    }

    /// The micro-kernel on the first 4 rows of a strip.
    @inline(never)
    static func microKernel4(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int,
                             c: UnsafeMutablePointer<Float>, ldc: Int, load: Bool,
                             bias: UnsafePointer<Float>?, relu: Bool) {
        microKernel(rows: 4, kc: kc, a: a, b: b, ldb: ldb, c: c, ldc: ldc, load: load, bias: bias, relu: relu)
    }

    /// The micro-kernel on the first 2 rows of a strip.
    @inline(never)
    static func microKernel2(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int,
                             c: UnsafeMutablePointer<Float>, ldc: Int, load: Bool,
                             bias: UnsafePointer<Float>?, relu: Bool) {
        microKernel(rows: 2, kc: kc, a: a, b: b, ldb: ldb, c: c, ldc: ldc, load: load, bias: bias, relu: relu)
    }

    /// The micro-kernel on the first `rows` rows of a 6-row strip (the strip's packed A still has 6
    /// floats per k step). Each entry point above inlines it with a literal `rows`, so every test of it
    /// folds away and the unused accumulators vanish: a 2- or 4-row strip, which channel counts such as
    /// 16, 32, 64 and 128 leave at the bottom, runs without the scratch tile of `edgeTile`. Each C element
    /// is the same chain of multiply-adds over k whatever `rows` is, so results do not depend on it.
    @inline(__always)
    static func microKernel(rows: Int, kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int,
                            c: UnsafeMutablePointer<Float>, ldc: Int, load: Bool,
                            bias: UnsafePointer<Float>?, relu: Bool) {
        typealias V = WideFloats
        let w = V.scalarCount
        @inline(__always) func ld(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        @inline(__always) func ld(_ p: UnsafeMutablePointer<Float>) -> V {
            UnsafeRawPointer(p).loadUnaligned(as: V.self)
        }
        @inline(__always) func st(_ v: V, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
        }
        @inline(__always) func rectify(_ v: V) -> V { v.replacing(with: 0, where: v .< 0) }
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        if load {
            c00 = ld(c); c01 = ld(c + w)
            if rows > 1 { c10 = ld(c + ldc); c11 = ld(c + ldc + w) }
            if rows > 2 { c20 = ld(c + 2 * ldc); c21 = ld(c + 2 * ldc + w) }
            if rows > 3 { c30 = ld(c + 3 * ldc); c31 = ld(c + 3 * ldc + w) }
            if rows > 4 { c40 = ld(c + 4 * ldc); c41 = ld(c + 4 * ldc + w) }
            if rows > 5 { c50 = ld(c + 5 * ldc); c51 = ld(c + 5 * ldc + w) }
        }
        var ap = a, bp = b
        for _ in 0..<kc {
            let b0 = ld(bp), b1 = ld(bp + w)
            var x = V(repeating: ap[0])
            c00.addProduct(x, b0); c01.addProduct(x, b1)
            if rows > 1 { x = V(repeating: ap[1]); c10.addProduct(x, b0); c11.addProduct(x, b1) }
            if rows > 2 { x = V(repeating: ap[2]); c20.addProduct(x, b0); c21.addProduct(x, b1) }
            if rows > 3 { x = V(repeating: ap[3]); c30.addProduct(x, b0); c31.addProduct(x, b1) }
            if rows > 4 { x = V(repeating: ap[4]); c40.addProduct(x, b0); c41.addProduct(x, b1) }
            if rows > 5 { x = V(repeating: ap[5]); c50.addProduct(x, b0); c51.addProduct(x, b1) }
            ap += 6
            bp += ldb
        }
        if let bias {
            var x = V(repeating: bias[0]); c00 += x; c01 += x
            if rows > 1 { x = V(repeating: bias[1]); c10 += x; c11 += x }
            if rows > 2 { x = V(repeating: bias[2]); c20 += x; c21 += x }
            if rows > 3 { x = V(repeating: bias[3]); c30 += x; c31 += x }
            if rows > 4 { x = V(repeating: bias[4]); c40 += x; c41 += x }
            if rows > 5 { x = V(repeating: bias[5]); c50 += x; c51 += x }
        }
        if relu {
            c00 = rectify(c00); c01 = rectify(c01)
            c10 = rectify(c10); c11 = rectify(c11)
            c20 = rectify(c20); c21 = rectify(c21)
            c30 = rectify(c30); c31 = rectify(c31)
            c40 = rectify(c40); c41 = rectify(c41)
            c50 = rectify(c50); c51 = rectify(c51)
        }
        st(c00, c); st(c01, c + w)
        if rows > 1 { st(c10, c + ldc); st(c11, c + ldc + w) }
        if rows > 2 { st(c20, c + 2 * ldc); st(c21, c + 2 * ldc + w) }
        if rows > 3 { st(c30, c + 3 * ldc); st(c31, c + 3 * ldc + w) }
        if rows > 4 { st(c40, c + 4 * ldc); st(c41, c + 4 * ldc + w) }
        if rows > 5 { st(c50, c + 5 * ldc); st(c51, c + 5 * ldc + w) }
    }
}
