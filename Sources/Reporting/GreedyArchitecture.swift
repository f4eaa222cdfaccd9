/// The net the current Q table builds with ε = 0, and the Q value of its first action.
public struct GreedyArchitecture: Hashable, Sendable {
    /// Canonical net string (dropout included, as it would be trained).
    public var net: String
    /// The largest Q value at the start state: the table's estimate of this net's accuracy.
    public var expectedAccuracy: Double?

    /// Creates a greedy-architecture record.
    public init(net: String, expectedAccuracy: Double? = nil) {
        self.net = net
        self.expectedAccuracy = expectedAccuracy
    }
}
