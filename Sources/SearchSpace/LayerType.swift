/// The `layer_type` field of a state, spelled as in the reference code's files.
public enum LayerType: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// The state before any layer.
    case start
    /// A convolution layer.
    case conv
    /// A max-pooling layer.
    case pool
    /// A fully connected layer.
    case fc
    /// A global-average-pooling layer (always followed by the classifier).
    case gap

    /// Orders types as the spec lists them, so exported tables are sorted stably.
    public static func < (lhs: LayerType, rhs: LayerType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
