import Testing
import TestSupport
@testable import NeuralEngine

@Suite("Fast convolution and pooling against the naive NCHW reference")
struct ConvolutionKernelTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var batch, channels, height, width, filters, kernel, stride, threads: Int
        /// A Winograd variant forced instead of the layer's own choice.
        var winograd: WinogradVariant? = nil
        /// Tiles a Winograd block may hold instead of the layer's own budget (0: chunks of images).
        var blockTiles: Int? = nil
        /// Images per shared Winograd chunk instead of the layer's own choice.
        var chunk: Int? = nil
        var testDescription: String {
            "N\(batch) \(channels)×\(height)×\(width) → \(filters) k\(kernel) s\(stride) t\(threads)"
                + (winograd.map { " \($0)" } ?? "") + (blockTiles.map { " blocks of \($0) tiles" } ?? "")
                + (chunk.map { " shared chunks of \($0)" } ?? "")
        }

        /// The block budget that lets `blockTiles` tiles through.
        func blockBudget(points: Int) -> Int {
            blockTiles.map { $0 * points * (channels + filters) } ?? WinogradVariant.blockBudget
        }

        /// With `blockTiles`, the filter gradient goes by blocks however few tiles they hold; with `chunk`, by
        /// shared chunks however many would fit a block.
        var gradientBlockTiles: Int {
            chunk != nil ? .max : blockTiles == nil ? WinogradVariant.minimumGradientBlockTiles : 1
        }
    }

    static let convolutions: [Case] = [
        Case(batch: 1, channels: 1, height: 1, width: 1, filters: 1, kernel: 1, stride: 1, threads: 1),
        Case(batch: 1, channels: 1, height: 1, width: 1, filters: 3, kernel: 3, stride: 1, threads: 1),
        Case(batch: 3, channels: 2, height: 7, width: 5, filters: 7, kernel: 3, stride: 1, threads: 2),
        Case(batch: 2, channels: 3, height: 11, width: 13, filters: 5, kernel: 5, stride: 2, threads: 1),
        Case(batch: 5, channels: 4, height: 9, width: 9, filters: 17, kernel: 1, stride: 1, threads: 2),
        Case(batch: 3, channels: 2, height: 8, width: 7, filters: 3, kernel: 1, stride: 3, threads: 2),
        Case(batch: 1, channels: 5, height: 6, width: 6, filters: 19, kernel: 4, stride: 3, threads: 1),
        Case(batch: 2, channels: 1, height: 3, width: 3, filters: 2, kernel: 5, stride: 1, threads: 3),
        // Winograd F(2×2, 3×3) (the layer's choice below 25 columns): odd and even sizes, more threads than
        // images.
        Case(batch: 3, channels: 16, height: 9, width: 8, filters: 17, kernel: 3, stride: 1, threads: 2),
        Case(batch: 1, channels: 19, height: 11, width: 8, filters: 16, kernel: 3, stride: 1, threads: 2),
        Case(batch: 2, channels: 16, height: 8, width: 13, filters: 23, kernel: 3, stride: 1, threads: 1),
        Case(batch: 2, channels: 16, height: 9, width: 21, filters: 17, kernel: 3, stride: 1, threads: 2),
        Case(batch: 2, channels: 16, height: 9, width: 37, filters: 16, kernel: 3, stride: 1, threads: 2, winograd: .f2x3),
        // Winograd F(4×4, 3×3): maps not a multiple of 4, two windows of 8 tiles across (width 37), forced
        // on small maps too.
        Case(batch: 2, channels: 16, height: 9, width: 37, filters: 16, kernel: 3, stride: 1, threads: 2),
        Case(batch: 1, channels: 17, height: 14, width: 29, filters: 18, kernel: 3, stride: 1, threads: 2),
        Case(batch: 3, channels: 16, height: 9, width: 8, filters: 17, kernel: 3, stride: 1, threads: 2, winograd: .f4x3),
        Case(batch: 2, channels: 16, height: 7, width: 7, filters: 16, kernel: 3, stride: 1, threads: 1, winograd: .f4x3),
        Case(batch: 1, channels: 17, height: 14, width: 15, filters: 18, kernel: 3, stride: 1, threads: 2, winograd: .f4x3),
        // One row of at most 8 tiles (AVX-512 builds transform it in C): 16 columns whole and the rest
        // masked, 17 and 32 columns.
        Case(batch: 2, channels: 16, height: 6, width: 17, filters: 16, kernel: 3, stride: 1, threads: 2, winograd: .f4x3),
        Case(batch: 1, channels: 16, height: 7, width: 32, filters: 17, kernel: 3, stride: 1, threads: 1),
        // Winograd F(2×2, 5×5).
        Case(batch: 2, channels: 16, height: 10, width: 35, filters: 17, kernel: 5, stride: 1, threads: 2),
        Case(batch: 3, channels: 17, height: 9, width: 8, filters: 16, kernel: 5, stride: 1, threads: 2),
        Case(batch: 1, channels: 16, height: 8, width: 11, filters: 19, kernel: 5, stride: 1, threads: 1),
        Case(batch: 1, channels: 16, height: 8, width: 8, filters: 16, kernel: 5, stride: 1, threads: 1),
        // Winograd blocks of a few tiles: one image's tile rows over several blocks (F(2×2, 5×5): 5 rows of 18
        // tiles; F(4×4, 3×3): 8 rows of 10; F(2×2, 3×3): 10 rows of 19), two images per block with one left over
        // in tasks of three (20 images over 8 tasks; 30 tiles per image), and chunks of images instead of blocks.
        Case(batch: 2, channels: 16, height: 10, width: 35, filters: 17, kernel: 5, stride: 1, threads: 2, blockTiles: 64),
        Case(batch: 2, channels: 16, height: 20, width: 37, filters: 16, kernel: 3, stride: 1, threads: 2,
             winograd: .f2x3, blockTiles: 64),
        Case(batch: 2, channels: 17, height: 30, width: 37, filters: 16, kernel: 3, stride: 1, threads: 2,
             winograd: .f4x3, blockTiles: 64),
        Case(batch: 20, channels: 16, height: 9, width: 11, filters: 18, kernel: 3, stride: 1, threads: 2, blockTiles: 64),
        // 28×28 with F(2×2, 5×5): tile rows of 14 padded to 16 with AVX-512, whole images and rows of one.
        Case(batch: 2, channels: 16, height: 28, width: 28, filters: 16, kernel: 5, stride: 1, threads: 2),
        Case(batch: 1, channels: 16, height: 28, width: 28, filters: 17, kernel: 5, stride: 1, threads: 1, blockTiles: 170),
        Case(batch: 3, channels: 17, height: 9, width: 8, filters: 16, kernel: 5, stride: 1, threads: 2, blockTiles: 0),
        Case(batch: 2, channels: 16, height: 9, width: 37, filters: 16, kernel: 3, stride: 1, threads: 2, blockTiles: 0),
        // Shared chunks of a few images (the last one short), all threads on each: the filter gradient's
        // products in place (GemmShortK, up to 128 output channels) and packed (more); with no blocks, the
        // forward pass and the input gradient too.
        Case(batch: 5, channels: 16, height: 9, width: 21, filters: 17, kernel: 3, stride: 1, threads: 2,
             chunk: 2),
        Case(batch: 3, channels: 17, height: 7, width: 9, filters: 130, kernel: 5, stride: 1, threads: 3,
             chunk: 2),
        Case(batch: 3, channels: 16, height: 9, width: 10, filters: 16, kernel: 3, stride: 1, threads: 2,
             winograd: .f4x3, chunk: 1),
        Case(batch: 5, channels: 17, height: 9, width: 8, filters: 16, kernel: 5, stride: 1, threads: 3, blockTiles: 0,
             chunk: 2),
        Case(batch: 3, channels: 16, height: 9, width: 21, filters: 20, kernel: 3, stride: 1, threads: 2, blockTiles: 0,
             chunk: 1),
        Case(batch: 4, channels: 16, height: 9, width: 37, filters: 16, kernel: 3, stride: 1, threads: 2,
             winograd: .f4x3, blockTiles: 0, chunk: 3),
        // Stride-1 odd kernel with more inputs than outputs: the rotated-kernel input gradient.
        Case(batch: 2, channels: 6, height: 5, width: 7, filters: 3, kernel: 3, stride: 1, threads: 2),
    ]

    @Test func winogradIsUsedForWideThreeByThreeConvolutions() {
        let wide = ConvolutionGeometry(sameInput: TensorShape(channels: 16, height: 9, width: 8), filters: 17,
                                       kernel: 3, stride: 1)
        let strided = ConvolutionGeometry(sameInput: TensorShape(channels: 16, height: 9, width: 8), filters: 17,
                                          kernel: 3, stride: 2)
        #expect(WinogradVariant.choose(for: wide) == .f2x3)
        let wider = ConvolutionGeometry(sameInput: TensorShape(channels: 16, height: 9, width: 28), filters: 17,
                                        kernel: 3, stride: 1)
        #expect(WinogradVariant.choose(for: wider) == .f4x3)
        #expect(WinogradVariant.choose(for: strided) == nil)
        let five = ConvolutionGeometry(sameInput: TensorShape(channels: 16, height: 8, width: 8), filters: 16,
                                       kernel: 5, stride: 1)
        #expect(WinogradVariant.choose(for: five) == .f2x5)
    }

    @Test func winogradBlocksFollowTheBudget() throws {
        func geometry(_ channels: Int, _ size: Int, _ filters: Int, _ kernel: Int) -> ConvolutionGeometry {
            ConvolutionGeometry(sameInput: TensorShape(channels: channels, height: size, width: size), filters: filters,
                                kernel: kernel, stride: 1)
        }
        func columns(_ tiles: Int) -> Int { (tiles + Gemm.nr - 1) / Gemm.nr * Gemm.nr }
        // 32 → 32 channels, 5×5 on 28×28: 14 × 14 tiles, 170 fit the budget. The blocks of an image, tile rows
        // padded to 16 or not, take no more whole strips of the micro-kernel than its 196 tiles at once (two
        // blocks of 7 rows would take 4 strips each with AVX-512). Buffer rows are one cache line longer.
        let five = try #require(WinogradVariant.f2x5.blocks(geometry(32, 28, 32, 5)))
        #expect(five.images == 1 && [14, 16].contains(five.rowTiles) && five.rows * five.rowTiles <= 170)
        #expect(14 / five.rows * columns(five.rows * five.rowTiles) + columns(14 % five.rows * five.rowTiles)
                == columns(196))
        #expect(five.rowStride == columns(five.rows * five.rowTiles) + 16)
        // With AVX-512 rows padded to 16 cost no more strips (10 + 4 rows: 160 + 64 columns) and are taken;
        // with AVX2's 16-column strips, 12 + 2 unpadded rows (176 + 32) cost less than padded ones (224).
        #expect(five.rowTiles == (Gemm.nr == 32 ? 16 : 14))
        // 64 → 64 channels, 3×3 on 14×14 (F(2×2, 3×3), 49 tiles): 192 fit; three whole images (147 tiles)
        // waste less of their strips than one or two, or than rows padded to 8.
        let small = try #require(WinogradVariant.f2x3.blocks(geometry(64, 14, 64, 3)))
        #expect(small.rows == 7 && small.images == 3 && small.rowTiles == 7)
        // 64 → 512 channels, 5×5: fewer than 64 tiles fit, so chunks of images.
        #expect(WinogradVariant.f2x5.blocks(geometry(64, 14, 512, 5)) == nil)
    }

    @Test func filterGradientBlocksHoldEnoughTiles() throws {
        func geometry(_ channels: Int, _ size: Int, _ filters: Int, _ kernel: Int) -> ConvolutionGeometry {
            ConvolutionGeometry(sameInput: TensorShape(channels: channels, height: size, width: size), filters: filters,
                                kernel: kernel, stride: 1)
        }
        let lanes = WideFloats.scalarCount
        // 32 → 32 channels, F(4×4, 3×3) on 28×28 (7 × 7 tiles): 170 tiles fit, three whole images, unpadded,
        // in buffer rows of whole vectors plus a cache line.
        let three = try #require(WinogradVariant.f4x3.filterGradientBlocks(geometry(32, 28, 32, 3)))
        #expect(three.rows == 7 && three.images == 3 && three.rowTiles == 7)
        #expect(three.rowStride == (147 + lanes - 1) / lanes * lanes + 16)
        // On 56×56 (14 × 14 tiles) 12 of an image's 14 tile rows fit; shared out evenly, 7 rows per block.
        let rows = try #require(WinogradVariant.f4x3.filterGradientBlocks(geometry(32, 56, 32, 3)))
        #expect(rows.rows == 7 && rows.images == 1 && rows.rowTiles == 14)
        #expect(rows.rowStride == (98 + lanes - 1) / lanes * lanes + 16)
        // 64 → 64 channels on 28×28: one image's 49 tiles fit, fewer than the minimum.
        #expect(WinogradVariant.f4x3.blocks(geometry(64, 28, 64, 3)) != nil)
        #expect(WinogradVariant.f4x3.filterGradientBlocks(geometry(64, 28, 64, 3)) == nil)
        #expect(WinogradVariant.f4x3.filterGradientBlocks(geometry(64, 28, 64, 3), minimumTiles: 49)?.images == 1)
        // One input channel (a first layer) keeps chunks.
        #expect(WinogradVariant.f4x3.filterGradientBlocks(geometry(1, 28, 32, 3), minimumTiles: 1) == nil)
        #expect(WinogradVariant.f4x3.filterGradientBlocks(geometry(4, 28, 32, 3), minimumTiles: 1) != nil)
        // F(2×2, 3×3) and F(2×2, 5×5) keep chunks, with forward blocks or without.
        #expect(WinogradVariant.f2x3.blocks(geometry(64, 14, 64, 3)) != nil)
        #expect(WinogradVariant.f2x3.filterGradientBlocks(geometry(64, 14, 64, 3), minimumTiles: 1) == nil)
        #expect(WinogradVariant.f2x5.blocks(geometry(32, 28, 32, 5)) != nil)
        #expect(WinogradVariant.f2x5.filterGradientBlocks(geometry(32, 28, 32, 5), minimumTiles: 1) == nil)
        // No forward blocks, no filter-gradient blocks.
        #expect(WinogradVariant.f4x3.blocks(geometry(512, 28, 256, 3)) == nil)
        #expect(WinogradVariant.f4x3.filterGradientBlocks(geometry(512, 28, 256, 3), minimumTiles: 1) == nil)
    }

    @Test(arguments: convolutions.filter { $0.kernel != 1 && $0.channels >= 16 && $0.blockTiles != 0 })
    func winogradBlocksGiveTheSameBitsAsChunks(_ t: Case) throws {
        let shape = TensorShape(channels: t.channels, height: t.height, width: t.width)
        let geometry = ConvolutionGeometry(sameInput: shape, filters: t.filters, kernel: t.kernel, stride: t.stride)
        let variant = try #require(t.winograd ?? WinogradVariant.choose(for: geometry))
        var generator = SeededGenerator(seed: 7)
        let x = Tensor(uniform: t.batch, shape: shape, in: -1...1, using: &generator)
        let dy = Tensor(uniform: t.batch, shape: geometry.outputShape, in: -1...1, using: &generator)
        let weights = (0..<geometry.weightCount).map { _ in Float.random(in: -0.5...0.5, using: &generator) }
        let bias = (0..<t.filters).map { _ in Float.random(in: -0.2...0.2, using: &generator) }
        // The filter gradient by chunks on both sides: by blocks it sums in another order (its own test is
        // `convolutionMatchesReference`).
        func run(_ budget: Int) -> (y: Tensor, dx: Tensor, dw: [Float], db: [Float]) {
            KernelHarness.convolution(x: x, weights: weights, bias: bias, dy: dy, filters: t.filters, kernel: t.kernel,
                                      stride: t.stride, threads: t.threads, winograd: variant, blockBudget: budget,
                                      gradientBlockTiles: .max, chunkImages: t.chunk)
        }
        let chunks = run(0), blocks = run(t.blockBudget(points: variant.points))
        #expect(blocks.y.storage == chunks.y.storage, "y: \(maxAbsoluteDifference(blocks.y.storage, chunks.y.storage))")
        #expect(blocks.dx.storage == chunks.dx.storage,
                "dx: \(maxAbsoluteDifference(blocks.dx.storage, chunks.dx.storage))")
        #expect(blocks.dw == chunks.dw, "dw: \(maxAbsoluteDifference(blocks.dw, chunks.dw))")
        #expect(blocks.db == chunks.db, "db: \(maxAbsoluteDifference(blocks.db, chunks.db))")
    }

    @Test(arguments: convolutions)
    func convolutionMatchesReference(_ t: Case) {
        var generator = SeededGenerator(seed: UInt64(t.filters * 131 + t.kernel))
        let shape = TensorShape(channels: t.channels, height: t.height, width: t.width)
        let x = Tensor(uniform: t.batch, shape: shape, in: -1...1, using: &generator)
        let weights = (0..<(t.filters * t.channels * t.kernel * t.kernel)).map { _ in
            Float.random(in: -0.5...0.5, using: &generator)
        }
        let bias = (0..<t.filters).map { _ in Float.random(in: -0.2...0.2, using: &generator) }
        let expected = ReferenceKernels.convolutionForward(x: x, weights: weights, bias: bias, filters: t.filters,
                                                           kernel: t.kernel, stride: t.stride)
        let dy = Tensor(uniform: t.batch, shape: expected.shape, in: -1...1, using: &generator)
        let reference = ReferenceKernels.convolutionBackward(x: x, y: expected, dy: dy, weights: weights,
                                                             filters: t.filters, kernel: t.kernel, stride: t.stride)
        let geometry = ConvolutionGeometry(sameInput: x.shape, filters: t.filters, kernel: t.kernel, stride: t.stride)
        let variant = t.winograd ?? WinogradVariant.choose(for: geometry)
        let fast = KernelHarness.convolution(x: x, weights: weights, bias: bias, dy: dy, filters: t.filters,
                                             kernel: t.kernel, stride: t.stride, threads: t.threads,
                                             winograd: t.winograd, blockBudget: t.blockBudget(points: variant?.points ?? 0),
                                             gradientBlockTiles: t.gradientBlockTiles,
                                             chunkImages: t.chunk)
        #expect(fast.y.shape == expected.shape)
        // The six-point Winograd variants (F(2×2, 5×5), F(4×4, 3×3)) use transform constants up to 8, so their
        // rounding is larger than im2col's and F(2×2, 3×3)'s.
        let tolerance: Float = variant.map { $0.points == 36 } == true ? 1e-4 : 1e-5
        func close(_ a: [Float], _ b: [Float]) -> Bool {
            let scale = max(1, b.map(abs).max() ?? 0)
            return maxAbsoluteDifference(a, b) <= tolerance * scale
        }
        #expect(close(fast.y.storage, expected.storage), "y: \(maxAbsoluteDifference(fast.y.storage, expected.storage))")
        #expect(close(fast.dx.storage, reference.dx.storage), "dx: \(maxAbsoluteDifference(fast.dx.storage, reference.dx.storage))")
        #expect(close(fast.dw, reference.dw), "dw: \(maxAbsoluteDifference(fast.dw, reference.dw))")
        #expect(close(fast.db, reference.db), "db: \(maxAbsoluteDifference(fast.db, reference.db))")
    }

    /// Shared chunks: every thread count gives the same outputs and sums each gradient element in the same order.
    @Test(arguments: convolutions.filter { $0.chunk != nil })
    func sharedChunksGiveTheSameBitsOnAnyThreads(_ t: Case) {
        var generator = SeededGenerator(seed: 11)
        let shape = TensorShape(channels: t.channels, height: t.height, width: t.width)
        let geometry = ConvolutionGeometry(sameInput: shape, filters: t.filters, kernel: t.kernel, stride: t.stride)
        let x = Tensor(uniform: t.batch, shape: shape, in: -1...1, using: &generator)
        let dy = Tensor(uniform: t.batch, shape: geometry.outputShape, in: -1...1, using: &generator)
        let weights = (0..<geometry.weightCount).map { _ in Float.random(in: -0.5...0.5, using: &generator) }
        let bias = (0..<t.filters).map { _ in Float.random(in: -0.2...0.2, using: &generator) }
        let points = (t.winograd ?? WinogradVariant.choose(for: geometry))?.points ?? 0
        func run(_ threads: Int) -> (y: Tensor, dx: Tensor, dw: [Float], db: [Float]) {
            KernelHarness.convolution(x: x, weights: weights, bias: bias, dy: dy, filters: t.filters, kernel: t.kernel,
                                      stride: t.stride, threads: threads, winograd: t.winograd,
                                      blockBudget: t.blockBudget(points: points),
                                      gradientBlockTiles: t.gradientBlockTiles, chunkImages: t.chunk)
        }
        let one = run(1)
        for threads in [2, 3] {
            let many = run(threads)
            #expect(many.y == one.y, "\(threads) threads: y")
            #expect(many.dx == one.dx, "\(threads) threads: dx")
            #expect(many.dw == one.dw, "\(threads) threads: dw \(maxAbsoluteDifference(many.dw, one.dw))")
            #expect(many.db == one.db, "\(threads) threads: db \(maxAbsoluteDifference(many.db, one.db))")
        }
    }

    @Test(arguments: [(1, 1, 5, 5, 2, 2, 1), (3, 2, 7, 9, 3, 2, 2), (2, 3, 8, 8, 2, 2, 2), (1, 1, 2, 2, 2, 2, 1),
                      (4, 5, 11, 6, 5, 3, 2)])
    func maxPoolMatchesReference(_ p: (Int, Int, Int, Int, Int, Int, Int)) {
        let (batch, channels, height, width, kernel, stride, threads) = p
        var generator = SeededGenerator(seed: UInt64(height * 7 + width))
        let x = Tensor(uniform: batch, shape: TensorShape(channels: channels, height: height, width: width),
                       in: -1...1, using: &generator)
        let outShape = TensorShape(channels: channels, height: (height - kernel) / stride + 1,
                                   width: (width - kernel) / stride + 1)
        let dy = Tensor(uniform: batch, shape: outShape, in: -1...1, using: &generator)
        let reference = ReferenceKernels.maxPool(x: x, dy: dy, kernel: kernel, stride: stride)
        let fast = KernelHarness.maxPool(x: x, dy: dy, kernel: kernel, stride: stride, threads: threads)
        #expect(fast.y == reference.y)
        #expect(allApproximatelyEqual(fast.dx.storage, reference.dx.storage))
    }
}
