/// Parameter count, forward FLOPs and activation size of a net for a given input, computed from its layers.
///
/// Convention (the same as the engine's): FLOPs are 2 × multiply-adds of convolutions, GAP's
/// 1×1 convolution and fully connected layers, per image, forward only; pooling, ReLU,
/// dropout, bias additions and softmax are not counted. Conv: d·k²·c_in + d parameters and
/// 2·d·k²·c_in·R'² FLOPs with R' = ⌈R/s⌉ (SAME padding); pooling: R' = ⌊(R − k)/s⌋ + 1;
/// FC(n) and SM(n): n·inputs + n parameters and 2·n·inputs FLOPs, inputs = R²·c when they
/// follow a spatial layer; GAP(c): a 1×1 conv to c channels, then c features.
///
/// Every sum and product is overflow-checked: a net string may hold any 64-bit number, and a
/// count past `Int.max` is reported as the layer's fault instead of trapping.
public struct NetworkCost: Hashable, Sendable, Codable {
    /// Trainable parameters (weights and biases).
    public var parameters: Int
    /// Forward FLOPs per image (2 × multiply-adds).
    public var forwardFLOPs: Int
    /// Floats per image in the input and every layer's output (what a forward pass keeps for backward).
    public var activations: Int

    /// The cost of `net` on `inputSize`×`inputSize`×`inputChannels` images; throws when a
    /// pooling window does not fit the representation it meets, or a count passes `Int.max`.
    public init(of net: Architecture, inputSize: Int, inputChannels: Int) throws(ArchitectureError) {
        var side = inputSize, channels = inputChannels
        var count = Counter(position: 0, token: "")
        count.activations = try count.product(side, side, channels)
        for (offset, layer) in net.layers.enumerated() {
            count.position = offset + 1
            count.token = layer.token
            let inputs = try count.product(side, side, channels)
            switch layer {
            case let .conv(filters, kernel, stride):
                let out = side / stride + (side % stride == 0 ? 0 : 1)
                let weights = try count.product(filters, kernel, kernel, channels)
                try count.add(parameters: weights, filters)
                try count.add(flops: try count.product(2, weights, out, out))
                side = out
                channels = filters
            case let .pool(kernel, stride):
                guard kernel <= side else {
                    throw ArchitectureError(position: offset + 1, token: layer.token, rule: .vanishing(size: side))
                }
                side = (side - kernel) / stride + 1
            case let .fc(units), let .softmax(units):
                let weights = try count.product(units, inputs)
                try count.add(parameters: weights, units)
                try count.add(flops: try count.product(2, weights))
                side = 1
                channels = units
            case let .gap(classes):
                let weights = try count.product(classes, channels)
                try count.add(parameters: weights, classes)
                try count.add(flops: try count.product(2, weights, side, side))
                side = 1
                channels = classes
            case .dropout:
                break
            }
            try count.add(activations: try count.product(side, side, channels))
        }
        parameters = count.parameters
        forwardFLOPs = count.flops
        activations = count.activations
    }
}

/// Overflow-checked running totals that name the layer being counted when one overflows.
private struct Counter {
    var position: Int
    var token: String
    var parameters = 0, flops = 0, activations = 0

    func product(_ factors: Int...) throws(ArchitectureError) -> Int {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw tooLarge }
            result = next
        }
        return result
    }

    mutating func add(parameters terms: Int...) throws(ArchitectureError) {
        for term in terms { parameters = try sum(parameters, term) }
    }

    mutating func add(flops term: Int) throws(ArchitectureError) { flops = try sum(flops, term) }

    mutating func add(activations term: Int) throws(ArchitectureError) { activations = try sum(activations, term) }

    private func sum(_ a: Int, _ b: Int) throws(ArchitectureError) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw tooLarge }
        return result
    }

    private var tooLarge: ArchitectureError {
        ArchitectureError(position: position, token: token, rule: .tooLarge)
    }
}
