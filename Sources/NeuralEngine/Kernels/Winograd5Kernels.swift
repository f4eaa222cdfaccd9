/// Winograd F(2×2, 5×5) transforms (points 0, ±1, ±2, ∞): 36 multiplies per 2×2 outputs instead of 100.
/// Same scheme and layouts as `WinogradKernels` with 6×6 input tiles at (2ty − 2, 2tx − 2) and 36 points.
/// Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1],
/// G = [¼ 0 0 0 0; −⅙ ×5; −⅙ ⅙ −⅙ ⅙ −⅙; 1/24 1/12 ⅙ ⅓ ⅔; 1/24 −1/12 ⅙ −⅓ ⅔; 0 0 0 0 1],
/// Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 1] (checked against direct correlation when derived).
enum Winograd5Kernels {
    static let g: [[Float]] = [
        [1.0 / 4, 0, 0, 0, 0],
        [-1.0 / 6, -1.0 / 6, -1.0 / 6, -1.0 / 6, -1.0 / 6],
        [-1.0 / 6, 1.0 / 6, -1.0 / 6, 1.0 / 6, -1.0 / 6],
        [1.0 / 24, 1.0 / 12, 1.0 / 6, 1.0 / 3, 2.0 / 3],
        [1.0 / 24, -1.0 / 12, 1.0 / 6, -1.0 / 3, 2.0 / 3],
        [0, 0, 0, 0, 1],
    ]

