import CNeuralKernels

/// Winograd F(4×4, 3×3) transforms (points 0, ±1, ±2, ∞): 36 multiplies per 4×4 outputs instead of 144.
/// Same layouts as `WinogradKernels` with 6×6 input tiles at (4ty − 1, 4tx − 1); the input transform Bᵀ
/// is `WinogradSixPoints`' (shared with F(2×2, 5×5)),
/// G = [¼ 0 0; −⅙ −⅙ −⅙; −⅙ ⅙ −⅙; 1/24 1/12 ⅙; 1/24 −1/12 ⅙; 0 0 1],
/// Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 0; 0 1 1 4 4 0; 0 1 −1 8 −8 1]
/// (Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A equals the 3×3 correlation of a 6×6 tile to rounding; the kernel tests check
/// it against the naive reference).
enum Winograd43Kernels {
    static let g: [[Float]] = [
        [1.0 / 4, 0, 0],
        [-1.0 / 6, -1.0 / 6, -1.0 / 6],
        [-1.0 / 6, 1.0 / 6, -1.0 / 6],
        [1.0 / 24, 1.0 / 12, 1.0 / 6],
        [1.0 / 24, -1.0 / 12, 1.0 / 6],
        [0, 0, 1],
    ]

    /// A (6×4) applied to (p0, p1, p2, p3): (p0, p0 + p1 + p2 + p3, p0 − p1 + p2 − p3, p0 + 2p1 + 4p2 + 8p3,
    /// p0 − 2p1 + 4p2 − 8p3, p3).
    @inline(__always)
    static func gradientRows<V: TileVector>(_ p0: V, _ p1: V, _ p2: V, _ p3: V)
        -> (V, V, V, V, V, V) {
        let even = p0 + p2, odd = p1 + p3, evenFar = p0 + 4 * p2, oddFar = 2 * p1 + 8 * p3
        return (p0, even + odd, even - odd, evenFar + oddFar, evenFar - oddFar, p3)
    }

    /// Entry j of `gradientRows` alone, from the four values at `p`, `p + phase`, `p + 2·phase`, `p + 3·phase`.
    @inline(__always)
    static func gradientRow<V: TileVector>(_ j: Int, _ p: UnsafePointer<Float>, phase: Int) -> V {
        switch j {
        case 0: return V.load(p)
        case 5: return V.load(p + 3 * phase)
        default:
            let p0 = V.load(p), p1 = V.load(p + phase), p2 = V.load(p + 2 * phase), p3 = V.load(p + 3 * phase)
            switch j {
            case 1: return (p0 + p2) + (p1 + p3)
            case 2: return (p0 + p2) - (p1 + p3)
            case 3: return (p0 + 4 * p2) + (2 * p1 + 8 * p3)
            default: return (p0 + 4 * p2) - (2 * p1 + 8 * p3)
            }
        }
    }

