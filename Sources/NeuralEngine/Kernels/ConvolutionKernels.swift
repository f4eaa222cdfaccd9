/// Convolution forward and backward as im2col + GEMM, a batch's tasks (runs of images) shared out to threads.
/// Parameters are one slice: weights [Cout, Cin·k·k] then bias [Cout]; gradients use the same layout.
enum ConvolutionKernels {
    /// Images per im2col chunk: big GEMMs, but each thread's column buffer stays near 8 MiB.
    static func chunkImages(_ g: ConvolutionGeometry, imagesPerTask: Int) -> Int {
        let perImage = max(g.inputChannels, g.outputChannels) * g.kernel * g.kernel * g.outputPlane
        return max(1, min(imagesPerTask, (1 << 21) / max(perImage, 1)))
    }

    /// Column-buffer floats one thread needs for this layer (0 for a pointwise convolution).
    static func columnFloats(_ g: ConvolutionGeometry, imagesPerTask: Int) -> Int {
        g.isPointwise ? 0 : max(g.inputChannels, g.outputChannels) * g.kernel * g.kernel * g.outputPlane
            * chunkImages(g, imagesPerTask: imagesPerTask)
    }

    /// Whether the input gradient is computed as a forward SAME convolution of dY with the rotated kernel
    /// (stride 1, odd kernel: symmetric padding), which avoids the small-k GEMM and the col2im scatter.
    static func usesFlippedInputGradient(_ g: ConvolutionGeometry) -> Bool {
        // With many more outputs than inputs the transposed GEMM plus col2im is the cheaper way.
        !g.isPointwise && g.stride == 1 && g.kernel % 2 == 1 && g.outputChannels <= 2 * g.inputChannels
    }

    /// Shapes: w[Cout, Cin, k, k] → flipped[Cin, Cout, k, k], rotated by 180°.
    static func flipWeights(_ w: UnsafePointer<Float>, geometry g: ConvolutionGeometry,
                            into flipped: UnsafeMutablePointer<Float>) {
        let area = g.kernel * g.kernel
        for co in 0..<g.outputChannels {
            for ci in 0..<g.inputChannels {
                let src = w + (co * g.inputChannels + ci) * area, dst = flipped + (ci * g.outputChannels + co) * area
                for i in 0..<area { dst[i] = src[area - 1 - i] }
            }
        }
    }

