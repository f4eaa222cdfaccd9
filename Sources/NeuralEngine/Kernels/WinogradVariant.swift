/// The Winograd algorithms the engine has: F(2×2, 3×3), F(4×4, 3×3) and F(2×2, 5×5), all for stride-1 SAME
/// convolutions.
enum WinogradVariant: Hashable, Sendable {
    case f2x3
    case f4x3
    case f2x5

    /// The variant for a geometry, or nil when im2col is the better (or only) choice.
    static func choose(for g: ConvolutionGeometry) -> WinogradVariant? {
        // Below 7×7 maps the padded 2×2 tiles waste too much; below 16 channels the transforms dominate.
        guard g.stride == 1, g.inputChannels >= 16, g.outputChannels >= 16, g.height >= 7, g.width >= 7 else {
            return nil
        }
        switch g.kernel {
        // F(4×4, 3×3) needs 36 products per 16 outputs where F(2×2, 3×3) needs 16 per 4, but its transforms
        // cost more per output and run 8 tiles across per vector on rows of at most 8 tiles: a 28-wide map
        // fills 7 of 8 lanes, a 14-wide one only 4 (F(2×2, 3×3): 7). Measured one-thread training, 28×28 maps: 32→64→128 channels 23–30 %
        // faster, 32→32→16 about the same; 14×14 (64→64→64) and 7×7 (64→128) slower.
        case 3: return (g.width + 3) / 4 >= 7 ? .f4x3 : .f2x3
        case 5: return .f2x5
        default: return nil
        }
    }

    /// Output rows and columns per tile.
    var tileSize: Int { self == .f4x3 ? 4 : 2 }

    /// Transform points per tile: (tile + k − 1)².
    var points: Int { self == .f2x3 ? 16 : 36 }

    /// Floats between consecutive transform points of a [points, C, T] buffer. The padding keeps the
    /// points' streams off 4 KiB-aliased addresses, which otherwise thrash the L1 sets in the transforms.
    static func pointStride(channels: Int, tiles: Int) -> Int { channels * tiles + 80 }

    func tilesPerImage(_ g: ConvolutionGeometry) -> Int {
        ((g.height + tileSize - 1) / tileSize) * ((g.width + tileSize - 1) / tileSize)
    }

    /// Floats of the buffers of a chunk of images that all threads share (both transforms of a pass without
    /// blocks): 8 MiB, which two cores' L2s cannot hold but the L3 can, beside the layer's weights or
    /// gradient. Per-thread chunks of 16–32 MiB each went to memory and back.
    static let chunkBudget = 1 << 21

    /// Images per shared chunk (`chunkBudget`), at most `maxBatch`.
    func chunkImages(_ g: ConvolutionGeometry, maxBatch: Int) -> Int {
        let perImage = points * (g.inputChannels + g.outputChannels) * tilesPerImage(g)
        return max(1, min(maxBatch, Self.chunkBudget / perImage))
    }

    /// The row length of the shared chunk buffers for `tiles` tiles: whole `WideFloats`, so that rows start on
    /// cache lines, with room past the last tile for a transform's whole-vector store (`TileVector.store`
    /// writes up to 15 floats past a row's last tile). Threads transform different channels of one chunk, so
    /// that spill must stay in the row's own padding.
    static func paddedTiles(_ tiles: Int) -> Int {
        (tiles + WideFloats.scalarCount - 1) / WideFloats.scalarCount * WideFloats.scalarCount + 16
    }

    /// Floats of the shared chunk buffers for `images` images: a transform of the input channels and one of
    /// the output channels, [points, C, T] each.
    func chunkFloats(_ g: ConvolutionGeometry, images: Int) -> Int {
        let tiles = Self.paddedTiles(tilesPerImage(g) * images)
        return points * (Self.pointStride(channels: g.inputChannels, tiles: tiles)
                         + Self.pointStride(channels: g.outputChannels, tiles: tiles))
    }

    func tilesDown(_ g: ConvolutionGeometry) -> Int { (g.height + tileSize - 1) / tileSize }
    func tilesAcross(_ g: ConvolutionGeometry) -> Int { (g.width + tileSize - 1) / tileSize }

    /// How the forward pass and the input gradient cut each task's images into blocks of tiles that go
    /// through the input transform, the products and the output transform together while their two buffers
    /// stay in a core's L2: `rows` tile rows of one image, or `images` whole images, per block.
    struct Blocks: Equatable {
        let rows: Int
        let images: Int
        /// Entries per tile row in the block buffers: the tiles across, or that rounded up to whole vectors
        /// of the transforms, whose stores then each fill whole cache lines instead of straddling two.
        let rowTiles: Int
        /// Floats per channel in the block buffers: whole micro-kernel strips for the most tiles a block
        /// holds, plus one cache line so that the rows of a strip spread over all L1 sets.
        let rowStride: Int
    }

    /// Floats of a block's two transform buffers together: 1.5 MiB, three quarters of a 2 MiB L2, which
    /// leaves room for the packed weights and the planes the transforms read and write.
    static let blockBudget = 3 << 17

