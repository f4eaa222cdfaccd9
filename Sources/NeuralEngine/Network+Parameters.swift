/// Named tensors in and out of a network, and plain inference logits: what saving weights and exporting need.
///
/// Layouts, as the kernels store them (see `ConvolutionKernels` and `FullyConnectedKernels`):
/// - convolution (and the 1×1 convolution inside GAP): weight `[out, in, kh, kw]`, bias `[out]`;
/// - fully connected and classifier: weight `[units, C·H·W]` (input flattened channel, then row, then
///   column — the NCHW order), bias `[units]`; so `y = W · x + b`, ONNX `Gemm` with `transB = 1`.
extension Network {
    /// Every trainable tensor, in layer order, named "<index>.<kind>.weight|bias" (e.g. "0.conv.weight").
    public func namedParameters() -> [NamedParameter] {
        var result: [NamedParameter] = []
        for (index, layer) in layers.enumerated() {
            guard let tensors = layer.parameterTensors else { continue }
            let values = context.arena.array(layer.parameters.values)
            let split = layer.parameters.weightCount
            result.append(NamedParameter(name: "\(index).\(tensors.kind).weight", shape: tensors.weight,
                                         values: Array(values[..<split])))
            result.append(NamedParameter(name: "\(index).\(tensors.kind).bias", shape: [values.count - split],
                                         values: Array(values[split...])))
        }
        return result
    }

    /// Loads tensors written by `namedParameters()`; throws a typed error naming a missing or mis-shaped tensor.
    /// Nothing changes unless every tensor fits. Adam moments are kept.
    public func loadNamedParameters(_ parameters: [NamedParameter]) throws(NetworkParameterError) {
        var byName: [String: NamedParameter] = [:]
        for parameter in parameters {
            guard byName.updateValue(parameter, forKey: parameter.name) == nil else {
                throw .duplicate(name: parameter.name)
            }
        }
        let expected = namedParameters()
        for tensor in expected {
            guard let given = byName.removeValue(forKey: tensor.name) else { throw .missing(name: tensor.name) }
            guard given.shape == tensor.shape else {
                throw .shapeMismatch(name: tensor.name, expected: tensor.shape, found: given.shape)
            }
        }
        if let extra = byName.keys.sorted().first { throw .unexpected(name: extra) }
        let lookup = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.values) })
        setParameterValues(expected.flatMap { lookup[$0.name]! })
    }

    /// Inference logits for `count` images (NCHW floats, already normalised): count × classes, row-major.
    /// The flat-array form of `logits(images:)` (one inference path behind both).
    public func logits(images: [Float], count: Int) -> [Float] {
        logits(images: Tensor(count: count, shape: inputShape, storage: images))
    }
}

extension Layer {
    /// The tensor kind used in parameter names and the weight's shape, or nil for layers without weights.
    var parameterTensors: (kind: String, weight: [Int])? {
        switch self {
        case let .convolution(layer):
            let g = layer.geometry
            return ("conv", [g.outputChannels, g.inputChannels, g.kernel, g.kernel])
        case let .globalAveragePool(layer):
            let g = layer.convolution.geometry
            return ("gap", [g.outputChannels, g.inputChannels, 1, 1])
        case let .fullyConnected(layer):
            return ("fc", [layer.units, layer.inputShape.elementCount])
        case let .classifier(layer):
            return ("classifier", [layer.units, layer.inputShape.elementCount])
        case .maxPool, .dropout:
            return nil
        }
    }
}