    /// Shapes: x[Cin, count, H, W], params → y[Cout, count, Ho, Wo] = ReLU(W ⊛ x + b).
    static func forward(_ ctx: ExecutionContext, geometry g: ConvolutionGeometry, chunk: Int, input: FloatSlice,
                        output: FloatSlice, parameters: FloatSlice, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output)
        let w = ctx.pointer(parameters), bias = w + g.weightCount
        ctx.forEachTask(count: count) { _, t, range in
            let col = ctx.pointer(ctx.columns[t])
            var n = range.lowerBound
            while n < range.upperBound {
                let images = min(chunk, range.upperBound - n)
                let b: MatrixView
                if g.isPointwise {
                    b = MatrixView(x + n * g.inputPlane, rowStride: count * g.inputPlane)
                } else {
                    Im2col.im2col(x, geometry: g, count: count, first: n, images: images, into: col)
                    b = MatrixView(col, rowStride: images * g.outputPlane)
                }
                ctx.gemm(thread: t, m: g.outputChannels, n: images * g.outputPlane, k: g.patchSize,
                         a: MatrixView(w, rowStride: g.patchSize), b: b, c: y + n * g.outputPlane,
                         ldc: count * g.outputPlane, accumulate: false, bias: bias, relu: true)
                n += images
            }
        }
    }

    /// Shapes: x, y, dy[Cout, count, Ho, Wo] → gradient (weights then bias) and, if wanted, dx[Cin, count, H, W].
    /// `dy` is masked by the ReLU in place.
    static func backward(_ ctx: ExecutionContext, geometry g: ConvolutionGeometry, chunk: Int, input: FloatSlice,
                         output: FloatSlice, outputGradient: FloatSlice, inputGradient: FloatSlice?,
                         parameters: FloatSlice, flipped: FloatSlice, gradient: FloatSlice, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output), dy = ctx.pointer(outputGradient)
        let w = ctx.pointer(parameters)
        let dx = inputGradient.map { ctx.pointer($0) }
        let useFlipped = usesFlippedInputGradient(g) && dx != nil
        if useFlipped { flipWeights(w, geometry: g, into: ctx.pointer(flipped)) }
        let wFlipped = MatrixView(ctx.pointer(flipped), rowStride: g.outputChannels * g.kernel * g.kernel)
        let transposedGeometry = ConvolutionGeometry(
            sameInput: TensorShape(channels: g.outputChannels, height: g.outputHeight, width: g.outputWidth),
            filters: g.inputChannels, kernel: g.kernel, stride: 1)
        ctx.forEachTask(count: count) { task, t, range in
            let dw = ctx.gradientTarget(task: task, gradient)
            dw.update(repeating: 0, count: gradient.count)
            let col = ctx.pointer(ctx.columns[t])
            var n = range.lowerBound
            while n < range.upperBound {
                let images = min(chunk, range.upperBound - n)
                let columns = images * g.outputPlane
                ElementwiseKernels.reluBackwardAndBiasGradient(
                    y: y, dy: dy, rows: g.outputChannels, count: count, plane: g.outputPlane, first: n,
                    images: images, biasGradient: dw + g.weightCount)
                let dyChunk = MatrixView(dy + n * g.outputPlane, rowStride: count * g.outputPlane)
                let patches: MatrixView
                if g.isPointwise {
                    patches = MatrixView(x + n * g.inputPlane, rowStride: count * g.inputPlane)
                } else {
                    Im2col.im2col(x, geometry: g, count: count, first: n, images: images, into: col)
                    patches = MatrixView(col, rowStride: columns)
                }
                // dW[Cout, K] += dY[Cout, cols] · patchesᵀ[cols, K]
                if GemmLongK.suits(m: g.outputChannels) {
                    GemmLongK.multiply(m: g.outputChannels, n: g.patchSize, k: columns, a: dyChunk.base,
                                       lda: dyChunk.rowStride, b: patches.base, ldb: patches.rowStride, c: dw,
                                       ldc: g.patchSize, accumulate: true)
                } else {
                    ctx.gemm(thread: t, m: g.outputChannels, n: g.patchSize, k: columns, a: dyChunk,
                             b: patches.transposed, c: dw, ldc: g.patchSize, accumulate: true)
                }
                if let dx {
                    let wT = MatrixView(w, rowStride: g.patchSize).transposed
                    if g.isPointwise {
                        ctx.gemm(thread: t, m: g.patchSize, n: columns, k: g.outputChannels, a: wT, b: dyChunk,
                                 c: dx + n * g.inputPlane, ldc: count * g.inputPlane, accumulate: false)
                    } else if useFlipped {
                        // dX[Cin, cols] = W′[Cin, Cout·k·k] · im2col(dY)
                        Im2col.im2col(dy, geometry: transposedGeometry, count: count, first: n, images: images,
                                      into: col)
                        ctx.gemm(thread: t, m: g.inputChannels, n: columns, k: transposedGeometry.patchSize,
                                 a: wFlipped, b: MatrixView(col, rowStride: columns), c: dx + n * g.inputPlane,
                                 ldc: count * g.inputPlane, accumulate: false)
                    } else {
                        // dcol[K, cols] = Wᵀ · dY, then scattered back onto the input planes.
                        ctx.gemm(thread: t, m: g.patchSize, n: columns, k: g.outputChannels, a: wT, b: dyChunk,
                                 c: col, ldc: columns, accumulate: false)
                        for c in 0..<g.inputChannels {
                            (dx + (c * count + n) * g.inputPlane).update(repeating: 0, count: images * g.inputPlane)
                        }
                        Im2col.col2im(col, geometry: g, count: count, first: n, images: images, into: dx)
                    }
                }
                n += images
            }
        }
        ctx.reducePartials(into: gradient, tasks: Parallel.tasks(count))
    }

    // MARK: Winograd (F(2×2, 3×3), F(4×4, 3×3) and F(2×2, 5×5))

    @inline(__always)
    private static func pointStride(_ channels: Int, tiles: Int) -> Int {
        WinogradVariant.pointStride(channels: channels, tiles: tiles)
    }

    /// Shapes: x[Cin, count, H, W] → y[Cout, count, H, W] = ReLU(W ⊛ x + b); `transformed` holds U[points, Cout, Cin]
    /// and its packed copy after it.
    static func winogradForward(_ ctx: ExecutionContext, variant: WinogradVariant, geometry g: ConvolutionGeometry,
                                chunk: Int, blocks: WinogradVariant.Blocks?,
                                input: FloatSlice, output: FloatSlice, parameters: FloatSlice,
                                transformed: FloatSlice, weightsTransformed: Bool, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output)
        let w = ctx.pointer(parameters), bias = w + g.weightCount, u = ctx.pointer(transformed)
        let cin = g.inputChannels, cout = g.outputChannels
        if !weightsTransformed {
            variant.transformWeights(w, outputChannels: cout, inputChannels: cin, flipped: false, into: u,
                                     threads: ctx.threads)
        }
        winogradConvolve(ctx, variant: variant, geometry: g, chunk: chunk, blocks: blocks, source: x,
                         sourceChannels: cin, targetChannels: cout, transformedWeights: u,
                         weightsPacked: weightsTransformed, bias: bias, relu: true, into: y, count: count)
    }

    /// Calls `body` for each block of tiles of images `range` in order: `blocks.images` whole images or
    /// `blocks.rows` tile rows of one image at a time, in buffers `blocks.rowStride` wide.
    @inline(__always)
    private static func forEachBlock(of range: Range<Int>, tilesDown th: Int, tilesAcross tw: Int,
                                     blocks: WinogradVariant.Blocks, _ body: (TileBlock) -> Void) {
        for index in 0..<blockCount(of: range.count, tilesDown: th, blocks: blocks) {
            body(block(index, of: range, tilesDown: th, tilesAcross: tw, blocks: blocks))
        }
    }

    /// How many blocks `forEachBlock` visits for `images` images.
    @inline(__always)
    private static func blockCount(of images: Int, tilesDown th: Int, blocks: WinogradVariant.Blocks) -> Int {
        (images + blocks.images - 1) / blocks.images * ((th + blocks.rows - 1) / blocks.rows)
    }

    /// Block `index` of those `forEachBlock(of: range, …)` visits: groups of `blocks.images` images in order,
    /// each cut into runs of `blocks.rows` tile rows.
    @inline(__always)
    private static func block(_ index: Int, of range: Range<Int>, tilesDown th: Int, tilesAcross tw: Int,
                              blocks: WinogradVariant.Blocks) -> TileBlock {
        let rowBlocks = (th + blocks.rows - 1) / blocks.rows
        let first = range.lowerBound + index / rowBlocks * blocks.images, row = index % rowBlocks * blocks.rows
        return TileBlock(first: first, images: min(blocks.images, range.upperBound - first),
                         rows: row..<min(th, row + blocks.rows), tilesAcross: tw, rowTiles: blocks.rowTiles,
                         rowStride: blocks.rowStride)
    }

    /// Shapes: source[Cs, count, H, W] → target[Ct, count, H, W] = tiles of Aᵀ[(U ⊙ V)]A with U[points, Ct, Cs]
    /// already transformed; the shared tile loop of the forward pass and of the input gradient
    /// (a forward convolution with the rotated kernel). With `blocks`, each block of tiles goes through the
    /// input transform, the products and the output transform while its buffers stay in L2, threads taking
    /// the batch's blocks as they free up; without,
    /// `chunk` images at a time go through each step in turn with all threads (`convolveByChunks`). Either way
    /// the products read U packed once per pass.
    private static func winogradConvolve(_ ctx: ExecutionContext, variant: WinogradVariant, geometry g: ConvolutionGeometry,
                                         chunk: Int, blocks: WinogradVariant.Blocks?,
                                         source: UnsafeMutablePointer<Float>, sourceChannels: Int,
                                         targetChannels: Int, transformedWeights u: UnsafeMutablePointer<Float>,
                                         weightsPacked: Bool = false, bias: UnsafeMutablePointer<Float>?, relu: Bool,
                                         into target: UnsafeMutablePointer<Float>, count: Int) {
        let points = variant.points, pairs = sourceChannels * targetChannels
        let th = variant.tilesDown(g), tw = variant.tilesAcross(g)
        let packed = u + points * pairs
        let perPoint = WinogradVariant.packedFloats(target: targetChannels, source: sourceChannels)
        if !weightsPacked {
            variant.packWeights(u, target: targetChannels, source: sourceChannels, into: packed, threads: ctx.threads)
        }
        guard let blocks else {
            convolveByChunks(ctx, variant: variant, geometry: g, chunk: chunk, source: source,
                             sourceChannels: sourceChannels, targetChannels: targetChannels, packedWeights: packed,
                             bias: bias, relu: relu, into: target, count: count)
            return
        }
        // Nothing here sums across images or tiles (each output column of a product reads its own tile), so
        // threads take the batch's blocks one at a time, not a task's run of them: a thread that stalls
        // holds up one block. The same bits for any split.
        Parallel.dynamic(tasks: blockCount(of: count, tilesDown: th, blocks: blocks), threads: ctx.threads) { index, t in
            let v = ctx.pointer(ctx.columns[t])
            let m = v + points * pointStride(max(sourceChannels, targetChannels), tiles: blocks.rowStride)
            let block = block(index, of: 0..<count, tilesDown: th, tilesAcross: tw, blocks: blocks)
            variant.transformInput(source, channels: sourceChannels, height: g.height, width: g.width,
                                   count: count, block: block, into: v)
            let vStride = block.pointStride(channels: sourceChannels)
            let mStride = block.pointStride(channels: targetChannels)
            for xi in 0..<points {
                // Whole strips: the columns past the block's tiles hold zeros (the arena starts zeroed)
                // or values of earlier blocks and layers, which reach only columns no transform reads.
                Gemm.multiplyPacked(m: targetChannels, n: (block.tiles + Gemm.nr - 1) / Gemm.nr * Gemm.nr,
                                    k: sourceChannels, a: packed + xi * perPoint, b: v + xi * vStride,
                                    ldb: block.rowStride, c: m + xi * mStride, ldc: block.rowStride)
            }
            variant.transformOutput(m, channels: targetChannels, height: g.height, width: g.width, count: count,
                                    block: block, bias: bias, relu: relu, into: target)
        }
    }

    /// `winogradConvolve` for layers without blocks, `chunk` images at a time with all threads on each chunk:
    /// the input transform split by channels into `ctx.sharedColumns`, the products by points, the output
    /// transform by channels. Each task's own chunks (16–32 MiB a thread) went to memory and back; a shared
    /// chunk stays in the L3 (N4 on two threads: its 128 → 64-channel layer 20 → 12 ms forward, its
    /// 64 → 512 one 60 → 50 ms, training 207–227 → 274–275 img/s).
    private static func convolveByChunks(_ ctx: ExecutionContext, variant: WinogradVariant,
                                         geometry g: ConvolutionGeometry, chunk: Int,
                                         source: UnsafeMutablePointer<Float>, sourceChannels: Int,
                                         targetChannels: Int, packedWeights packed: UnsafeMutablePointer<Float>,
                                         bias: UnsafeMutablePointer<Float>?, relu: Bool,
                                         into target: UnsafeMutablePointer<Float>, count: Int) {
        let points = variant.points, plane = g.height * g.width
        let th = variant.tilesDown(g), tw = variant.tilesAcross(g)
        let perPoint = WinogradVariant.packedFloats(target: targetChannels, source: sourceChannels)
        let v = ctx.pointer(ctx.sharedColumns)
        forEachSharedChunk(of: count, chunk: chunk, tilesDown: th, tilesAcross: tw) { block in
            let ld = block.rowStride
            let vStride = block.pointStride(channels: sourceChannels)
            let mStride = block.pointStride(channels: targetChannels)
            let m = v + points * vStride
            forEachChannelRange(ctx, of: sourceChannels) { range in
                variant.transformInput(source + range.lowerBound * count * plane, channels: range.count,
                                       height: g.height, width: g.width, count: count,
                                       block: block.within(channels: sourceChannels), into: v + range.lowerBound * ld)
            }
            // Whole strips: the padding columns hold other values, which reach only columns no transform reads.
            let columns = (block.tiles + Gemm.nr - 1) / Gemm.nr * Gemm.nr
            Parallel.dynamic(tasks: points, threads: ctx.threads) { xi, t in
                ctx.gemm(thread: t, m: targetChannels, n: columns, k: sourceChannels,
                         a: MatrixView(packed, rowStride: sourceChannels),
                         b: MatrixView(v + xi * vStride, rowStride: ld), c: m + xi * mStride, ldc: ld,
                         accumulate: false, packedA: packed + xi * perPoint)
            }
            forEachChannelRange(ctx, of: targetChannels) { range in
                variant.transformOutput(m + range.lowerBound * ld, channels: range.count, height: g.height,
                                        width: g.width, count: count, block: block.within(channels: targetChannels),
                                        bias: bias.map { $0 + range.lowerBound }, relu: relu,
                                        into: target + range.lowerBound * count * plane)
            }
        }
    }

    /// Calls `body` for each chunk of `chunk` images of a batch of `count` in order (the last one may be
    /// shorter), as a block of all its tiles in the rows of the shared chunk buffers.
    @inline(__always)
    private static func forEachSharedChunk(of count: Int, chunk: Int, tilesDown th: Int, tilesAcross tw: Int,
                                           _ body: (TileBlock) -> Void) {
        var n = 0
        while n < count {
            let images = min(chunk, count - n)
            body(TileBlock(sharedChunkOf: n, images: images, tilesDown: th, tilesAcross: tw))
            n += images
        }
    }

    /// Runs `body` on ranges of `0..<channels`, four per thread (fewer for fewer channels), threads taking
    /// them as they free up. Each range is whole rows of a shared chunk buffer, which start on cache lines and
    /// hold the transforms' spill (`WinogradVariant.paddedTiles`), so no two ranges write one line.
    @inline(__always)
    private static func forEachChannelRange(_ ctx: ExecutionContext, of channels: Int, _ body: (Range<Int>) -> Void) {
        Parallel.ranges(of: channels, threads: ctx.threads, minimum: 1, body)
    }

    /// Shapes: x, y, dy[Cout, count, H, W] → gradient (weights then bias) and, if wanted, dx[Cin, count, H, W].
    /// With `gradientBlocks`, each task takes its images block by block while the buffers stay in L2
    /// (`GemmShortK`) and sums into its own partial; without, all threads take `chunk` images at a time
    /// together and sum into one gradient (`filterGradientByChunks`). The input gradient uses `blocks` (or
    /// shared chunks) like the forward pass.
    static func winogradBackward(_ ctx: ExecutionContext, variant: WinogradVariant, geometry g: ConvolutionGeometry,
                                 chunk: Int, blocks: WinogradVariant.Blocks?, gradientBlocks: WinogradVariant.Blocks?,
                                 input: FloatSlice, output: FloatSlice, outputGradient: FloatSlice,
                                 inputGradient: FloatSlice?, parameters: FloatSlice, transformed: FloatSlice,
                                 gradient: FloatSlice, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output), dy = ctx.pointer(outputGradient)
        let w = ctx.pointer(parameters), u = ctx.pointer(transformed)
        let cin = g.inputChannels, cout = g.outputChannels, pairs = cin * cout, points = variant.points
        let th = variant.tilesDown(g), tw = variant.tilesAcross(g)
        if let gradientBlocks {
            ctx.forEachTask(count: count) { task, t, range in
                let du = ctx.pointer(ctx.partials[task])
                du.update(repeating: 0, count: points * pairs + cout)
                let v = ctx.pointer(ctx.columns[t])
                let yHat = v + points * pointStride(max(cin, cout), tiles: gradientBlocks.rowStride)
                forEachBlock(of: range, tilesDown: th, tilesAcross: tw, blocks: gradientBlocks) { block in
                    // Masks the block's whole images, before the output-gradient transform reads any of their rows.
                    if block.rows.lowerBound == 0 {
                        ElementwiseKernels.reluBackwardAndBiasGradient(
                            y: y, dy: dy, rows: cout, count: count, plane: g.outputPlane, first: block.first,
                            images: block.images, biasGradient: du + points * pairs)
                    }
                    variant.transformInput(x, channels: cin, height: g.height, width: g.width, count: count,
                                           block: block, into: v)
                    variant.transformOutputGradient(dy, channels: cout, height: g.height, width: g.width, count: count,
                                                    block: block, into: yHat)
                    // dU[point][Cout, Cin] += Ŷ[point][Cout, tiles] · V[point][Cin, tiles]ᵀ
                    for xi in 0..<points {
                        GemmShortK.multiplyAdd(m: cout, n: cin, k: block.tiles,
                                               a: yHat + xi * block.pointStride(channels: cout), lda: block.rowStride,
                                               b: v + xi * block.pointStride(channels: cin), ldb: block.rowStride,
                                               c: du + xi * pairs, ldc: cin)
                    }
                }
            }
            ctx.reducePartialsIntoFirst(count: points * pairs + cout, tasks: Parallel.tasks(count))
        } else {
            filterGradientByChunks(ctx, variant: variant, geometry: g, chunk: chunk, x: x, y: y, dy: dy,
                                   into: ctx.pointer(ctx.partials[0]), count: count)
        }
        let total = ctx.pointer(ctx.partials[0]), dw = ctx.pointer(gradient)
        dw.update(repeating: 0, count: g.weightCount)
        variant.accumulateFilterGradient(total, pairs: pairs, into: dw, threads: ctx.threads)
        (dw + g.weightCount).update(from: total + points * pairs, count: cout)
        guard let inputGradient else { return }
        let dx = ctx.pointer(inputGradient)
        variant.transformWeights(w, outputChannels: cout, inputChannels: cin, flipped: true, into: u,
                                 threads: ctx.threads)
        winogradConvolve(ctx, variant: variant, geometry: g, chunk: chunk, blocks: blocks, source: dy,
                         sourceChannels: cout, targetChannels: cin, transformedWeights: u, bias: nil, relu: false,
                         into: dx, count: count)
    }

    /// The filter gradient and the bias gradient of a batch, dU[points, Cout, Cin] then db[Cout], summed into `du`
    /// chunk by chunk of `chunk` images, all threads on each chunk: the ReLU mask and bias sums and the two
    /// transforms (into `ctx.sharedColumns`) split by channels, the products by points. One gradient, not one
    /// per task: nothing per task to zero, keep and add up, and for wide layers the chunk's buffers and the
    /// gradient stay in the L3, where per-task chunks and partials went to memory and back (N4's
    /// 64 → 512-channel layer: 123 → 105 ms on one thread, 97 → 63 ms on two). Every sum runs in the same
    /// order for any number of threads.
    private static func filterGradientByChunks(_ ctx: ExecutionContext, variant: WinogradVariant,
                                               geometry g: ConvolutionGeometry, chunk: Int,
                                               x: UnsafePointer<Float>, y: UnsafePointer<Float>,
                                               dy: UnsafeMutablePointer<Float>, into du: UnsafeMutablePointer<Float>,
                                               count: Int) {
        let cin = g.inputChannels, cout = g.outputChannels, pairs = cin * cout, points = variant.points
        let th = variant.tilesDown(g), tw = variant.tilesAcross(g), plane = g.outputPlane
        du.update(repeating: 0, count: points * pairs + cout)
        let v = ctx.pointer(ctx.sharedColumns)
        forEachSharedChunk(of: count, chunk: chunk, tilesDown: th, tilesAcross: tw) { block in
            let tiles = block.tiles, ld = block.rowStride
            let vStride = block.pointStride(channels: cin), yStride = block.pointStride(channels: cout)
            let yHat = v + points * vStride
            // The mask comes before the output-gradient transform reads the chunk's images.
            forEachChannelRange(ctx, of: cout) { rows in
                let offset = rows.lowerBound * count * plane
                ElementwiseKernels.reluBackwardAndBiasGradient(
                    y: y + offset, dy: dy + offset, rows: rows.count, count: count, plane: plane,
                    first: block.first, images: block.images, biasGradient: du + points * pairs + rows.lowerBound)
            }
            // Input channels, then output channels, in one set of ranges.
            forEachChannelRange(ctx, of: cin + cout) { channels in
                var range = channels.clamped(to: 0..<cin)
                if !range.isEmpty {
                    variant.transformInput(x + range.lowerBound * count * plane, channels: range.count,
                                           height: g.height, width: g.width, count: count,
                                           block: block.within(channels: cin), into: v + range.lowerBound * ld)
                }
                range = channels.clamped(to: cin..<(cin + cout))
                if !range.isEmpty {
                    let c0 = range.lowerBound - cin
                    variant.transformOutputGradient(dy + c0 * count * plane, channels: range.count, height: g.height,
                                                    width: g.width, count: count, block: block.within(channels: cout),
                                                    into: yHat + c0 * ld)
                }
            }
            // dU[point][Cout, Cin] += Ŷ[point][Cout, tiles] · V[point][Cin, tiles]ᵀ over a few hundred tiles. Up
            // to 128 output channels GemmShortK reads both in place (Ŷ[point] stays in L2 while 4 rows of V pass
            // through L1); with more, Ŷ[point] outgrows L2 and the packed GEMM's blocking does better (N4's
            // 64 → 512-channel layer: 93 ms against 127 ms on one thread).
            Parallel.dynamic(tasks: points, threads: ctx.threads) { xi, t in
                let a = yHat + xi * yStride, b = v + xi * vStride
                if cout <= GemmShortK.maximumRowsInPlace {
                    GemmShortK.multiplyAdd(m: cout, n: cin, k: tiles, a: a, lda: ld, b: b, ldb: ld, c: du + xi * pairs,
                                           ldc: cin)
                } else {
                    ctx.gemm(thread: t, m: cout, n: cin, k: tiles, a: MatrixView(a, rowStride: ld),
                             b: MatrixView(b, rowStride: ld).transposed, c: du + xi * pairs, ldc: cin,
                             accumulate: true)
                }
            }
        }
    }
}
