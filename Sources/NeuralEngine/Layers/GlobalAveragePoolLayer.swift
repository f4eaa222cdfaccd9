/// Spec §3 GAP: a 1×1 convolution to `classes` maps with bias and ReLU, then the mean of each map.
struct GlobalAveragePoolLayer {
    let convolution: ConvolutionLayer
    let maps: FloatSlice
    let mapsGradient: FloatSlice

    init(input: TensorShape, classes: Int, maxBatch: Int, plan: inout ArenaPlan,
         requirements: inout ExecutionContext.Requirements) {
        convolution = ConvolutionLayer(input: input, filters: classes, kernel: 1, stride: 1, maxBatch: maxBatch,
                                       plan: &plan, requirements: &requirements)
        maps = plan.floats(maxBatch * convolution.outputShape.elementCount)
        mapsGradient = plan.floats(maxBatch * convolution.outputShape.elementCount)
    }

    var outputShape: TensorShape { TensorShape(channels: convolution.geometry.outputChannels, height: 1, width: 1) }
    var forwardFLOPs: Int { convolution.forwardFLOPs }
    var parameters: ParameterSlices { convolution.parameters }

    func initialize(_ arena: Arena, using generator: inout SeededGenerator) {
        convolution.initialize(arena, using: &generator)
    }

    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int) {
        convolution.forward(ctx, input: input, output: maps, count: count)
        let m = ctx.pointer(maps), y = ctx.pointer(output), g = convolution.geometry
        ctx.forEachTask(count: count) { _, _, range in
            ElementwiseKernels.spatialMean(m, y, channels: g.outputChannels, count: count, plane: g.outputPlane,
                                           first: range.lowerBound, images: range.count)
        }
    }

    func backward(_ ctx: ExecutionContext, input: FloatSlice, outputGradient: FloatSlice,
                  inputGradient: FloatSlice?, count: Int) {
        let dy = ctx.pointer(outputGradient), dm = ctx.pointer(mapsGradient), g = convolution.geometry
        ctx.forEachTask(count: count) { _, _, range in
            ElementwiseKernels.spatialMeanBackward(dy, dm, channels: g.outputChannels, count: count,
                                                   plane: g.outputPlane, first: range.lowerBound, images: range.count)
        }
        convolution.backward(ctx, input: input, output: maps, outputGradient: mapsGradient,
                             inputGradient: inputGradient, count: count)
    }
}
