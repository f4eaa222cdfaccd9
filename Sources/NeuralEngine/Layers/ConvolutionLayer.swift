/// A SAME-padded convolution with bias and ReLU.
struct ConvolutionLayer {
    let geometry: ConvolutionGeometry
    /// Images per chunk: of a thread's im2col columns, or of the Winograd buffers all threads share in the
    /// passes without blocks (0 when every pass has blocks).
    let chunk: Int
    let parameters: ParameterSlices
    /// The Winograd algorithm of this layer, or nil for im2col.
    let winograd: WinogradVariant?
    /// How the Winograd passes cut tiles into blocks that stay in cache, or nil for chunks of images.
    let blocks: WinogradVariant.Blocks?
    /// How the filter gradient cuts tiles into blocks, or nil for chunks of images shared by all threads.
    let gradientBlocks: WinogradVariant.Blocks?
    /// Winograd-transformed weights U[points, Cout, Cin] (or U′ during the backward pass), followed by their
    /// packed copy; empty for im2col.
    let transformed: FloatSlice
    /// The 180°-rotated kernel [Cin, Cout, k, k] for the input gradient of stride-1 odd kernels.
    let flipped: FloatSlice

    /// `winograd` replaces `WinogradVariant.choose(for:)`'s pick, `blockBudget` the floats of a Winograd
    /// block's buffers, `gradientBlockTiles` the fewest tiles of a filter-gradient block and
    /// `chunkImages` the images of a shared Winograd chunk (tests compare the variants on one
    /// geometry, blocks of a few tiles with chunks, and cut small batches into several chunks).
    init(input: TensorShape, filters: Int, kernel: Int, stride: Int, maxBatch: Int,
         plan: inout ArenaPlan, requirements: inout ExecutionContext.Requirements,
         winograd override: WinogradVariant? = nil, blockBudget: Int = WinogradVariant.blockBudget,
         gradientBlockTiles: Int = WinogradVariant.minimumGradientBlockTiles, chunkImages: Int? = nil) {
        geometry = ConvolutionGeometry(sameInput: input, filters: filters, kernel: kernel, stride: stride)
        let perTask = Parallel.imagesPerTask(maxBatch: maxBatch)
        requirements.tasks = max(requirements.tasks, Parallel.tasks(maxBatch))
        parameters = ParameterSlices(weights: geometry.weightCount, biases: filters, plan: &plan)
        winograd = override ?? WinogradVariant.choose(for: geometry)
        if let winograd {
            blocks = winograd.blocks(geometry, budget: blockBudget)
            gradientBlocks = winograd.filterGradientBlocks(geometry, budget: blockBudget, minimumTiles: gradientBlockTiles)
            let weights = winograd.points * geometry.inputChannels * filters
            transformed = plan.floats(weights + winograd.packedWeightFloats(geometry))
            flipped = .empty
            // Shared chunks where a pass has no blocks: the filter gradient, and with it (no forward blocks
            // means no gradient blocks) the forward pass and the input gradient.
            chunk = gradientBlocks == nil ? chunkImages ?? winograd.chunkImages(geometry, maxBatch: maxBatch) : 0
            requirements.columnFloats = max(requirements.columnFloats,
                                            blocks.map { winograd.blockScratchFloats(geometry, blocks: $0) } ?? 0,
                                            gradientBlocks.map { winograd.blockScratchFloats(geometry, blocks: $0) } ?? 0)
            if gradientBlocks == nil {
                requirements.sharedFloats = max(requirements.sharedFloats,
                                                winograd.chunkFloats(geometry, images: chunk))
                requirements.winogradGradientFloats = max(requirements.winogradGradientFloats, weights + filters)
            } else {
                requirements.winogradPartialFloats = max(requirements.winogradPartialFloats, weights + filters)
            }
        } else {
            chunk = ConvolutionKernels.chunkImages(geometry, imagesPerTask: perTask)
            blocks = nil
            gradientBlocks = nil
            transformed = .empty
            flipped = ConvolutionKernels.usesFlippedInputGradient(geometry) ? plan.floats(geometry.weightCount) : .empty
            // Tasks after the first sum their weight gradients into partials (Winograd layers plan their own).
            requirements.partialFloats = max(requirements.partialFloats, parameters.count)
            requirements.columnFloats = max(requirements.columnFloats,
                                            ConvolutionKernels.columnFloats(geometry, imagesPerTask: perTask))
        }
    }

    var outputShape: TensorShape { geometry.outputShape }
    var forwardFLOPs: Int { 2 * geometry.weightCount * geometry.outputPlane }

    func initialize(_ arena: Arena, using generator: inout SeededGenerator) {
        let area = geometry.kernel * geometry.kernel
        parameters.initialize(arena, fanIn: geometry.inputChannels * area, fanOut: geometry.outputChannels * area,
                              using: &generator)
    }

    /// `weightsTransformed`: `transformed` already holds U and its packed copy for the current weights (left by
    /// an earlier forward pass with no parameter change and no backward pass since).
    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int,
                 weightsTransformed: Bool = false) {
        if let winograd {
            ConvolutionKernels.winogradForward(ctx, variant: winograd, geometry: geometry, chunk: chunk, blocks: blocks,
                                               input: input, output: output, parameters: parameters.values,
                                               transformed: transformed, weightsTransformed: weightsTransformed,
                                               count: count)
            return
        }
        ConvolutionKernels.forward(ctx, geometry: geometry, chunk: chunk, input: input, output: output,
                                   parameters: parameters.values, count: count)
    }

    func backward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, outputGradient: FloatSlice,
                  inputGradient: FloatSlice?, count: Int) {
        if let winograd {
            ConvolutionKernels.winogradBackward(ctx, variant: winograd, geometry: geometry, chunk: chunk, blocks: blocks,
                                                gradientBlocks: gradientBlocks, input: input, output: output,
                                                outputGradient: outputGradient,
                                                inputGradient: inputGradient, parameters: parameters.values,
                                                transformed: transformed, gradient: parameters.gradient, count: count)
            return
        }
        ConvolutionKernels.backward(ctx, geometry: geometry, chunk: chunk, input: input, output: output,
                                    outputGradient: outputGradient, inputGradient: inputGradient,
                                    parameters: parameters.values, flipped: flipped, gradient: parameters.gradient,
                                    count: count)
    }
}
