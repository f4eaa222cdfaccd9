import SearchSpace

/// One action of a state in the Q table and its Q value.
public struct ActionValue: Hashable, Sendable, Codable {
    /// The stored (bucketed) action, represented as the state it leads to (spec §2).
    public var action: LayerState
    /// Q(state, action).
    public var utility: Double

    /// An action with its Q value.
    public init(action: LayerState, utility: Double) {
        self.action = action
        self.utility = utility
    }
}
