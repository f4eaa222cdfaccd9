/// One state of the MetaQNN state machine with the reference code's eight fields (spec §1).
///
/// Trajectories hold *true* states (exact representation size); the Q table holds *bucketed*
/// ones (see `StateSpace.bucketed(_:)`). An action is stored as the bucketed state it leads to,
/// so the same type serves as both.
public struct State: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// `start`, `conv`, `pool`, `fc` or `gap`.
    public var layerType: LayerType
    /// Number of layers so far (start = 0; the terminal state is one deeper than the last layer).
    public var layerDepth: Int
    /// conv: number of filters; fc: how many fc layers came before it; start: 1; else 0.
    public var filterDepth: Int
    /// conv/pool kernel size, else 0.
    public var filterSize: Int
    /// conv/pool stride, else 0.
    public var stride: Int
    /// Representation side R after this layer (fc: 0, gap: 1), or its bucket in a Q table.
    public var imageSize: Int
    /// fc: number of neurons, else 0.
    public var fcSize: Int
    /// Whether this is the terminal state (the classifier has been appended).
    public var terminate: Bool

    /// A state from all eight fields.
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

    /// The start state `(start, 0, 1, 0, 0, R, 0, 0)` for input side `imageSize`.
    public static func start(imageSize: Int) -> State {
        State(layerType: .start, layerDepth: 0, filterDepth: 1, filterSize: 0, stride: 0,
              imageSize: imageSize, fcSize: 0, terminate: false)
    }

    /// The terminal state that follows this one: same fields, one layer deeper, terminate = 1.
    public var terminated: State {
        var next = self
        next.layerDepth += 1
        next.terminate = true
        return next
    }

    /// The eight fields in reference order as they appear in `q_values.csv`.
    public var fields: [String] {
        [layerType.rawValue, String(layerDepth), String(filterDepth), String(filterSize), String(stride),
         String(imageSize), String(fcSize), terminate ? "1" : "0"]
    }

    /// The reference tuple form, e.g. `(conv, 1, 64, 3, 1, 8, 0, 0)`.
    public var description: String { "(" + fields.joined(separator: ", ") + ")" }

    /// Orders by depth first, then field by field, so exported tables are stable and readable.
    public static func < (lhs: State, rhs: State) -> Bool {
        if lhs.layerDepth != rhs.layerDepth { return lhs.layerDepth < rhs.layerDepth }
        if lhs.layerType != rhs.layerType { return lhs.layerType < rhs.layerType }
        if lhs.terminate != rhs.terminate { return !lhs.terminate }
        return (lhs.filterDepth, lhs.filterSize, lhs.stride, lhs.imageSize, lhs.fcSize)
            < (rhs.filterDepth, rhs.filterSize, rhs.stride, rhs.imageSize, rhs.fcSize)
    }
}
