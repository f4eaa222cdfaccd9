/// Parameter count and forward FLOPs of a net for a given input, computed from its layers.
///
/// Convention (the same as the engine's): FLOPs are 2 × multiply-adds of convolutions, GAP's
/// 1×1 convolution and fully connected layers, per image, forward only; pooling, ReLU,
/// dropout, bias additions and softmax are not counted. Conv: d·k²·c_in + d parameters and
/// 2·d·k²·c_in·R'² FLOPs with R' = ⌈R/s⌉ (SAME padding); pooling: R' = ⌊(R − k)/s⌋ + 1;
/// FC(n) and SM(n): n·inputs + n parameters and 2·n·inputs FLOPs, inputs = R²·c when they
/// follow a spatial layer; GAP(c): a 1×1 conv to c channels, then c features.
public struct NetworkCost: Hashable, Sendable, Codable {
    /// Trainable parameters (weights and biases).
    public var parameters: Int
    /// Forward FLOPs per image (2 × multiply-adds).
    public var forwardFLOPs: Int

    /// The cost of `net` on `inputSize`×`inputSize`×`inputChannels` images; throws when a
    /// pooling window does not fit the representation it meets.
    public init(of net: Architecture, inputSize: Int, inputChannels: Int) throws(ArchitectureError) {
        var side = inputSize, channels = inputChannels
        var parameters = 0, flops = 0
        for (offset, layer) in net.layers.enumerated() {
            let inputs = side * side * channels
            switch layer {
            case let .conv(filters, kernel, stride):
                let out = (side + stride - 1) / stride
                parameters += filters * kernel * kernel * channels + filters
                flops += 2 * filters * kernel * kernel * channels * out * out
                side = out
                channels = filters
            case let .pool(kernel, stride):
                guard kernel <= side else {
                    throw ArchitectureError(position: offset + 1, token: layer.token, rule: .vanishing(size: side))
                }
                side = (side - kernel) / stride + 1
            case let .fc(units), let .softmax(units):
                parameters += units * inputs + units
                flops += 2 * units * inputs
                side = 1
                channels = units
            case let .gap(classes):
                parameters += classes * channels + classes
                flops += 2 * classes * channels * side * side
                side = 1
                channels = classes
            case .dropout:
                break
            }
        }
        self.parameters = parameters
        self.forwardFLOPs = flops
    }
}