    /// Shapes: dy[C, count, H, W] (the block's tiles) → ŷ[36, C, T] = A d Aᵀ per 4×4 output tile.
    static func transformOutputGradient(_ dy: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                                        count: Int, block: TileBlock, into out: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        if WinogradTiles.wide(tilesAcross: (width + 3) / 4) {
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
        let th = (height + 3) / 4, tw = (width + 3) / 4
        let stride = block.pointStride(channels: channels)
        let rowLength = T.phaseRowLength(tilesAcross: tw)
        let planeFloats = T.splitPlaneFloats(tilesDown: th, tilesAcross: tw, tileSize: 4, taps: 4)
        let planeRows = block.planeRows(height: height, tileSize: 4, taps: 4, pad: 0)
        let phaseStride = planeFloats / 4
        withUnsafeTemporaryAllocation(of: Float.self, capacity: planeFloats) { buffer in
            buffer.initialize(repeating: 0)
            let split = buffer.baseAddress!
            T.forEachSplitPlane(dy, channels: channels, count: count, block: block, height: height,
                                width: width, pad: 0, phases: 4, rowLength: rowLength,
                                phaseStride: phaseStride, rows: planeRows, into: split) { c, image in
                for ty in block.rows {
                    var tx = 0
                    while tx < tw {
                        let lanes = min(V.scalarCount, tw - tx)
                        let o = out + c * block.rowStride + block.start(image: image, row: ty) + tx
                        // A along each of the four rows (entry j only), then A down the column.
                        for j in 0..<6 {
                            @inline(__always) func along(_ r: Int) -> V {
                                gradientRow(j, UnsafePointer(split + (4 * ty + r) * rowLength + tx), phase: phaseStride)
                            }
                            let column = gradientRows(along(0), along(1), along(2), along(3))
                            V.store(column.0, o + j * stride, lanes: lanes)
                            V.store(column.1, o + (6 + j) * stride, lanes: lanes)
                            V.store(column.2, o + (12 + j) * stride, lanes: lanes)
                            V.store(column.3, o + (18 + j) * stride, lanes: lanes)
                            V.store(column.4, o + (24 + j) * stride, lanes: lanes)
                            V.store(column.5, o + (30 + j) * stride, lanes: lanes)
                        }
                        tx += V.scalarCount
                    }
                }
            }
        }
    }

    /// Aᵀ applied to six values: four outputs.
    @inline(__always)
    static func outputRows<V: TileVector>(_ m0: V, _ m1: V, _ m2: V, _ m3: V,
                           _ m4: V, _ m5: V) -> (V, V, V, V) {
        let sum12 = m1 + m2, difference12 = m1 - m2, sum34 = m3 + m4, difference34 = m3 - m4
        return (m0 + sum12 + sum34, difference12 + 2 * difference34, sum12 + 4 * sum34,
                difference12 + 8 * difference34 + m5)
    }

    /// Row i of Aᵀ applied to the six values at `p + r·stride`, r = 0…5.
    @inline(__always)
    static func outputRow<V: TileVector>(_ i: Int, _ p: UnsafePointer<Float>, stride: Int) -> V {
        let m1 = V.load(p + stride), m2 = V.load(p + 2 * stride), m3 = V.load(p + 3 * stride)
        let m4 = V.load(p + 4 * stride)
        switch i {
        case 0: return V.load(p) + (m1 + m2) + (m3 + m4)
        case 1: return (m1 - m2) + 2 * (m3 - m4)
        case 2: return (m1 + m2) + 4 * (m3 + m4)
        default: return (m1 - m2) + 8 * (m3 - m4) + V.load(p + 5 * stride)
        }
    }

    /// Shapes: m[36, C, T] → y[C, count, H, W] (the block's tiles) = Aᵀ m A (+ bias, ReLU).
    static func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                block: TileBlock, bias: UnsafePointer<Float>?, relu: Bool,
                                into y: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        if WinogradTiles.wide(tilesAcross: (width + 3) / 4) {
            return transformOutput(m, channels: channels, height: height, width: width, count: count, block: block,
                                   bias: bias, relu: relu, into: y, SIMD16<Float>.self)
        }
        // Rows of at most 8 tiles in C, whose interleave of the four output columns is two permutes and whose
        // row ends are masked stores (Swift built both lane by lane).
        WinogradTiles.transformOutputPlanes(m, channels: channels, height: height, width: width, count: count,
                                            block: block, tileSize: 4, bias: bias, relu: relu, into: y,
                                            metaqnn_f43_output_rows)
        #else
        transformOutput(m, channels: channels, height: height, width: width, count: count, block: block, bias: bias,
                        relu: relu, into: y, SIMD8<Float>.self)
        #endif
    }

    private static func transformOutput<V: TileVector>(_ m: UnsafePointer<Float>, channels: Int, height: Int,
                                                       width: Int, count: Int, block: TileBlock,
                                                       bias: UnsafePointer<Float>?, relu: Bool,
                                                       into y: UnsafeMutablePointer<Float>, _: V.Type) {
        let tw = (width + 3) / 4
        let stride = block.pointStride(channels: channels)
        // The floats of each plane the block's tile rows write.
        let written = 4 * block.rows.lowerBound * width..<min(height, 4 * block.rows.upperBound) * width
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
                        let columns = min(4 * lanes, width - 4 * tx)
                        // Row i of Aᵀ down each column j (points 6r + j), then Aᵀ along the row: output row 4ty + i.
                        for i in 0..<min(4, height - 4 * ty) {
                            @inline(__always) func down(_ j: Int) -> V { outputRow(i, s + j * stride, stride: 6 * stride) }
                            var r = outputRows(down(0), down(1), down(2), down(3), down(4), down(5))
                            r.0 += b; r.1 += b; r.2 += b; r.3 += b
                            if relu {
                                r.0 = r.0.rectified()
                                r.1 = r.1.rectified()
                                r.2 = r.2.rectified()
                                r.3 = r.3.rectified()
                            }
                            V.storeInterleaved(r.0, r.1, r.2, r.3, plane + (4 * ty + i) * width + 4 * tx, count: columns)
                        }
                        tx += V.scalarCount
                    }
                }
            }
        }
    }
}
