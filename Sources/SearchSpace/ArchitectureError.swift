/// Why a syntactically valid net is not legal in a search space: which layer (1-based position
/// in the net string, dropout tokens included) breaks which rule.
public struct ArchitectureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule a layer breaks.
    public enum Rule: Hashable, Sendable {
        /// The net does not end with the classifier `SM(c)`.
        case missingClassifier
        /// A layer comes after the classifier.
        case afterClassifier
        /// More layers than the layer limit.
        case layerLimit(Int)
        /// Only the classifier may follow `GAP`.
        case afterGAP
        /// `GAP(c)` or `SM(c)` with c other than the space's class count.
        case classes(expected: Int)
        /// A conv filter count the space does not offer.
        case convDepth(allowed: [Int])
        /// A conv kernel the space does not offer.
        case convSize(allowed: [Int])
        /// Convolutions in this space always have stride 1.
        case convStride
        /// A conv or pool kernel that is not smaller than the bucketed side it is applied to.
        case kernelTooLarge(kernel: Int, bucketedSize: Int)
        /// A pooling (kernel, stride) pair the space does not offer.
        case poolOption(allowed: [PoolOption])
        /// Pooling after a layer type it may not follow.
        case poolAfter(LayerType)
        /// A convolution, pooling or GAP after a fully connected layer.
        case spatialAfterFC
        /// An fc size the space does not offer.
        case fcSize(allowed: [Int])
        /// An fc layer after a spatial layer whose bucketed side is too large.
        case fcImageTooLarge(bucketedSize: Int, maximum: Int)
        /// More fully connected layers than max_fc.
        case tooManyFC(maximum: Int)
        /// An fc layer wider than the fc layer before it.
        case fcGrows(previous: Int)
        /// The layer would shrink the representation to nothing.
        case vanishing(size: Int)
        /// The net's parameter, FLOP or activation count passes `Int.max` at this layer.
        case tooLarge
    }

    /// 1-based position of the offending token in the net string (0 when the whole net is at fault).
    public var position: Int
    /// The offending token, e.g. `P(3,2)`.
    public var token: String
    /// The broken rule.
    public var rule: Rule

    /// An error for the token at `position`.
    public init(position: Int, token: String, rule: Rule) {
        self.position = position
        self.token = token
        self.rule = rule
    }

    /// One sentence: which layer breaks which rule.
    public var description: String {
        let subject = position == 0 ? "The net" : "Layer \(position), \(token),"
        return "\(subject) \(reason)."
    }

    private var reason: String {
        func list(_ values: [some CustomStringConvertible]) -> String {
            values.isEmpty ? "none" : values.map(\.description).joined(separator: ", ")
        }
        switch rule {
        case .missingClassifier: return "must end with the classifier SM(c)"
        case .afterClassifier: return "comes after the classifier SM, which must be the last layer"
        case let .layerLimit(limit): return "exceeds the layer limit of \(limit) layers before the classifier"
        case .afterGAP: return "follows GAP, after which only the classifier SM may come"
        case let .classes(expected): return "must use the space's \(expected) classes"
        case let .convDepth(allowed): return "has a filter count outside the space's conv depths (\(list(allowed)))"
        case let .convSize(allowed): return "has a kernel outside the space's conv sizes (\(list(allowed)))"
        case .convStride: return "has a stride other than 1, the only conv stride in the search space"
        case let .kernelTooLarge(kernel, size):
            return "has kernel \(kernel), which is not smaller than the bucketed representation size \(size)"
        case let .poolOption(allowed): return "is not one of the space's pooling options (\(list(allowed)))"
        case let .poolAfter(type):
            switch type {
            case .start: return "is pooling at the start, which this space does not allow"
            case .pool: return "is pooling right after pooling, which this space does not allow"
            default: return "is pooling after a \(type.rawValue) layer, which is not allowed"
            }
        case .spatialAfterFC: return "follows a fully connected layer, after which only FC or SM may come"
        case let .fcSize(allowed): return "has a size outside the space's fc sizes (\(list(allowed)))"
        case let .fcImageTooLarge(size, maximum):
            return "follows a representation of bucketed size \(size), but fc layers need size at most \(maximum)"
        case let .tooManyFC(maximum): return "exceeds the space's limit of \(maximum) fully connected layers"
        case let .fcGrows(previous): return "is wider than the fc layer before it (\(previous)); fc layers may not grow"
        case let .vanishing(size): return "does not fit the \(size)×\(size) representation it is applied to"
        case .tooLarge: return "makes the net's parameter or FLOP count larger than a 64-bit integer holds; use smaller numbers"
        }
    }
}
