/// One state of the MetaQNN state machine with the reference code's eight fields (spec §1).
///
/// Along a trajectory `imageSize` is the true representation size R; as a Q-table key (and as a
/// stored action) the same type holds the bucketed size, see `StateSpace.bucketed(_:)`.
public struct LayerState: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// `layer_type`.
    public var layerType: LayerType
    /// `layer_depth`: layers so far, the start state being 0.
    public var layerDepth: Int
    /// `filter_depth`: conv filters, for fc the number of fc layers before it, 1 at start, else 0.
    public var filterDepth: Int
    /// `filter_size`: conv or pool kernel, else 0.
    public var filterSize: Int
    /// `stride`: conv or pool stride, else 0.
    public var stride: Int
    /// `image_size`: representation side R after this layer (fc 0, gap 1), or its bucket.
    public var imageSize: Int
    /// `fc_size`: neurons of an fc layer, else 0.
    public var fcSize: Int
    /// `terminate`: true for the terminal state (the classifier).
    public var terminate: Bool

    /// A state from its eight fields.
    public init(
        layerType: LayerType, layerDepth: Int, filterDepth: Int, filterSize: Int, stride: Int,
        imageSize: Int, fcSize: Int, terminate: Bool
    ) {
        self.layerType = layerType
        self.layerDepth = layerDepth
        self.filterDepth = filterDepth
        self.filterSize = filterSize
        self.stride = stride
        self.imageSize = imageSize
        self.fcSize = fcSize
        self.terminate = terminate
    }

    /// The start state `(start, 0, 1, 0, 0, R, 0, 0)` for input side `inputSize`.
    public static func start(inputSize: Int) -> LayerState {
        LayerState(layerType: .start, layerDepth: 0, filterDepth: 1, filterSize: 0, stride: 0,
                   imageSize: inputSize, fcSize: 0, terminate: false)
    }

    /// The terminal state reached from `self` by the terminate action: same fields, one deeper.
    public var terminated: LayerState {
        var next = self
        next.layerDepth += 1
        next.terminate = true
        return next
    }

    /// The eight fields in reference order as they appear in a `q_values.csv` row.
    public var fields: [String] {
        [layerType.rawValue, "\(layerDepth)", "\(filterDepth)", "\(filterSize)", "\(stride)",
         "\(imageSize)", "\(fcSize)", terminate ? "1" : "0"]
    }

    /// The tuple form, e.g. `(conv, 1, 64, 3, 1, 8, 0, 0)`.
    public var description: String { "(" + fields.joined(separator: ", ") + ")" }

    /// Orders by depth, then type, then the remaining fields, for stable exports.
    public static func < (a: LayerState, b: LayerState) -> Bool {
        (a.layerDepth, a.layerType, a.filterDepth, a.filterSize, a.stride)
            < (b.layerDepth, b.layerType, b.filterDepth, b.filterSize, b.stride)
            || (a.layerDepth, a.layerType, a.filterDepth, a.filterSize, a.stride)
                == (b.layerDepth, b.layerType, b.filterDepth, b.filterSize, b.stride)
            && (a.imageSize, a.fcSize, a.terminate ? 1 : 0) < (b.imageSize, b.fcSize, b.terminate ? 1 : 0)
    }
}