    /// The blocks for `g`, or nil when fewer than 64 tiles (two strips of the AVX-512 micro-kernel) would fit
    /// the budget: wide layers, whose products are long enough to run by shared chunks in the L3 (with 32,
    /// N4's 512 → 256-channel layer took 295 ms forward against 251 ms in per-task chunks from memory).
    /// `budget` is the floats the two buffers may take (tests make it small to cut images into many blocks).
    func blocks(_ g: ConvolutionGeometry, budget: Int = blockBudget) -> Blocks? {
        let th = tilesDown(g), tw = tilesAcross(g)
        let target = budget / (points * (g.inputChannels + g.outputChannels))
        guard target >= 64 else { return nil }
        // The products run over whole strips, so a block's tiles are rounded up to them; of the sizes that
        // fit, take the one that computes the fewest padding columns per image (on ties the larger, for fewer
        // blocks), with tile rows as they are or padded to whole vectors (on ties padded).
        func columns(_ tiles: Int) -> Int { (tiles + Gemm.nr - 1) / Gemm.nr * Gemm.nr }
        let lanes = WinogradTiles.wide(tilesAcross: tw) ? 16 : 8
        var best = (rows: th, images: 1, rowTiles: tw), fewest = Double.infinity
        for rowTiles in [(tw + lanes - 1) / lanes * lanes, tw] {
            let perImage = th * rowTiles
            if th * tw > target {
                for r in 1...min(th, max(1, target / rowTiles)) {
                    let total = th / r * columns(r * rowTiles) + (th % r == 0 ? 0 : columns(th % r * rowTiles))
                    if Double(total) < fewest || (Double(total) == fewest && r > best.rows && rowTiles == best.rowTiles) {
                        (best, fewest) = ((r, 1, rowTiles), Double(total))
                    }
                }
            } else {
                for i in 1...max(1, target / perImage) {
                    let total = Double(columns(i * perImage)) / Double(i)
                    if total < fewest || (total == fewest && i > best.images && rowTiles == best.rowTiles) {
                        (best, fewest) = ((th, i, rowTiles), total)
                    }
                }
            }
        }
        return Blocks(rows: best.rows, images: best.images, rowTiles: best.rowTiles,
                      rowStride: columns(best.images * best.rows * best.rowTiles) + 16)
    }

    /// The fewest tiles a filter-gradient block may hold. Each product over a block ends in the lane sums of
    /// its accumulators, a fixed cost per block that a few tiles do not repay: N2's 64 → 64-channel F(4×4, 3×3)
    /// layer on 28×28 (one image, 49 tiles, per block) took 55 ms backward by blocks against 49 ms by chunks.
    static let minimumGradientBlockTiles = 96

    /// The blocks for the filter gradient of F(4×4, 3×3), or nil where `blocks(_:budget:)` gives none, where
    /// fewer than `minimumTiles` tiles fit, for fewer than 4 input channels (`GemmShortK`'s register blocks are
    /// 4 input channels wide and would read the same ones several times over) and for the other variants,
    /// whose filter gradients go by chunks shared by all threads (`ConvolutionKernels.filterGradientByChunks`):
    /// as many tiles as fit the same budget (its two buffers hold the input's and the output gradient's
    /// transforms), tile rows unpadded, since its products run over exactly a block's tiles rather than whole
    /// strips. An image's tile rows are shared out evenly over its blocks.
    ///
    /// Measured against shared chunks on one thread: N3's 16 → 32-channel F(4×4, 3×3) layer 7.8 against
    /// 8.3–8.9 ms backward by blocks, S1 and S3 1–9 % faster in training by blocks; N3's 32 → 32-channel
    /// F(2×2, 5×5) layer 38 against 32–33 ms, S4 5–7 % slower by blocks. F(2×2, 3×3), whose 16 points make
    /// chunks less than half as large per tile, was 4–8 % slower by blocks already against per-task chunks.
    func filterGradientBlocks(_ g: ConvolutionGeometry, budget: Int = blockBudget,
                              minimumTiles: Int = minimumGradientBlockTiles) -> Blocks? {
        guard self == .f4x3, blocks(g, budget: budget) != nil else { return nil }
        let th = tilesDown(g), tw = tilesAcross(g)
        let target = budget / (points * (g.inputChannels + g.outputChannels))
        let rows: Int, images: Int
        if th * tw > target {
            let perImage = (th + max(1, target / tw) - 1) / max(1, target / tw)
            (rows, images) = ((th + perImage - 1) / perImage, 1)
        } else {
            (rows, images) = (th, target / (th * tw))
        }
        let tiles = images * rows * tw, lanes = WideFloats.scalarCount
        guard tiles >= minimumTiles, g.inputChannels >= 4 else { return nil }
        return Blocks(rows: rows, images: images, rowTiles: tw, rowStride: (tiles + lanes - 1) / lanes * lanes + 16)
    }

