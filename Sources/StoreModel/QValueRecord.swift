/// One Q-table entry: the utility of taking `action` in `state` (both as reference tuples).
public struct QValueRecord: Hashable, Sendable {
    /// The bucketed state as its 8 reference fields joined by commas.
    public var state: String
    /// The bucketed action (next state) as its 8 reference fields joined by commas.
    public var action: String
    /// Q value.
    public var utility: Double

    /// An entry.
    public init(state: String, action: String, utility: Double) {
        self.state = state
        self.action = action
        self.utility = utility
    }
}
