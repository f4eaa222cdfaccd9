/// Parameter count and forward FLOPs of a net, computed analytically for one input shape.
///
/// Convention (the engine's): FLOPs = 2 × multiply-adds of conv, GAP's 1×1 conv, fc and the
/// classifier; biases, ReLU, pooling, dropout and softmax are not counted. Parameters are
/// weights plus biases: conv d·(k·k·c_in) + d, fc n·in + n, GAP as a 1×1 conv to the classes,
/// SM as an fc to the classes.
public struct ArchitectureCost: Hashable, Sendable {
    /// Trainable parameters (weights and biases).
    public var parameters: Int
    /// Forward floating-point operations per image (2 × multiply-adds).
    public var forwardFLOPs: Int

    /// The cost of `net` on square inputs of side `inputSize` with `channels` channels.
    public init(of net: Architecture, inputSize: Int, channels: Int) throws(ArchitectureShapeError) {
        var side = inputSize, depth = channels, flat: Int? = nil
        var parameters = 0, multiplyAdds = 0
        for (index, layer) in net.layers.enumerated() {
            let features = flat ?? side * side * depth
            switch layer {
            case let .conv(d, k, s):
                guard flat == nil else { throw .afterFlatten(position: index + 1, token: layer.token) }
                side = (side + s - 1) / s
                parameters += d * k * k * depth + d
                multiplyAdds += side * side * d * k * k * depth
                depth = d
            case let .pool(k, s):
                guard flat == nil else { throw .afterFlatten(position: index + 1, token: layer.token) }
                side = StateSpace.pooledSize(side, kernel: k, stride: s)
                guard side >= 1 else { throw .vanishes(position: index + 1, token: layer.token) }
            case let .fc(n):
                parameters += features * n + n
                multiplyAdds += features * n
                flat = n
            case let .gap(c):
                guard flat == nil else { throw .afterFlatten(position: index + 1, token: layer.token) }
                parameters += depth * c + c
                multiplyAdds += side * side * depth * c
                flat = c
            case .dropout:
                break
            case let .softmax(c):
                parameters += features * c + c
                multiplyAdds += features * c
                flat = c
            }
        }
        self.parameters = parameters
        forwardFLOPs = 2 * multiplyAdds
    }
}

/// Why a net has no well-defined shape on the given input; one sentence each.
public enum ArchitectureShapeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A pool leaves an empty representation.
    case vanishes(position: Int, token: String)
    /// A spatial layer follows a flattening one (FC, GAP or SM).
    case afterFlatten(position: Int, token: String)

    /// One sentence naming the layer.
    public var description: String {
        switch self {
        case let .vanishes(position, token):
            "Layer \(position) \(token) shrinks the representation to nothing; use a smaller kernel or a larger input."
        case let .afterFlatten(position, token):
            "Layer \(position) \(token) needs a feature map but follows a flattening layer (FC, GAP or SM)."
        }
    }
}
