import SearchSpace

/// One replay row as the learner needs it: a trajectory and its reward.
public struct Experience: Hashable, Sendable, Codable {
    /// The state list of the net (start … terminal).
    public var states: [LayerState]
    /// The reward: the net's first recorded best validation accuracy.
    public var reward: Double

    /// An experience from a state list.
    public init(states: [LayerState], reward: Double) {
        self.states = states
        self.reward = reward
    }

    /// An experience from a net string's net (dropout ignored), checked against `space`.
    public init(net: Architecture, reward: Double, in space: StateSpace) throws(QLearningError) {
        do { states = try space.trajectory(for: net) } catch { throw .illegalNet(error) }
        self.reward = reward
    }
}