    /// Scratch floats a thread needs for blocks: the input buffer then the product buffer, each for the
    /// larger channel count (the input gradient swaps the two).
    func blockScratchFloats(_ g: ConvolutionGeometry, blocks: Blocks) -> Int {
        2 * points * Self.pointStride(channels: max(g.inputChannels, g.outputChannels), tiles: blocks.rowStride)
    }

    /// Floats of the packed weights of one point for `target` rows and `source` columns.
    static func packedFloats(target: Int, source: Int) -> Int { (target + Gemm.mr - 1) / Gemm.mr * Gemm.mr * source }

    /// Packed-weight floats a layer keeps: room for the forward pass's and the input gradient's.
    func packedWeightFloats(_ g: ConvolutionGeometry) -> Int {
        points * max(Self.packedFloats(target: g.outputChannels, source: g.inputChannels),
                     Self.packedFloats(target: g.inputChannels, source: g.outputChannels))
    }

    /// Shapes: u[points, target, source] → each point's matrix packed whole into micro-kernel row strips, one
    /// after another (`packedFloats` apart), for `Gemm.multiplyPacked` (blocks) and `Gemm.multiply`'s
    /// `packedA` (chunks).
    func packWeights(_ u: UnsafePointer<Float>, target: Int, source: Int, into packed: UnsafeMutablePointer<Float>,
                     threads: Int) {
        let perPoint = Self.packedFloats(target: target, source: source)
        Parallel.dynamic(tasks: points, threads: threads) { xi, _ in
            Gemm.packPanelA(MatrixView(u + xi * target * source, rowStride: source), row: 0, rows: target,
                            column: 0, columns: source, into: packed + xi * perPoint)
        }
    }

    func transformWeights(_ w: UnsafePointer<Float>, outputChannels: Int, inputChannels: Int, flipped: Bool,
                          into u: UnsafeMutablePointer<Float>, threads: Int) {
        switch self {
        case .f2x3: WinogradKernels.transformWeights(w, outputChannels: outputChannels, inputChannels: inputChannels,
                                                     flipped: flipped, into: u, threads: threads)
        case .f4x3: WinogradSixPoints.transformWeights(w, g: Winograd43Kernels.g, outputChannels: outputChannels,
                                                       inputChannels: inputChannels, flipped: flipped, into: u,
                                                       threads: threads)
        case .f2x5: WinogradSixPoints.transformWeights(w, g: Winograd5Kernels.g, outputChannels: outputChannels,
                                                       inputChannels: inputChannels, flipped: flipped, into: u,
                                                       threads: threads)
        }
    }

    /// Shapes: du[points, Cout, Cin] → dw[Cout, Cin, r, r] += Gᵀ du G, each (Cout, Cin) pair on its own, so
    /// threads split the pairs without changing a bit.
    func accumulateFilterGradient(_ du: UnsafePointer<Float>, pairs: Int, into dw: UnsafeMutablePointer<Float>,
                                  threads: Int) {
        Parallel.ranges(of: pairs, threads: threads, minimum: 256) { range in
            switch self {
            case .f2x3: WinogradKernels.accumulateFilterGradient(du, pairs: pairs, range, into: dw)
            case .f4x3: WinogradSixPoints.accumulateFilterGradient(du, g: Winograd43Kernels.g, pairs: pairs, range,
                                                                   into: dw)
            case .f2x5: WinogradSixPoints.accumulateFilterGradient(du, g: Winograd5Kernels.g, pairs: pairs, range,
                                                                   into: dw)
            }
        }
    }

    func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                        block: TileBlock, into v: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.transformInput(x, channels: channels, height: height, width: width, count: count,
                                                   block: block, into: v)
        case .f4x3: WinogradSixPoints.transformInput(x, channels: channels, height: height, width: width, count: count,
                                                     block: block, tileSize: 4, into: v)
        case .f2x5: WinogradSixPoints.transformInput(x, channels: channels, height: height, width: width, count: count,
                                                     block: block, tileSize: 2, into: v)
        }
    }

    func transformOutputGradient(_ dy: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                 block: TileBlock, into out: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.transformOutputGradient(dy, channels: channels, height: height, width: width,
                                                            count: count, block: block, into: out)
        case .f4x3: Winograd43Kernels.transformOutputGradient(dy, channels: channels, height: height, width: width,
                                                              count: count, block: block, into: out)
        case .f2x5: Winograd5Kernels.transformOutputGradient(dy, channels: channels, height: height, width: width,
                                                             count: count, block: block, into: out)
        }
    }

    func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                         block: TileBlock, bias: UnsafePointer<Float>?, relu: Bool, into y: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.transformOutput(m, channels: channels, height: height, width: width, count: count,
                                                    block: block, bias: bias, relu: relu, into: y)
        case .f4x3: Winograd43Kernels.transformOutput(m, channels: channels, height: height, width: width, count: count,
                                                      block: block, bias: bias, relu: relu, into: y)
        case .f2x5: Winograd5Kernels.transformOutput(m, channels: channels, height: height, width: width, count: count,
                                                     block: block, bias: bias, relu: relu, into: y)
        }
    }
}
