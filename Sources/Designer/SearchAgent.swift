import SearchSpace

/// The Q-learning side of a search step: sample an episode, learn from a stored trajectory.
protocol SearchAgent {
    /// One ε-greedy episode from the start state, as the canonical net string it trains (dropout included).
    mutating func sampleNet(epsilon: Double, using generator: inout SplitMix64) throws -> String
    /// Called once before a replay with every net it will learn from, in draw order, so that an
    /// agent reading its Q table from a store reads all of their states at once.
    mutating func prepare(toLearn nets: [String]) throws
    /// The Q update of spec §4 along the trajectory of `net` with terminal reward `reward`.
    mutating func learn(net: String, reward: Double) throws
}

extension SearchAgent {
    /// Nothing to read ahead: the agent holds what it learns from.
    mutating func prepare(toLearn nets: [String]) throws {}
}
