/// The input transform that F(2×2, 5×5) and F(4×4, 3×3) share: both evaluate at the points 0, ±1, ±2, ∞,
/// so both read 6×6 input tiles through the same
/// Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1].
/// They differ in where tiles start: every 2 (F(2×2, 5×5), padding 2) or every 4 (F(4×4, 3×3), padding 1)
/// rows and columns.
enum WinogradSixPoints {
    /// Bᵀ applied to six values.
    @inline(__always)
    static func inputRows(_ d0: SIMD8<Float>, _ d1: SIMD8<Float>, _ d2: SIMD8<Float>, _ d3: SIMD8<Float>,
                          _ d4: SIMD8<Float>, _ d5: SIMD8<Float>)
        -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
        // Concrete SIMD8 on purpose: generic `SIMD` arithmetic compiles to scalar loops.
        let a = d4 - 4 * d2, b = d3 - 4 * d1, c = d4 - d2, e = 2 * (d3 - d1)
        return (4 * d0 - 5 * d2 + d4, a + b, a - b, c + e, c - e, 4 * d1 - 5 * d3 + d5)
    }

    /// Entry j of `inputRows` on one row of 8 tiles whose six values are at `d0`…`d5`. It loads only what
    /// entry j uses and computes it with the same operations in the same order as `inputRows`, so the
    /// result is bit-identical.
    @inline(__always)
    static func inputRow(_ j: Int, _ d0: UnsafePointer<Float>, _ d1: UnsafePointer<Float>, _ d2: UnsafePointer<Float>,
                         _ d3: UnsafePointer<Float>, _ d4: UnsafePointer<Float>, _ d5: UnsafePointer<Float>)
        -> SIMD8<Float> {
        typealias T = WinogradTiles
        switch j {
        case 0: return 4 * T.load(d0) - 5 * T.load(d2) + T.load(d4)
        case 1, 2:
            let v1 = T.load(d1), v2 = T.load(d2), v3 = T.load(d3), v4 = T.load(d4)
            let a = v4 - 4 * v2, b = v3 - 4 * v1
            return j == 1 ? a + b : a - b
        case 3, 4:
            let v1 = T.load(d1), v2 = T.load(d2), v3 = T.load(d3), v4 = T.load(d4)
            let c = v4 - v2, e = 2 * (v3 - v1)
            return j == 3 ? c + e : c - e
        default: return 4 * T.load(d1) - 5 * T.load(d3) + T.load(d5)
        }
    }

    /// Shapes: x[C, count, H, W] (images first..<first+images) → v[36, C, T] = Bᵀ d B per 6×6 tile, the
    /// tiles at (s·ty − p, s·tx − p) for tile size s = `tileSize` (2 or 4) and padding p = (6 − s) / 2.
    static func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                               first: Int, images: Int, tileSize: Int, into v: UnsafeMutablePointer<Float>) {
        // One copy of the loop per tile size, so that its divisions and remainders by it are shifts and masks.
        if tileSize == 4 {
            transformInput4(x, channels: channels, height: height, width: width, count: count, first: first,
                            images: images, into: v)
        } else {
            transformInput2(x, channels: channels, height: height, width: width, count: count, first: first,
                            images: images, into: v)
        }
    }

    @inline(never)
    private static func transformInput2(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                        first: Int, images: Int, into v: UnsafeMutablePointer<Float>) {
        transformInput(x, channels: channels, height: height, width: width, count: count, first: first,
                       images: images, s: 2, into: v)
    }

    @inline(never)
    private static func transformInput4(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                        first: Int, images: Int, into v: UnsafeMutablePointer<Float>) {
        transformInput(x, channels: channels, height: height, width: width, count: count, first: first,
                       images: images, s: 4, into: v)
    }

    @inline(__always)
    private static func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                       first: Int, images: Int, s: Int, into v: UnsafeMutablePointer<Float>) {
        typealias T = WinogradTiles
        let th = (height + s - 1) / s, tw = (width + s - 1) / s
        let tiles = images * th * tw
        let stride = WinogradVariant.pointStride(channels: channels, tiles: tiles)
        let rowLength = T.phaseRowLength(tilesAcross: tw)
        let planeFloats = T.splitPlaneFloats(tilesDown: th, tilesAcross: tw, tileSize: s, taps: 6)
        let phaseStride = planeFloats / s
        withUnsafeTemporaryAllocation(of: Float.self, capacity: planeFloats) { buffer in
            buffer.initialize(repeating: 0)
            let split = buffer.baseAddress!
            // Column j of a tile is phase j mod s at offset j / s.
            @inline(__always) func column(_ j: Int) -> Int { (j % s) * phaseStride + j / s }
            let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3), c4 = column(4), c5 = column(5)
            for c in 0..<channels {
                for image in 0..<images {
                    T.splitPlane(x + (c * count + first + image) * height * width, height: height, width: width,
                                 pad: (6 - s) / 2, phases: s, rowLength: rowLength, phaseStride: phaseStride,
                                 into: split)
                    for ty in 0..<th {
                        var tx = 0
                        while tx < tw {
                            let lanes = min(8, tw - tx)
                            let out = v + c * tiles + (image * th + ty) * tw + tx
                            // Bᵀ along each tile row first (d B), then Bᵀ down the columns, one column j of
                            // d B at a time: its six entries come straight from the split rows, so nothing
                            // goes through memory between the two passes.
                            for j in 0..<6 {
                                @inline(__always) func across(_ r: Int) -> T.V {
                                    let row = UnsafePointer(split + (s * ty + r) * rowLength + tx)
                                    return inputRow(j, row + c0, row + c1, row + c2, row + c3, row + c4, row + c5)
                                }
                                let e = inputRows(across(0), across(1), across(2), across(3), across(4), across(5))
                                T.store(e.0, out + j * stride, lanes: lanes)
                                T.store(e.1, out + (6 + j) * stride, lanes: lanes)
                                T.store(e.2, out + (12 + j) * stride, lanes: lanes)
                                T.store(e.3, out + (18 + j) * stride, lanes: lanes)
                                T.store(e.4, out + (24 + j) * stride, lanes: lanes)
                                T.store(e.5, out + (30 + j) * stride, lanes: lanes)
                            }
                            tx += 8
                        }
                    }
                }
            }
        }
    }
}
