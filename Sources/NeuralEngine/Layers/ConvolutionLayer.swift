/// A SAME-padded convolution with bias and ReLU.
struct ConvolutionLayer {
    let geometry: ConvolutionGeometry
    let chunk: Int
    let parameters: ParameterSlices

    init(input: TensorShape, filters: Int, kernel: Int, stride: Int, maxBatch: Int, threads: Int,
         plan: inout ArenaPlan, requirements: inout ExecutionContext.Requirements) {
        geometry = ConvolutionGeometry(sameInput: input, filters: filters, kernel: kernel, stride: stride)
        let perThread = (maxBatch + threads - 1) / threads
        chunk = ConvolutionKernels.chunkImages(geometry, imagesPerThread: perThread)
        parameters = ParameterSlices(weights: geometry.weightCount, biases: filters, plan: &plan)
        requirements.columnFloats = max(requirements.columnFloats,
                                        ConvolutionKernels.columnFloats(geometry, imagesPerThread: perThread))
        requirements.partialFloats = max(requirements.partialFloats, parameters.count)
    }

    var outputShape: TensorShape { geometry.outputShape }
    var forwardFLOPs: Int { 2 * geometry.weightCount * geometry.outputPlane }

    func initialize(_ arena: Arena, using generator: inout SeededGenerator) {
        let area = geometry.kernel * geometry.kernel
        parameters.initialize(arena, fanIn: geometry.inputChannels * area, fanOut: geometry.outputChannels * area,
                              using: &generator)
    }

    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int) {
        ConvolutionKernels.forward(ctx, geometry: geometry, chunk: chunk, input: input, output: output,
                                   parameters: parameters.values, count: count)
    }

    func backward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, outputGradient: FloatSlice,
                  inputGradient: FloatSlice?, count: Int) {
        ConvolutionKernels.backward(ctx, geometry: geometry, chunk: chunk, input: input, output: output,
                                    outputGradient: outputGradient, inputGradient: inputGradient,
                                    parameters: parameters.values, gradient: parameters.gradient, count: count)
    }
}
