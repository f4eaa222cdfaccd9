@testable import NeuralEngine

/// Runs single layers' fast kernels on NCHW tensors so tests can compare them with `ReferenceKernels`.
enum KernelHarness {
    static func toChannelMajor(_ t: Tensor) -> [Float] {
        var out = [Float](repeating: 0, count: t.storage.count)
        t.storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                ElementwiseKernels.toChannelMajor(src.baseAddress!, dst.baseAddress!, count: t.count,
                                                  channels: t.shape.channels, plane: t.shape.spatialCount)
            }
        }
        return out
    }

    static func fromChannelMajor(_ values: [Float], count: Int, shape: TensorShape) -> Tensor {
        var t = Tensor(zeros: count, shape: shape)
        let plane = shape.spatialCount
        for n in 0..<count {
            for c in 0..<shape.channels {
                for p in 0..<plane { t.storage[(n * shape.channels + c) * plane + p] = values[(c * count + n) * plane + p] }
            }
        }
        return t
    }

    /// Fast convolution forward and backward; returns y, dx, dw, db.
    /// `winograd` overrides the layer's own choice of Winograd algorithm (it must suit the geometry),
    /// `blockBudget` the floats its blocks of tiles may take, `gradientBlockTiles` the fewest tiles of a
    /// filter-gradient block, `chunkImages` the images of a shared Winograd chunk.
    static func convolution(x: Tensor, weights: [Float], bias: [Float], dy: Tensor, filters: Int, kernel: Int,
                            stride: Int, threads: Int, winograd: WinogradVariant? = nil,
                            blockBudget: Int = WinogradVariant.blockBudget,
                            gradientBlockTiles: Int = WinogradVariant.minimumGradientBlockTiles,
                            chunkImages: Int? = nil)
        -> (y: Tensor, dx: Tensor, dw: [Float], db: [Float]) {
        var plan = ArenaPlan()
        var requirements = ExecutionContext.Requirements()
        let layer = ConvolutionLayer(input: x.shape, filters: filters, kernel: kernel, stride: stride,
                                     maxBatch: x.count, plan: &plan, requirements: &requirements,
                                     winograd: winograd, blockBudget: blockBudget,
                                     gradientBlockTiles: gradientBlockTiles, chunkImages: chunkImages)
        let input = plan.floats(x.storage.count), output = plan.floats(dy.storage.count)
        let dOutput = plan.floats(dy.storage.count), dInput = plan.floats(x.storage.count)
        let scratch = ExecutionContext.reserve(requirements, threads: threads, in: &plan)
        let ctx = ExecutionContext(arena: Arena(plan), threads: threads, scratch: scratch)
        ctx.arena.store(weights + bias, into: layer.parameters.values)
        ctx.arena.store(toChannelMajor(x), into: input)
        ctx.arena.store(toChannelMajor(dy), into: dOutput)
        layer.forward(ctx, input: input, output: output, count: x.count)
        layer.backward(ctx, input: input, output: output, outputGradient: dOutput, inputGradient: dInput,
                       count: x.count)
        let gradient = ctx.arena.array(layer.parameters.gradient)
        return (fromChannelMajor(ctx.arena.array(output), count: x.count, shape: layer.outputShape),
                fromChannelMajor(ctx.arena.array(dInput), count: x.count, shape: x.shape),
                Array(gradient[..<weights.count]), Array(gradient[weights.count...]))
    }

    /// Fast max pooling forward and backward; returns y, dx.
    static func maxPool(x: Tensor, dy: Tensor, kernel: Int, stride: Int, threads: Int) -> (y: Tensor, dx: Tensor) {
        var plan = ArenaPlan()
        let layer = MaxPoolLayer(input: x.shape, kernel: kernel, stride: stride, maxBatch: x.count, plan: &plan)
        let input = plan.floats(x.storage.count), output = plan.floats(dy.storage.count)
        let dOutput = plan.floats(dy.storage.count), dInput = plan.floats(x.storage.count)
        let scratch = ExecutionContext.reserve(.init(), threads: threads, in: &plan)
        let ctx = ExecutionContext(arena: Arena(plan), threads: threads, scratch: scratch)
        ctx.arena.store(toChannelMajor(x), into: input)
        ctx.arena.store(toChannelMajor(dy), into: dOutput)
        layer.forward(ctx, input: input, output: output, count: x.count)
        layer.backward(ctx, outputGradient: dOutput, inputGradient: dInput, count: x.count)
        return (fromChannelMajor(ctx.arena.array(output), count: x.count, shape: layer.outputShape),
                fromChannelMajor(ctx.arena.array(dInput), count: x.count, shape: x.shape))
    }
}
