import CNeuralKernels

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
        Parallel.ranges(of: pairs, threads: threads, minimum: 256) { range in
            for pair in range {
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

    /// Shapes: du[16, Cout, Cin] → dw[Cout, Cin, 3, 3] += Gᵀ du G, for the pairs co · Cin + ci in `range`.
    static func accumulateFilterGradient(_ du: UnsafePointer<Float>, pairs: Int, _ range: Range<Int>,
                                         into dw: UnsafeMutablePointer<Float>) {
        typealias V4 = SIMD4<Float>
        for pair in range {
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

    /// Shapes: x[C, count, H, W] (the block's tiles) → v[16, C, T] = Bᵀ d B per 4×4 tile.
    static func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                               block: TileBlock, into v: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        if WinogradTiles.wide(tilesAcross: (width + 1) / 2) {
            return transformInput(x, channels: channels, height: height, width: width, count: count, block: block,
                                  into: v, SIMD16<Float>.self)
        }
        #endif
        transformInput(x, channels: channels, height: height, width: width, count: count, block: block, into: v,
                       SIMD8<Float>.self)
    }

    private static func transformInput<V: TileVector>(_ x: UnsafePointer<Float>, channels: Int, height: Int,
                                                      width: Int, count: Int, block: TileBlock,
                                                      into v: UnsafeMutablePointer<Float>, _: V.Type) {
        typealias T = WinogradTiles
        let th = (height + 1) / 2, tw = (width + 1) / 2
        let stride = block.pointStride(channels: channels)
        let rowLength = T.phaseRowLength(tilesAcross: tw)
        let planeFloats = T.splitPlaneFloats(tilesDown: th, tilesAcross: tw, tileSize: 2, taps: 4)
        let planeRows = block.planeRows(height: height, tileSize: 2, taps: 4, pad: 1)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: planeFloats) { buffer in
            buffer.initialize(repeating: 0)
            let even = buffer.baseAddress!, odd = even + planeFloats / 2
            T.forEachSplitPlane(x, channels: channels, count: count, block: block, height: height,
                                width: width, pad: 1, phases: 2, rowLength: rowLength,
                                phaseStride: planeFloats / 2, rows: planeRows, into: even) { c, image in
                for ty in block.rows {
                    var tx = 0
                    while tx < tw {
                        let lanes = min(V.scalarCount, tw - tx)
                        @inline(__always) func row(_ r: Int) -> (V, V, V, V) {
                            let e = UnsafePointer(even + (2 * ty + r) * rowLength + tx)
                            let o = UnsafePointer(odd + (2 * ty + r) * rowLength + tx)
                            return (V.load(e), V.load(o), V.load(e + 1), V.load(o + 1))
                        }
                        let d0 = row(0), d1 = row(1), d2 = row(2), d3 = row(3)
                        // Bᵀ on rows: (d0 − d2, d1 + d2, d2 − d1, d1 − d3), then the same across each row.
                        let out = v + c * block.rowStride + block.start(image: image, row: ty) + tx
                        @inline(__always) func emit(_ t: (V, V, V, V), _ r: Int) {
                            V.store(t.0 - t.2, out + (4 * r) * stride, lanes: lanes)
                            V.store(t.1 + t.2, out + (4 * r + 1) * stride, lanes: lanes)
                            V.store(t.2 - t.1, out + (4 * r + 2) * stride, lanes: lanes)
                            V.store(t.1 - t.3, out + (4 * r + 3) * stride, lanes: lanes)
                        }
                        emit((d0.0 - d2.0, d0.1 - d2.1, d0.2 - d2.2, d0.3 - d2.3), 0)
                        emit((d1.0 + d2.0, d1.1 + d2.1, d1.2 + d2.2, d1.3 + d2.3), 1)
                        emit((d2.0 - d1.0, d2.1 - d1.1, d2.2 - d1.2, d2.3 - d1.3), 2)
                        emit((d1.0 - d3.0, d1.1 - d3.1, d1.2 - d3.2, d1.3 - d3.3), 3)
                        tx += V.scalarCount
                    }
                }
            }
        }
    }

    /// Shapes: dy[C, count, H, W] (the block's tiles) → ŷ[16, C, T] = A d Aᵀ per 2×2 output tile.
    static func transformOutputGradient(_ dy: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                                        count: Int, block: TileBlock, into out: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        if WinogradTiles.wide(tilesAcross: (width + 1) / 2) {
            return transformOutputGradient(dy, channels: channels, height: height, width: width, count: count,
                                           block: block, into: out, SIMD16<Float>.self)
        }
        #endif
        transformOutputGradient(dy, channels: channels, height: height, width: width, count: count, block: block,
                                into: out, SIMD8<Float>.self)
    }

    private static func transformOutputGradient<V: TileVector>(_ dy: UnsafePointer<Float>, channels: Int, height: Int,
                                                               width: Int, count: Int, block: TileBlock,
                                                               into out: UnsafeMutablePointer<Float>, _: V.Type) {
        typealias T = WinogradTiles
        let th = (height + 1) / 2, tw = (width + 1) / 2
        let stride = block.pointStride(channels: channels)
        let rowLength = T.phaseRowLength(tilesAcross: tw)
        let planeFloats = T.splitPlaneFloats(tilesDown: th, tilesAcross: tw, tileSize: 2, taps: 2)
        let planeRows = block.planeRows(height: height, tileSize: 2, taps: 2, pad: 0)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: planeFloats) { buffer in
            buffer.initialize(repeating: 0)
            let even = buffer.baseAddress!, odd = even + planeFloats / 2
            T.forEachSplitPlane(dy, channels: channels, count: count, block: block, height: height,
                                width: width, pad: 0, phases: 2, rowLength: rowLength,
                                phaseStride: planeFloats / 2, rows: planeRows, into: even) { c, image in
                for ty in block.rows {
                    var tx = 0
                    while tx < tw {
                        let lanes = min(V.scalarCount, tw - tx)
                        let upper = 2 * ty * rowLength + tx, lower = upper + rowLength
                        let a = V.load(even + upper), b = V.load(odd + upper)
                        let c2 = V.load(even + lower), d = V.load(odd + lower)
                        // A maps (p, q) to (p, p + q, p − q, −q): first along rows, then down columns.
                        let top = (a, a + b, a - b, -b), bottom = (c2, c2 + d, c2 - d, -d)
                        let o = out + c * block.rowStride + block.start(image: image, row: ty) + tx
                        @inline(__always) func emit(_ t: (V, V, V, V), _ r: Int) {
                            V.store(t.0, o + (4 * r) * stride, lanes: lanes)
                            V.store(t.1, o + (4 * r + 1) * stride, lanes: lanes)
                            V.store(t.2, o + (4 * r + 2) * stride, lanes: lanes)
                            V.store(t.3, o + (4 * r + 3) * stride, lanes: lanes)
                        }
                        emit(top, 0)
                        emit((top.0 + bottom.0, top.1 + bottom.1, top.2 + bottom.2, top.3 + bottom.3), 1)
                        emit((top.0 - bottom.0, top.1 - bottom.1, top.2 - bottom.2, top.3 - bottom.3), 2)
                        emit((-bottom.0, -bottom.1, -bottom.2, -bottom.3), 3)
                        tx += V.scalarCount
                    }
                }
            }
        }
    }

    /// Shapes: m[16, C, T] → y[C, count, H, W] (the block's tiles) = Aᵀ m A (+ bias, ReLU).
    static func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                block: TileBlock, bias: UnsafePointer<Float>?, relu: Bool,
                                into y: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        // Rows of at most 16 tiles in C, whose interleave of the two output columns is two permutes and whose
        // row ends are masked stores (Swift built both lane by lane).
        if width <= 32 {
            return WinogradTiles.transformOutputPlanes(m, channels: channels, height: height, width: width,
                                                       count: count, block: block, tileSize: 2, bias: bias,
                                                       relu: relu, into: y, metaqnn_f23_output_rows)
        }
        return transformOutput(m, channels: channels, height: height, width: width, count: count, block: block,
                               bias: bias, relu: relu, into: y, SIMD16<Float>.self)
        #else
        transformOutput(m, channels: channels, height: height, width: width, count: count, block: block, bias: bias,
                        relu: relu, into: y, SIMD8<Float>.self)
        #endif
    }

    private static func transformOutput<V: TileVector>(_ m: UnsafePointer<Float>, channels: Int, height: Int,
                                                       width: Int, count: Int, block: TileBlock,
                                                       bias: UnsafePointer<Float>?, relu: Bool,
                                                       into y: UnsafeMutablePointer<Float>, _: V.Type) {
        let tw = (width + 1) / 2
        let stride = block.pointStride(channels: channels)
        // The floats of each plane the block's tile rows write.
        let written = 2 * block.rows.lowerBound * width..<min(height, 2 * block.rows.upperBound) * width
        for c in 0..<channels {
            let b = V(repeating: bias?[c] ?? 0)
            for image in 0..<block.images {
                let plane = y + (c * count + block.first + image) * height * width
                WinogradTiles.prefetchNextPlane(y, c: c, image: image, channels: channels, count: count, block: block,
                                                 area: height * width, floats: written, write: true)
                for ty in block.rows {
                    var tx = 0
                    while tx < tw {
                        let lanes = min(V.scalarCount, tw - tx)
                        let s = m + c * block.rowStride + block.start(image: image, row: ty) + tx
                        @inline(__always) func row(_ r: Int) -> (V, V, V, V) {
                            (V.load(s + (4 * r) * stride, lanes: lanes), V.load(s + (4 * r + 1) * stride, lanes: lanes),
                             V.load(s + (4 * r + 2) * stride, lanes: lanes), V.load(s + (4 * r + 3) * stride, lanes: lanes))
                        }
                        let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3)
                        // Aᵀ = [1 1 1 0; 0 1 −1 −1] down the columns, then along the rows.
                        let top = (r0.0 + r1.0 + r2.0, r0.1 + r1.1 + r2.1, r0.2 + r1.2 + r2.2, r0.3 + r1.3 + r2.3)
                        let bottom = (r1.0 - r2.0 - r3.0, r1.1 - r2.1 - r3.1, r1.2 - r2.2 - r3.2, r1.3 - r2.3 - r3.3)
                        var v00 = top.0 + top.1 + top.2 + b, v01 = top.1 - top.2 - top.3 + b
                        var v10 = bottom.0 + bottom.1 + bottom.2 + b, v11 = bottom.1 - bottom.2 - bottom.3 + b
                        if relu {
                            v00 = v00.rectified()
                            v01 = v01.rectified()
                            v10 = v10.rectified()
                            v11 = v11.rectified()
                        }
                        let columns = min(2 * lanes, width - 2 * tx)
                        V.storeInterleaved(v00, v01, plane + 2 * ty * width + 2 * tx, count: columns)
                        if 2 * ty + 1 < height {
                            V.storeInterleaved(v10, v11, plane + (2 * ty + 1) * width + 2 * tx, count: columns)
                        }
                        tx += V.scalarCount
                    }
                }
            }
        }
    }
}
