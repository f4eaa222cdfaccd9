/// The closed set of layers; every switch is exhaustive, so a new case needs forward, backward and init.
enum Layer {
    case convolution(ConvolutionLayer)
    case maxPool(MaxPoolLayer)
    case fullyConnected(FullyConnectedLayer)
    case globalAveragePool(GlobalAveragePoolLayer)
    case dropout(DropoutLayer)
    case classifier(FullyConnectedLayer)

    /// Plans a layer for `spec` on an `input` representation, or says why it cannot exist.
    init(spec: LayerSpec, index: Int, input: TensorShape, maxBatch: Int, plan: inout ArenaPlan,
         requirements: inout ExecutionContext.Requirements) throws(NetworkBuildError) {
        switch spec {
        case let .convolution(filters, kernel, stride):
            guard filters > 0, kernel > 0, stride > 0 else { throw .invalidLayer(index: index, spec: spec) }
            self = .convolution(ConvolutionLayer(input: input, filters: filters, kernel: kernel, stride: stride,
                                                 maxBatch: maxBatch, plan: &plan,
                                                 requirements: &requirements))
        case let .maxPool(kernel, stride):
            guard kernel > 0, stride > 0 else { throw .invalidLayer(index: index, spec: spec) }
            guard kernel <= input.height, kernel <= input.width else {
                throw .vanishingRepresentation(index: index, spec: spec, input: input)
            }
            self = .maxPool(MaxPoolLayer(input: input, kernel: kernel, stride: stride, maxBatch: maxBatch, plan: &plan))
        case let .fullyConnected(units):
            guard units > 0 else { throw .invalidLayer(index: index, spec: spec) }
            self = .fullyConnected(FullyConnectedLayer(input: input, units: units, relu: true, maxBatch: maxBatch,
                                                       plan: &plan))
        case let .globalAveragePool(classes):
            guard classes > 0 else { throw .invalidLayer(index: index, spec: spec) }
            self = .globalAveragePool(GlobalAveragePoolLayer(input: input, classes: classes, maxBatch: maxBatch,
                                                             plan: &plan, requirements: &requirements))
        case let .dropout(rate):
            guard rate >= 0, rate < 1 else { throw .invalidLayer(index: index, spec: spec) }
            self = .dropout(DropoutLayer(input: input, rate: rate, maxBatch: maxBatch, plan: &plan))
        case let .classifier(classes):
            guard classes > 0 else { throw .invalidLayer(index: index, spec: spec) }
            self = .classifier(FullyConnectedLayer(input: input, units: classes, relu: false, maxBatch: maxBatch,
                                                   plan: &plan))
        }
    }

    var outputShape: TensorShape {
        switch self {
        case let .convolution(layer): layer.outputShape
        case let .maxPool(layer): layer.outputShape
        case let .fullyConnected(layer): layer.outputShape
        case let .globalAveragePool(layer): layer.outputShape
        case let .dropout(layer): layer.outputShape
        case let .classifier(layer): layer.outputShape
        }
    }

    var parameters: ParameterSlices {
        switch self {
        case let .convolution(layer): layer.parameters
        case .maxPool, .dropout: .none
        case let .fullyConnected(layer): layer.parameters
        case let .globalAveragePool(layer): layer.parameters
        case let .classifier(layer): layer.parameters
        }
    }

    /// Multiply-adds × 2 per image.
    var forwardFLOPs: Int {
        switch self {
        case let .convolution(layer): layer.forwardFLOPs
        case .maxPool, .dropout: 0
        case let .fullyConnected(layer): layer.forwardFLOPs
        case let .globalAveragePool(layer): layer.forwardFLOPs
        case let .classifier(layer): layer.forwardFLOPs
        }
    }

    func initialize(_ arena: Arena, using generator: inout SeededGenerator) {
        switch self {
        case let .convolution(layer): layer.initialize(arena, using: &generator)
        case .maxPool, .dropout: break
        case let .fullyConnected(layer): layer.initialize(arena, using: &generator)
        case let .globalAveragePool(layer): layer.initialize(arena, using: &generator)
        case let .classifier(layer): layer.initialize(arena, using: &generator)
        }
    }

    /// `weightsTransformed`: the layer's Winograd weight buffers already hold the forward transform of its
    /// current weights (`Network` tracks when), so the pass skips transforming and packing them again.
    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int, training: Bool,
                 weightsTransformed: Bool, generator: inout SeededGenerator) {
        switch self {
        case let .convolution(layer):
            layer.forward(ctx, input: input, output: output, count: count, weightsTransformed: weightsTransformed)
        case let .maxPool(layer): layer.forward(ctx, input: input, output: output, count: count)
        case let .fullyConnected(layer): layer.forward(ctx, input: input, output: output, count: count)
        case let .globalAveragePool(layer): layer.forward(ctx, input: input, output: output, count: count)
        case let .dropout(layer):
            layer.forward(ctx, input: input, output: output, count: count, training: training, generator: &generator)
        case let .classifier(layer): layer.forward(ctx, input: input, output: output, count: count)
        }
    }

    /// Fills the parameter gradient and, when `inputGradient` is given, the gradient of the input.
    func backward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, outputGradient: FloatSlice,
                  inputGradient: FloatSlice?, count: Int) {
        switch self {
        case let .convolution(layer):
            layer.backward(ctx, input: input, output: output, outputGradient: outputGradient,
                           inputGradient: inputGradient, count: count)
        case let .maxPool(layer):
            if let inputGradient {
                layer.backward(ctx, outputGradient: outputGradient, inputGradient: inputGradient, count: count)
            }
        case let .fullyConnected(layer), let .classifier(layer):
            layer.backward(ctx, input: input, output: output, outputGradient: outputGradient,
                           inputGradient: inputGradient, count: count)
        case let .globalAveragePool(layer):
            layer.backward(ctx, input: input, outputGradient: outputGradient, inputGradient: inputGradient,
                           count: count)
        case let .dropout(layer):
            if let inputGradient {
                layer.backward(ctx, outputGradient: outputGradient, inputGradient: inputGradient, count: count)
            }
        }
    }
}
