import QLearning
import SearchSpace

/// The search's agent: the QLearning learner, with each net's trajectory parsed once and cached
/// because replay revisits the same few hundred nets thousands of times.
struct LearnerAgent: SearchAgent {
    /// The learner whose table is loaded from, and saved back to, the store each step.
    var learner: QLearner
    private var trajectories: [String: [LayerState]] = [:]

    init(learner: QLearner) { self.learner = learner }

    mutating func sampleNet(epsilon: Double, using generator: inout SplitMix64) -> String {
        let episode = learner.sampleEpisode(epsilon: epsilon, using: &generator)
        let net = episode.architecture.description
        trajectories[net] = episode.states
        return net
    }

    mutating func learn(net: String, reward: Double) throws {
        try learner.update(trajectory: trajectory(of: net), reward: reward)
    }

    /// The state list of `net`, which must be a legal path of the learner's space.
    mutating func trajectory(of net: String) throws -> [LayerState] {
        if let known = trajectories[net] { return known }
        let states = try learner.space.trajectory(for: Architecture(parsing: net))
        trajectories[net] = states
        return states
    }
}
