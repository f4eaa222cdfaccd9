/// Winograd F(2×2, 3×3) for 3×3 stride-1 SAME convolutions: 16 multiplies per 2×2 outputs instead of 36.
/// Each pass is 16 GEMMs (one per transform point ξ) between transforms:
/// forward    M_ξ[Cout, T] = U_ξ[Cout, Cin] · V_ξ[Cin, T],        U = G g Gᵀ, V = Bᵀ d B, y = Aᵀ M A
/// input grad the same with U′ from the rotated, transposed kernel, applied to dY
/// filter grad dU_ξ[Cout, Cin] += Ŷ_ξ[Cout, T] · V_ξᵀ[T, Cin], Ŷ = A dy Aᵀ, dW = Gᵀ dU G
/// Tiles are 4×4 input patches at (2ty − 1, 2tx − 1); T counts the tiles of a chunk of images.
enum WinogradKernels {
    /// Shapes: w[Cout, Cin, 3, 3] → u[16, Cout, Cin] (G g Gᵀ); with `flipped`, u[16, Cin, Cout] from the
    /// 180°-rotated kernel with channels swapped (the input-gradient convolution).
    static func transformWeights(_ w: UnsafePointer<Float>, outputChannels: Int, inputChannels: Int, flipped: Bool,
                                 into u: UnsafeMutablePointer<Float>, threads: Int) {
        typealias V3 = SIMD3<Float>
        let pairs = outputChannels * inputChannels
        Parallel.run(threads) { part in
            for pair in Parallel.range(part: part, of: threads, count: pairs) {
                let co = pair / inputChannels, ci = pair % inputChannels
                let g = w + pair * 9
                var k0 = V3(g[0], g[1], g[2]), k1 = V3(g[3], g[4], g[5]), k2 = V3(g[6], g[7], g[8])
                if flipped {
                    (k0, k2) = (V3(k2[2], k2[1], k2[0]), V3(k0[2], k0[1], k0[0]))
                    k1 = V3(k1[2], k1[1], k1[0])
                }
                // Rows of G k, then each row times Gᵀ.
                let rows = [k0, 0.5 * (k0 + k1 + k2), 0.5 * (k0 - k1 + k2), k2]
                let row = flipped ? ci * outputChannels + co : co * inputChannels + ci
                for r in 0..<4 {
                    let t = rows[r]
                    u[(4 * r) * pairs + row] = t[0]
                    u[(4 * r + 1) * pairs + row] = 0.5 * (t[0] + t[1] + t[2])
                    u[(4 * r + 2) * pairs + row] = 0.5 * (t[0] - t[1] + t[2])
                    u[(4 * r + 3) * pairs + row] = t[2]
                }
            }
        }
    }

    /// Shapes: du[16, Cout, Cin] → dw[Cout, Cin, 3, 3] += Gᵀ du G.
    static func accumulateFilterGradient(_ du: UnsafePointer<Float>, pairs: Int, into dw: UnsafeMutablePointer<Float>) {
        typealias V4 = SIMD4<Float>
        for pair in 0..<pairs {
            var r = [V4](repeating: V4(), count: 4)
            for i in 0..<4 {
                r[i] = V4(du[(4 * i) * pairs + pair], du[(4 * i + 1) * pairs + pair], du[(4 * i + 2) * pairs + pair],
                          du[(4 * i + 3) * pairs + pair])
            }
            // Gᵀ rows: (r0 + ½r1 + ½r2, ½r1 − ½r2, ½r1 + ½r2 + r3), then the same on columns.
            let t = [r[0] + 0.5 * (r[1] + r[2]), 0.5 * (r[1] - r[2]), 0.5 * (r[1] + r[2]) + r[3]]
            let out = dw + pair * 9
            for i in 0..<3 {
                let v = t[i]
                out[3 * i] += v[0] + 0.5 * (v[1] + v[2])
                out[3 * i + 1] += 0.5 * (v[1] - v[2])
                out[3 * i + 2] += 0.5 * (v[1] + v[2]) + v[3]
            }
        }
    }

