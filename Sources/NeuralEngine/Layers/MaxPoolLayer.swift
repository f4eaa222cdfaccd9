/// Max pooling without padding; remembers each window's argmax for the backward pass.
struct MaxPoolLayer {
    let geometry: ConvolutionGeometry
    let argmax: IndexSlice

    init(input: TensorShape, kernel: Int, stride: Int, maxBatch: Int, plan: inout ArenaPlan) {
        var g = ConvolutionGeometry(sameInput: input, filters: input.channels, kernel: kernel, stride: stride)
        g.outputHeight = (input.height - kernel) / stride + 1
        g.outputWidth = (input.width - kernel) / stride + 1
        g.padTop = 0
        g.padLeft = 0
        geometry = g
        argmax = plan.indices(maxBatch * g.outputShape.elementCount)
    }

    var outputShape: TensorShape { geometry.outputShape }

    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output), idx = ctx.pointer(argmax)
        let g = geometry
        ctx.forEachTask(count: count) { _, _, range in
            PoolingKernels.maxPoolForward(x, y, argmax: idx, geometry: g, count: count, first: range.lowerBound,
                                          images: range.count)
        }
    }

    func backward(_ ctx: ExecutionContext, outputGradient: FloatSlice, inputGradient: FloatSlice, count: Int) {
        let dy = ctx.pointer(outputGradient), dx = ctx.pointer(inputGradient), idx = ctx.pointer(argmax)
        let g = geometry
        ctx.forEachTask(count: count) { _, _, range in
            PoolingKernels.maxPoolBackward(dy, argmax: idx, dx, geometry: g, count: count, first: range.lowerBound,
                                           images: range.count)
        }
    }
}
