/// What F(2×2, 5×5) and F(4×4, 3×3) share: the weight and filter-gradient transforms around their own G,
/// and the input transform. Both evaluate at the points 0, ±1, ±2, ∞, so both read 6×6 input tiles
/// through the same Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1].
/// They differ in where tiles start: every 2 (F(2×2, 5×5), padding 2) or every 4 (F(4×4, 3×3), padding 1)
/// rows and columns.
enum WinogradSixPoints {
    /// Shapes: w[Cout, Cin, r, r] → u[36, Cout, Cin] = G w Gᵀ for a 6×r `g` (r = 5 for F(2×2, 5×5), 3 for
    /// F(4×4, 3×3)); with `flipped`, u[36, Cin, Cout] of the rotated kernel.
    static func transformWeights(_ w: UnsafePointer<Float>, g: [[Float]], outputChannels: Int, inputChannels: Int,
                                 flipped: Bool, into u: UnsafeMutablePointer<Float>, threads: Int) {
        let pairs = outputChannels * inputChannels, r = g[0].count, taps = r * r
        Parallel.ranges(of: pairs, threads: threads, minimum: 256) { range in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: taps + 6 * r) { scratch in
                let k = scratch.baseAddress!, t = k + taps
                for pair in range {
                    let co = pair / inputChannels, ci = pair % inputChannels
                    let src = w + pair * taps
                    for i in 0..<taps { k[i] = flipped ? src[taps - 1 - i] : src[i] }
                    // t = G k (6×r)
                    for i in 0..<6 {
                        for c in 0..<r {
                            var sum: Float = 0
                            for j in 0..<r { sum += g[i][j] * k[j * r + c] }
                            t[i * r + c] = sum
                        }
                    }
                    let row = flipped ? ci * outputChannels + co : co * inputChannels + ci
                    for i in 0..<6 {
                        for j in 0..<6 {
                            var sum: Float = 0
                            for c in 0..<r { sum += t[i * r + c] * g[j][c] }
                            u[(6 * i + j) * pairs + row] = sum
                        }
                    }
                }
            }
        }
    }

    /// Shapes: du[36, Cout, Cin] → dw[Cout, Cin, r, r] += Gᵀ du G for a 6×r `g`, for the pairs
    /// co · Cin + ci in `range`.
    static func accumulateFilterGradient(_ du: UnsafePointer<Float>, g: [[Float]], pairs: Int, _ range: Range<Int>,
                                         into dw: UnsafeMutablePointer<Float>) {
        let r = g[0].count
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 36 + 6 * r) { scratch in
            let d = scratch.baseAddress!, t = d + 36
            for pair in range {
                for i in 0..<36 { d[i] = du[i * pairs + pair] }
                // t = Gᵀ d (r×6), then t G (r×r)
                for row in 0..<r {
                    for c in 0..<6 {
                        var sum: Float = 0
                        for i in 0..<6 { sum += g[i][row] * d[i * 6 + c] }
                        t[row * 6 + c] = sum
                    }
                }
                let out = dw + pair * r * r
                for row in 0..<r {
                    for c in 0..<r {
                        var sum: Float = 0
                        for j in 0..<6 { sum += t[row * 6 + j] * g[j][c] }
                        out[row * r + c] += sum
                    }
                }
            }
        }
    }

    /// Bᵀ applied to six values.
    @inline(__always)
    static func inputRows<V: TileVector>(_ d0: V, _ d1: V, _ d2: V, _ d3: V,
                          _ d4: V, _ d5: V)
        -> (V, V, V, V, V, V) {
        let a = d4 - 4 * d2, b = d3 - 4 * d1, c = d4 - d2, e = 2 * (d3 - d1)
        return (4 * d0 - 5 * d2 + d4, a + b, a - b, c + e, c - e, 4 * d1 - 5 * d3 + d5)
    }

    /// Entry j of `inputRows` on one row of tiles (a lane each) whose six values are at `d0`…`d5`. It loads
    /// only what entry j uses and computes it with the same operations in the same order as `inputRows`, so
    /// the result is bit-identical.
    @inline(__always)
    static func inputRow<V: TileVector>(_ j: Int, _ d0: UnsafePointer<Float>, _ d1: UnsafePointer<Float>,
                                        _ d2: UnsafePointer<Float>, _ d3: UnsafePointer<Float>, _ d4: UnsafePointer<Float>,
                                        _ d5: UnsafePointer<Float>)
        -> V {
        switch j {
        case 0: return 4 * V.load(d0) - 5 * V.load(d2) + V.load(d4)
        case 1, 2:
            let v1 = V.load(d1), v2 = V.load(d2), v3 = V.load(d3), v4 = V.load(d4)
            let a = v4 - 4 * v2, b = v3 - 4 * v1
            return j == 1 ? a + b : a - b
        case 3, 4:
            let v1 = V.load(d1), v2 = V.load(d2), v3 = V.load(d3), v4 = V.load(d4)
            let c = v4 - v2, e = 2 * (v3 - v1)
            return j == 3 ? c + e : c - e
        default: return 4 * V.load(d1) - 5 * V.load(d3) + V.load(d5)
        }
    }

    /// Shapes: x[C, count, H, W] (the block's tiles) → v[36, C, T] = Bᵀ d B per 6×6 tile, the
    /// tiles at (s·ty − p, s·tx − p) for tile size s = `tileSize` (2 or 4) and padding p = (6 − s) / 2.
    static func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                               block: TileBlock, tileSize: Int, into v: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        if WinogradTiles.wide(tilesAcross: (width + tileSize - 1) / tileSize) {
            return transformInput(x, channels: channels, height: height, width: width, count: count, block: block,
                                  tileSize: tileSize, into: v, SIMD16<Float>.self)
        }
        #endif
        transformInput(x, channels: channels, height: height, width: width, count: count, block: block,
                       tileSize: tileSize, into: v, SIMD8<Float>.self)
    }

    private static func transformInput<V: TileVector>(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                                                      count: Int, block: TileBlock, tileSize: Int,
                                                      into v: UnsafeMutablePointer<Float>, _: V.Type) {
        // One copy of the loop per tile size, so that its divisions and remainders by it are shifts and masks.
        if tileSize == 4 {
            transformInput4(x, channels: channels, height: height, width: width, count: count, block: block,
                            into: v, V.self)
        } else {
            transformInput2(x, channels: channels, height: height, width: width, count: count, block: block,
                            into: v, V.self)
        }
    }

    @inline(never)
    private static func transformInput2<V: TileVector>(_ x: UnsafePointer<Float>, channels: Int, height: Int,
                                                       width: Int, count: Int, block: TileBlock,
                                                       into v: UnsafeMutablePointer<Float>, _: V.Type) {
        transformInput(x, channels: channels, height: height, width: width, count: count, block: block, s: 2,
                       into: v, V.self)
    }

    @inline(never)
    private static func transformInput4<V: TileVector>(_ x: UnsafePointer<Float>, channels: Int, height: Int,
                                                       width: Int, count: Int, block: TileBlock,
                                                       into v: UnsafeMutablePointer<Float>, _: V.Type) {
        transformInput(x, channels: channels, height: height, width: width, count: count, block: block, s: 4,
                       into: v, V.self)
    }

    @inline(__always)
    private static func transformInput<V: TileVector>(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                                                      count: Int, block: TileBlock, s: Int,
                                                      into v: UnsafeMutablePointer<Float>, _: V.Type) {
        typealias T = WinogradTiles
        let th = (height + s - 1) / s, tw = (width + s - 1) / s
        let stride = block.pointStride(channels: channels)
        let rowLength = T.phaseRowLength(tilesAcross: tw)
        let planeFloats = T.splitPlaneFloats(tilesDown: th, tilesAcross: tw, tileSize: s, taps: 6)
        let planeRows = block.planeRows(height: height, tileSize: s, taps: 6, pad: (6 - s) / 2)
        let phaseStride = planeFloats / s
        withUnsafeTemporaryAllocation(of: Float.self, capacity: planeFloats) { buffer in
            buffer.initialize(repeating: 0)
            let split = buffer.baseAddress!
            // Column j of a tile is phase j mod s at offset j / s.
            @inline(__always) func column(_ j: Int) -> Int { (j % s) * phaseStride + j / s }
            let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3), c4 = column(4), c5 = column(5)
            T.forEachSplitPlane(x, channels: channels, count: count, block: block, height: height,
                                width: width, pad: (6 - s) / 2, phases: s, rowLength: rowLength,
                                phaseStride: phaseStride, rows: planeRows, into: split) { c, image in
                for ty in block.rows {
                    var tx = 0
                    while tx < tw {
                        let lanes = min(V.scalarCount, tw - tx)
                        let out = v + c * block.rowStride + block.start(image: image, row: ty) + tx
                        // Bᵀ along each tile row first (d B), then Bᵀ down the columns, one column j of
                        // d B at a time: its six entries come straight from the split rows, so nothing
                        // goes through memory between the two passes.
                        for j in 0..<6 {
                            @inline(__always) func across(_ r: Int) -> V {
                                let row = UnsafePointer(split + (s * ty + r) * rowLength + tx)
                                return inputRow(j, row + c0, row + c1, row + c2, row + c3, row + c4, row + c5)
                            }
                            let e = inputRows(across(0), across(1), across(2), across(3), across(4), across(5))
                            V.store(e.0, out + j * stride, lanes: lanes)
                            V.store(e.1, out + (6 + j) * stride, lanes: lanes)
                            V.store(e.2, out + (12 + j) * stride, lanes: lanes)
                            V.store(e.3, out + (18 + j) * stride, lanes: lanes)
                            V.store(e.4, out + (24 + j) * stride, lanes: lanes)
                            V.store(e.5, out + (30 + j) * stride, lanes: lanes)
                        }
                        tx += V.scalarCount
                    }
                }
            }
        }
    }
}
