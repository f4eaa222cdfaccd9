/// One Q value, keyed by where its action leads: the end state's layer type and depth.
public struct QValueSample: Hashable, Sendable {
    /// Layer type the action adds (`conv`, `pool`, `fc`, `gap`, or `terminate` for SM).
    public var layerType: String
    /// Layer depth of the end state.
    public var depth: Int
    /// The Q value.
    public var utility: Double

    /// Creates a sample.
    public init(layerType: String, depth: Int, utility: Double) {
        self.layerType = layerType
        self.depth = depth
        self.utility = utility
    }
}
