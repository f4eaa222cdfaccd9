/// One layer of a network as the builder accepts it; every hidden layer with weights is followed by ReLU.
public enum LayerSpec: Hashable, Sendable {
    /// `filters` k×k convolutions with stride `stride`, SAME padding, bias, then ReLU.
    case convolution(filters: Int, kernel: Int, stride: Int)
    /// Max pooling over k×k windows with stride `stride`, no padding: floor((R − k)/s) + 1.
    case maxPool(kernel: Int, stride: Int)
    /// A fully connected layer of `units` outputs with bias, then ReLU.
    case fullyConnected(units: Int)
    /// A 1×1 convolution to `classes` maps with bias and ReLU, then the mean over each whole map.
    case globalAveragePool(classes: Int)
    /// Inverted dropout that zeroes each value with probability `rate` while training only.
    case dropout(rate: Float)
    /// The final fully connected layer to `classes` logits, trained with softmax cross-entropy.
    case classifier(classes: Int)
}

extension LayerSpec: CustomStringConvertible {
    /// A short human name such as `conv 64×3×3/1`.
    public var description: String {
        switch self {
        case let .convolution(filters, kernel, stride): "convolution \(filters)×\(kernel)×\(kernel) stride \(stride)"
        case let .maxPool(kernel, stride): "max pool \(kernel)×\(kernel) stride \(stride)"
        case let .fullyConnected(units): "fully connected \(units)"
        case let .globalAveragePool(classes): "global average pool to \(classes)"
        case let .dropout(rate): "dropout \(rate)"
        case let .classifier(classes): "classifier to \(classes)"
        }
    }
}
