import SearchSpace

/// One replay memory item: a stored trajectory and the reward its net earned.
public struct Experience: Hashable, Sendable, Codable {
    /// True states from start to terminal (see `StateSpace.trajectory(for:)`).
    public var trajectory: [State]
    /// The reward: the row's best validation accuracy (for a net of this project's own, its one result).
    public var reward: Double

    /// An experience of `trajectory` rewarded with `reward`.
    public init(trajectory: [State], reward: Double) {
        self.trajectory = trajectory
        self.reward = reward
    }
}
