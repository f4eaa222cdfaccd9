/// Why a list of layers cannot be built into a network; each description is one sentence.
public enum NetworkBuildError: Error, Equatable, CustomStringConvertible {
    /// The input shape has a non-positive dimension.
    case invalidInput(TensorShape)
    /// `maxBatch` is not positive.
    case invalidBatchSize(Int)
    /// `threads` is not positive.
    case invalidThreadCount(Int)
    /// The layer list does not end with exactly one classifier.
    case missingClassifier
    /// A classifier appears before the last layer.
    case misplacedClassifier(index: Int)
    /// A layer has a non-positive size or a dropout rate outside [0, 1).
    case invalidLayer(index: Int, spec: LayerSpec)
    /// A layer's window does not fit the representation it receives, so the representation would vanish.
    case vanishingRepresentation(index: Int, spec: LayerSpec, input: TensorShape)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .invalidInput(shape):
            "The input shape \(shape) has a non-positive dimension; give channels, height and width of at least 1."
        case let .invalidBatchSize(size):
            "The maximum batch size \(size) is not positive; use a batch size of at least 1."
        case let .invalidThreadCount(threads):
            "The thread count \(threads) is not positive; use at least 1 thread."
        case .missingClassifier:
            "The network does not end with a classifier layer; add exactly one classifier (SM) as the last layer."
        case let .misplacedClassifier(index):
            "Layer \(index + 1) is a classifier but is not the last layer; keep a single classifier at the end."
        case let .invalidLayer(index, spec):
            "Layer \(index + 1) (\(spec)) has a non-positive size or a dropout rate outside [0, 1); fix its parameters."
        case let .vanishingRepresentation(index, spec, input):
            "Layer \(index + 1) (\(spec)) receives a \(input) representation that is smaller than its window, so the representation vanishes; remove the layer or use a larger input."
        }
    }
}