    /// Shapes: w[Cout, Cin, 5, 5] → u[36, Cout, Cin] = G w Gᵀ; with `flipped`, u[36, Cin, Cout] of the rotated kernel.
    static func transformWeights(_ w: UnsafePointer<Float>, outputChannels: Int, inputChannels: Int, flipped: Bool,
                                 into u: UnsafeMutablePointer<Float>, threads: Int) {
        let pairs = outputChannels * inputChannels
        let g = Self.g
        Parallel.run(threads) { part in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 25 + 30) { scratch in
                let k = scratch.baseAddress!, t = k + 25
                for pair in Parallel.range(part: part, of: threads, count: pairs) {
                    let co = pair / inputChannels, ci = pair % inputChannels
                    let src = w + pair * 25
                    for i in 0..<25 { k[i] = flipped ? src[24 - i] : src[i] }
                    // t = G k (6×5)
                    for i in 0..<6 {
                        for c in 0..<5 {
                            var sum: Float = 0
                            for j in 0..<5 { sum += g[i][j] * k[j * 5 + c] }
                            t[i * 5 + c] = sum
                        }
                    }
                    let row = flipped ? ci * outputChannels + co : co * inputChannels + ci
                    for i in 0..<6 {
                        for j in 0..<6 {
                            var sum: Float = 0
                            for c in 0..<5 { sum += t[i * 5 + c] * g[j][c] }
                            u[(6 * i + j) * pairs + row] = sum
                        }
                    }
                }
            }
        }
    }

    /// Shapes: du[36, Cout, Cin] → dw[Cout, Cin, 5, 5] += Gᵀ du G.
    static func accumulateFilterGradient(_ du: UnsafePointer<Float>, pairs: Int, into dw: UnsafeMutablePointer<Float>) {
        let g = Self.g
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 36 + 30) { scratch in
            let d = scratch.baseAddress!, t = d + 36
            for pair in 0..<pairs {
                for i in 0..<36 { d[i] = du[i * pairs + pair] }
                // t = Gᵀ d (5×6), then t G (5×5)
                for r in 0..<5 {
                    for c in 0..<6 {
                        var sum: Float = 0
                        for i in 0..<6 { sum += g[i][r] * d[i * 6 + c] }
                        t[r * 6 + c] = sum
                    }
                }
                let out = dw + pair * 25
                for r in 0..<5 {
                    for c in 0..<5 {
                        var sum: Float = 0
                        for j in 0..<6 { sum += t[r * 6 + j] * g[j][c] }
                        out[r * 5 + c] += sum
                    }
                }
            }
        }
    }

    /// Bᵀ applied to six values.
    @inline(__always)
    static func inputRows<V: SIMD>(_ d0: V, _ d1: V, _ d2: V, _ d3: V, _ d4: V, _ d5: V)
        -> (V, V, V, V, V, V) where V.Scalar == Float {
        let a = d4 - 4 * d2, b = d3 - 4 * d1, c = d4 - d2, e = 2 * (d3 - d1)
        return (4 * d0 - 5 * d2 + d4, a + b, a - b, c + e, c - e, 4 * d1 - 5 * d3 + d5)
    }

    /// Bᵀ applied to six scalars.
    @inline(__always)
    static func inputRows(_ d0: Float, _ d1: Float, _ d2: Float, _ d3: Float, _ d4: Float, _ d5: Float)
        -> (Float, Float, Float, Float, Float, Float) {
        let a = d4 - 4 * d2, b = d3 - 4 * d1, c = d4 - d2, e = 2 * (d3 - d1)
        return (4 * d0 - 5 * d2 + d4, a + b, a - b, c + e, c - e, 4 * d1 - 5 * d3 + d5)
    }

    /// Shapes: x[C, count, H, W] (images first..<first+images) → v[36, C, T] = Bᵀ d B per 6×6 tile.
    static func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                               first: Int, images: Int, into v: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let th = (height + 1) / 2, tw = (width + 1) / 2
        let tiles = images * th * tw
        let stride = channels * tiles
        for c in 0..<channels {
            for image in 0..<images {
                let plane = x + (c * count + first + image) * height * width
                for ty in 0..<th {
                    let y0 = 2 * ty - 2
                    for tx in 0..<tw {
                        let x0 = 2 * tx - 2
                        @inline(__always) func row(_ r: Int) -> V {
                            let iy = y0 + r
                            guard iy >= 0 && iy < height else { return V() }
                            let s = plane + iy * width + x0
                            var out = V()
                            if x0 >= 0 && x0 + 5 < width {
                                for q in 0..<6 { out[q] = s[q] }
                            } else {
                                for q in 0..<6 where x0 + q >= 0 && x0 + q < width { out[q] = s[q] }
                            }
                            return out
                        }
                        let t = inputRows(row(0), row(1), row(2), row(3), row(4), row(5))
                        let out = v + c * tiles + (image * th + ty) * tw + tx
                        @inline(__always) func store(_ r: V, _ i: Int) {
                            let e = inputRows(r[0], r[1], r[2], r[3], r[4], r[5])
                            out[(6 * i) * stride] = e.0
                            out[(6 * i + 1) * stride] = e.1
                            out[(6 * i + 2) * stride] = e.2
                            out[(6 * i + 3) * stride] = e.3
                            out[(6 * i + 4) * stride] = e.4
                            out[(6 * i + 5) * stride] = e.5
                        }
                        store(t.0, 0); store(t.1, 1); store(t.2, 2); store(t.3, 3); store(t.4, 4); store(t.5, 5)
                    }
                }
            }
        }
    }

    /// A (6×2) applied to (p, q): (p, p + q, p − q, p + 2q, p − 2q, q).
    @inline(__always)
    static func gradientRows<V: SIMD>(_ p: V, _ q: V) -> (V, V, V, V, V, V) where V.Scalar == Float {
        (p, p + q, p - q, p + 2 * q, p - 2 * q, q)
    }

    /// A (6×2) applied to two scalars.
    @inline(__always)
    static func gradientRows(_ p: Float, _ q: Float) -> (Float, Float, Float, Float, Float, Float) {
        (p, p + q, p - q, p + 2 * q, p - 2 * q, q)
    }

    /// Shapes: dy[C, count, H, W] (images first..<first+images) → ŷ[36, C, T] = A d Aᵀ per 2×2 output tile.
    static func transformOutputGradient(_ dy: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                                        count: Int, first: Int, images: Int, into out: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let th = (height + 1) / 2, tw = (width + 1) / 2
        let tiles = images * th * tw
        let stride = channels * tiles
        for c in 0..<channels {
            for image in 0..<images {
                let plane = dy + (c * count + first + image) * height * width
                for ty in 0..<th {
                    for tx in 0..<tw {
                        let y = 2 * ty, x = 2 * tx
                        let hasRight = x + 1 < width, hasBottom = y + 1 < height
                        let a = plane[y * width + x], b = hasRight ? plane[y * width + x + 1] : 0
                        let c2 = hasBottom ? plane[(y + 1) * width + x] : 0
                        let d = hasBottom && hasRight ? plane[(y + 1) * width + x + 1] : 0
                        let top = gradientRows(a, b), bottom = gradientRows(c2, d)
                        let topV = V(top.0, top.1, top.2, top.3, top.4, top.5, 0, 0)
                        let bottomV = V(bottom.0, bottom.1, bottom.2, bottom.3, bottom.4, bottom.5, 0, 0)
                        let rows = gradientRows(topV, bottomV)
                        let o = out + c * tiles + (image * th + ty) * tw + tx
                        @inline(__always) func store(_ r: V, _ i: Int) {
                            for j in 0..<6 { o[(6 * i + j) * stride] = r[j] }
                        }
                        store(rows.0, 0); store(rows.1, 1); store(rows.2, 2); store(rows.3, 3); store(rows.4, 4)
                        store(rows.5, 5)
                    }
                }
            }
        }
    }

    /// Shapes: m[36, C, T] → y[C, count, H, W] (images first..<first+images) = Aᵀ m A (+ bias, ReLU).
    static func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                first: Int, images: Int, bias: UnsafePointer<Float>?, relu: Bool,
                                into y: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let th = (height + 1) / 2, tw = (width + 1) / 2
        let tiles = images * th * tw
        let stride = channels * tiles
        for c in 0..<channels {
            let b = bias?[c] ?? 0
            for image in 0..<images {
                let plane = y + (c * count + first + image) * height * width
                for ty in 0..<th {
                    for tx in 0..<tw {
                        let s = m + c * tiles + (image * th + ty) * tw + tx
                        @inline(__always) func row(_ r: Int) -> V {
                            var v = V()
                            for j in 0..<6 { v[j] = s[(6 * r + j) * stride] }
                            return v
                        }
                        let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3), r4 = row(4), r5 = row(5)
                        let top = r0 + r1 + r2 + r3 + r4, bottom = r1 - r2 + 2 * (r3 - r4) + r5
                        var v00 = top[0] + top[1] + top[2] + top[3] + top[4] + b
                        var v01 = top[1] - top[2] + 2 * (top[3] - top[4]) + top[5] + b
                        var v10 = bottom[0] + bottom[1] + bottom[2] + bottom[3] + bottom[4] + b
                        var v11 = bottom[1] - bottom[2] + 2 * (bottom[3] - bottom[4]) + bottom[5] + b
                        if relu { v00 = max(v00, 0); v01 = max(v01, 0); v10 = max(v10, 0); v11 = max(v11, 0) }
                        let yy = 2 * ty, xx = 2 * tx
                        plane[yy * width + xx] = v00
                        if xx + 1 < width { plane[yy * width + xx + 1] = v01 }
                        if yy + 1 < height {
                            plane[(yy + 1) * width + xx] = v10
                            if xx + 1 < width { plane[(yy + 1) * width + xx + 1] = v11 }
                        }
                    }
                }
            }
        }
    }
}
