import SearchSpace

/// One sampled walk through the space: the net and the true states it visited.
public struct Episode: Hashable, Sendable, Codable {
    /// The net with dropout inserted (spec §3): what gets trained and stored.
    public var architecture: Architecture
    /// The true state list: start, one state per layer, terminal.
    public var states: [LayerState]

    /// An episode from its net and states.
    public init(architecture: Architecture, states: [LayerState]) {
        self.architecture = architecture
        self.states = states
    }
}
