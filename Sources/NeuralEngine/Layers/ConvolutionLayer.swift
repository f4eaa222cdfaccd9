/// A SAME-padded convolution with bias and ReLU.
struct ConvolutionLayer {
    let geometry: ConvolutionGeometry
    let chunk: Int
    let parameters: ParameterSlices
    /// The Winograd algorithm of this layer, or nil for im2col.
    let winograd: WinogradVariant?
    /// How the Winograd passes cut tiles into blocks that stay in cache, or nil for chunks of images.
    let blocks: WinogradVariant.Blocks?
    /// How the filter gradient cuts tiles into blocks, or nil for chunks of images shared by all threads.
    let gradientBlocks: WinogradVariant.Blocks?
    /// Images per shared chunk of the filter gradient (without `gradientBlocks`).
    let gradientChunk: Int
    /// Winograd-transformed weights U[points, Cout, Cin] (or U′ during the backward pass), followed by their
    /// packed copy; empty for im2col.
    let transformed: FloatSlice
    /// The 180°-rotated kernel [Cin, Cout, k, k] for the input gradient of stride-1 odd kernels.
    let flipped: FloatSlice

    /// `winograd` replaces `WinogradVariant.choose(for:)`'s pick, `blockBudget` the floats of a Winograd
    /// block's buffers, `gradientBlockTiles` the fewest tiles of a filter-gradient block and
    /// `gradientChunkImages` the images of a shared filter-gradient chunk (tests compare the variants on one
    /// geometry, blocks of a few tiles with chunks, and cut small batches into several chunks).
    init(input: TensorShape, filters: Int, kernel: Int, stride: Int, maxBatch: Int,
         plan: inout ArenaPlan, requirements: inout ExecutionContext.Requirements,
         winograd override: WinogradVariant? = nil, blockBudget: Int = WinogradVariant.blockBudget,
         gradientBlockTiles: Int = WinogradVariant.minimumGradientBlockTiles, gradientChunkImages: Int? = nil) {
        geometry = ConvolutionGeometry(sameInput: input, filters: filters, kernel: kernel, stride: stride)
        let perTask = Parallel.imagesPerTask(maxBatch: maxBatch)
        requirements.tasks = max(requirements.tasks, Parallel.tasks(maxBatch))
        parameters = ParameterSlices(weights: geometry.weightCount, biases: filters, plan: &plan)
        winograd = override ?? WinogradVariant.choose(for: geometry)
        if let winograd {
            chunk = winograd.chunkImages(geometry, imagesPerTask: perTask)
            blocks = winograd.blocks(geometry, budget: blockBudget)
            gradientBlocks = winograd.filterGradientBlocks(geometry, budget: blockBudget, minimumTiles: gradientBlockTiles)
            let weights = winograd.points * geometry.inputChannels * filters
            transformed = plan.floats(weights + winograd.packedWeightFloats(geometry))
            flipped = .empty
            gradientChunk = gradientBlocks == nil
                ? gradientChunkImages ?? winograd.gradientChunkImages(geometry, maxBatch: maxBatch) : 0
            // Per-thread chunks only where the forward pass and the input gradient have no blocks.
            requirements.columnFloats = max(requirements.columnFloats,
                                            blocks.map { winograd.blockScratchFloats(geometry, blocks: $0) } ?? 0,
                                            gradientBlocks.map { winograd.blockScratchFloats(geometry, blocks: $0) } ?? 0,
                                            blocks == nil ? winograd.scratchFloats(geometry, chunk: chunk) : 0)
            if gradientBlocks == nil {
                requirements.sharedFloats = max(requirements.sharedFloats,
                                                winograd.gradientChunkFloats(geometry, images: gradientChunk))
                requirements.winogradGradientFloats = max(requirements.winogradGradientFloats, weights + filters)
            } else {
                requirements.winogradPartialFloats = max(requirements.winogradPartialFloats, weights + filters)
            }
        } else {
            chunk = ConvolutionKernels.chunkImages(geometry, imagesPerTask: perTask)
            blocks = nil
            gradientBlocks = nil
            gradientChunk = 0
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
                                                gradientBlocks: gradientBlocks, gradientChunk: gradientChunk,
                                                input: input, output: output,
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
