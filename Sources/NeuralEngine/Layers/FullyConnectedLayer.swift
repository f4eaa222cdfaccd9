/// A fully connected layer over the flattened input, with bias and optional ReLU (off for the classifier).
struct FullyConnectedLayer {
    let inputShape: TensorShape
    let units: Int
    let relu: Bool
    let flat: FloatSlice
    let parameters: ParameterSlices

    init(input: TensorShape, units: Int, relu: Bool, maxBatch: Int, plan: inout ArenaPlan) {
        inputShape = input
        self.units = units
        self.relu = relu
        flat = FullyConnectedKernels.flattens(input) ? plan.floats(maxBatch * input.elementCount) : .empty
        parameters = ParameterSlices(weights: units * input.elementCount, biases: units, plan: &plan)
    }

    var outputShape: TensorShape { TensorShape(channels: units, height: 1, width: 1) }
    var forwardFLOPs: Int { 2 * units * inputShape.elementCount }

    func initialize(_ arena: Arena, using generator: inout SeededGenerator) {
        parameters.initialize(arena, fanIn: inputShape.elementCount, fanOut: units, using: &generator)
    }

    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int) {
        FullyConnectedKernels.forward(ctx, input: input, inputShape: inputShape, output: output, flat: flat,
                                      units: units, relu: relu, parameters: parameters.values, count: count)
    }

    func backward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, outputGradient: FloatSlice,
                  inputGradient: FloatSlice?, count: Int) {
        FullyConnectedKernels.backward(ctx, input: input, inputShape: inputShape, output: output,
                                       outputGradient: outputGradient, inputGradient: inputGradient, flat: flat,
                                       units: units, relu: relu, parameters: parameters.values,
                                       gradient: parameters.gradient, count: count)
    }
}
