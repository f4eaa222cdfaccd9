extension Network {
    /// A copy of every parameter, layer by layer (weights then biases), e.g. to keep the best model.
    public func parameterValues() -> [Float] {
        layers.flatMap { context.arena.array($0.parameters.values) }
    }

    /// Restores parameters saved by `parameterValues()` (Adam moments are kept).
    public func setParameterValues(_ values: [Float]) {
        precondition(values.count == parameterCount, "expected \(parameterCount) parameters, got \(values.count)")
        var start = 0
        for layer in layers where layer.parameters.count > 0 {
            let slice = layer.parameters.values
            context.arena.store(Array(values[start..<(start + slice.count)]), into: slice)
            start += slice.count
        }
        weightTransformsCurrent = false
    }

    /// The gradient of every parameter from the last backward pass, in `parameterValues()` order.
    func parameterGradients() -> [Float] {
        layers.flatMap { context.arena.array($0.parameters.gradient) }
    }

    /// The gradient of the mean loss with respect to the input images (NCHW), after `computeGradients`.
    func inputGradient(count: Int) -> [Float] {
        let channelMajor = context.arena.array(FloatSlice(offset: gradientSlots[0].offset,
                                                          count: count * inputShape.elementCount))
        let plane = inputShape.spatialCount
        var result = [Float](repeating: 0, count: channelMajor.count)
        for n in 0..<count {
            for c in 0..<inputShape.channels {
                for p in 0..<plane {
                    result[(n * inputShape.channels + c) * plane + p] = channelMajor[(c * count + n) * plane + p]
                }
            }
        }
        return result
    }

    /// Logits of the last forward pass as [image][class].
    func lastLogits(count: Int) -> [[Float]] {
        let flat = context.arena.array(FloatSlice(offset: activations.last!.offset, count: count * classes))
        return (0..<count).map { n in (0..<classes).map { flat[$0 * count + n] } }
    }
}
