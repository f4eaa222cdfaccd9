import CNeuralKernels

/// Winograd F(2×2, 5×5) transforms (points 0, ±1, ±2, ∞): 36 multiplies per 2×2 outputs instead of 100.
/// Same scheme and layouts as `WinogradKernels` with 6×6 input tiles at (2ty − 2, 2tx − 2) and 36 points;
/// the input transform Bᵀ is `WinogradSixPoints`' (shared with F(4×4, 3×3)),
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

    /// A (6×2) applied to (p, q): (p, p + q, p − q, p + 2q, p − 2q, q).
    @inline(__always)
    static func gradientRows<V: TileVector>(_ p: V, _ q: V)
        -> (V, V, V, V, V, V) {
        (p, p + q, p - q, p + 2 * q, p - 2 * q, q)
    }

    /// Shapes: dy[C, count, H, W] (the block's tiles) → ŷ[36, C, T] = A d Aᵀ per 2×2 output tile.
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
                        let top = gradientRows(a, b), bottom = gradientRows(c2, d)
                        let o = out + c * block.rowStride + block.start(image: image, row: ty) + tx
                        @inline(__always) func emit(_ j: Int, _ p: V, _ q: V) {
                            let column = gradientRows(p, q)
                            V.store(column.0, o + j * stride, lanes: lanes)
                            V.store(column.1, o + (6 + j) * stride, lanes: lanes)
                            V.store(column.2, o + (12 + j) * stride, lanes: lanes)
                            V.store(column.3, o + (18 + j) * stride, lanes: lanes)
                            V.store(column.4, o + (24 + j) * stride, lanes: lanes)
                            V.store(column.5, o + (30 + j) * stride, lanes: lanes)
                        }
                        emit(0, top.0, bottom.0); emit(1, top.1, bottom.1); emit(2, top.2, bottom.2)
                        emit(3, top.3, bottom.3); emit(4, top.4, bottom.4); emit(5, top.5, bottom.5)
                        tx += V.scalarCount
                    }
                }
            }
        }
    }

    /// Shapes: m[36, C, T] → y[C, count, H, W] (the block's tiles) = Aᵀ m A (+ bias, ReLU).
    static func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                block: TileBlock, bias: UnsafePointer<Float>?, relu: Bool,
                                into y: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        // Rows of at most 16 tiles in C, whose interleave of the two output columns is two permutes and whose
        // row ends are masked stores (Swift built both lane by lane).
        if width <= 32 {
            return WinogradTiles.transformOutputPlanes(m, channels: channels, height: height, width: width,
                                                       count: count, block: block, tileSize: 2, bias: bias,
                                                       relu: relu, into: y, metaqnn_f25_output_rows)
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
        withUnsafeTemporaryAllocation(of: V.self, capacity: 12) { scratch in
            let top = scratch.baseAddress!, bottom = top + 6
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
                            // Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 1] down each column j, then along the two rows.
                            for j in 0..<6 {
                                let r0 = V.load(s + j * stride, lanes: lanes), r1 = V.load(s + (6 + j) * stride, lanes: lanes)
                                let r2 = V.load(s + (12 + j) * stride, lanes: lanes)
                                let r3 = V.load(s + (18 + j) * stride, lanes: lanes)
                                let r4 = V.load(s + (24 + j) * stride, lanes: lanes)
                                let r5 = V.load(s + (30 + j) * stride, lanes: lanes)
                                top[j] = r0 + r1 + r2 + r3 + r4
                                bottom[j] = r1 - r2 + 2 * (r3 - r4) + r5
                            }
                            var v00 = top[0] + top[1] + top[2] + top[3] + top[4] + b
                            var v01 = top[1] - top[2] + 2 * (top[3] - top[4]) + top[5] + b
                            var v10 = bottom[0] + bottom[1] + bottom[2] + bottom[3] + bottom[4] + b
                            var v11 = bottom[1] - bottom[2] + 2 * (bottom[3] - bottom[4]) + bottom[5] + b
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
}
