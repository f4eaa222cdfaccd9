import SearchSpace

/// The Q-learning side of a search step: sample an episode, learn from a stored trajectory.
protocol SearchAgent {
    /// One ε-greedy episode from the start state, as the canonical net string it trains (dropout included).
    mutating func sampleNet(epsilon: Double, using generator: inout SplitMix64) -> String
    /// The Q update of spec §4 along the trajectory of `net` with terminal reward `reward`.
    mutating func learn(net: String, reward: Double) throws
}