    /// Shapes: x[C, count, H, W] (images first..<first+images) → v[16, C, T] = Bᵀ d B per 4×4 tile.
    static func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                               first: Int, images: Int, into v: UnsafeMutablePointer<Float>) {
        typealias V4 = SIMD4<Float>
        let th = (height + 1) / 2, tw = (width + 1) / 2
        let tiles = images * th * tw
        let stride = channels * tiles
        for c in 0..<channels {
            for image in 0..<images {
                let plane = x + (c * count + first + image) * height * width
                for ty in 0..<th {
                    let y0 = 2 * ty - 1
                    for tx in 0..<tw {
                        let x0 = 2 * tx - 1
                        @inline(__always) func row(_ r: Int) -> V4 {
                            let iy = y0 + r
                            guard iy >= 0 && iy < height else { return V4() }
                            let s = plane + iy * width + x0
                            if x0 >= 0 && x0 + 3 < width { return UnsafeRawPointer(s).loadUnaligned(as: V4.self) }
                            return V4(x0 >= 0 ? s[0] : 0, s[1], x0 + 2 < width ? s[2] : 0, x0 + 3 < width ? s[3] : 0)
                        }
                        let d0 = row(0), d1 = row(1), d2 = row(2), d3 = row(3)
                        let rows = (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
                        let out = v + c * tiles + (image * th + ty) * tw + tx
                        @inline(__always) func store(_ t: V4, _ r: Int) {
                            out[(4 * r) * stride] = t[0] - t[2]
                            out[(4 * r + 1) * stride] = t[1] + t[2]
                            out[(4 * r + 2) * stride] = t[2] - t[1]
                            out[(4 * r + 3) * stride] = t[1] - t[3]
                        }
                        store(rows.0, 0); store(rows.1, 1); store(rows.2, 2); store(rows.3, 3)
                    }
                }
            }
        }
    }

    /// Shapes: dy[C, count, H, W] (images first..<first+images) → ŷ[16, C, T] = A d Aᵀ per 2×2 output tile.
    static func transformOutputGradient(_ dy: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                                        count: Int, first: Int, images: Int, into out: UnsafeMutablePointer<Float>) {
        typealias V4 = SIMD4<Float>
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
                        // A (4×2) maps (p, q) to (p, p + q, p − q, −q) on rows, then on columns.
                        let top = V4(a, a + b, a - b, -b), bottom = V4(c2, c2 + d, c2 - d, -d)
                        let rows = (top, top + bottom, top - bottom, -bottom)
                        let o = out + c * tiles + (image * th + ty) * tw + tx
                        @inline(__always) func store(_ t: V4, _ r: Int) {
                            o[(4 * r) * stride] = t[0]
                            o[(4 * r + 1) * stride] = t[1]
                            o[(4 * r + 2) * stride] = t[2]
                            o[(4 * r + 3) * stride] = t[3]
                        }
                        store(rows.0, 0); store(rows.1, 1); store(rows.2, 2); store(rows.3, 3)
                    }
                }
            }
        }
    }

    /// Shapes: m[16, C, T] → y[C, count, H, W] (images first..<first+images) = Aᵀ m A (+ bias, ReLU).
    static func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                first: Int, images: Int, bias: UnsafePointer<Float>?, relu: Bool,
                                into y: UnsafeMutablePointer<Float>) {
        typealias V4 = SIMD4<Float>
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
                        @inline(__always) func row(_ r: Int) -> V4 {
                            V4(s[(4 * r) * stride], s[(4 * r + 1) * stride], s[(4 * r + 2) * stride],
                               s[(4 * r + 3) * stride])
                        }
                        let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3)
                        let top = r0 + r1 + r2, bottom = r1 - r2 - r3
                        var v00 = top[0] + top[1] + top[2] + b, v01 = top[1] - top[2] - top[3] + b
                        var v10 = bottom[0] + bottom[1] + bottom[2] + b, v11 = bottom[1] - bottom[2] - bottom[3] + b
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
