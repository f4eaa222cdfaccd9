import QLearning
import SearchSpace

/// The search's agent: the QLearning learner, with each net's trajectory parsed once and cached
/// because replay revisits the same nets many times per step.
struct LearnerAgent: SearchAgent {
    /// The learner; its table is loaded from, and its changes saved back to, the store each step.
    var learner: QLearner
    private var trajectories: [String: [State]] = [:]

    init(learner: QLearner) { self.learner = learner }

    mutating func sampleNet(epsilon: Double, using generator: inout SplitMix64) -> String {
        let (architecture, trajectory) = learner.sampleArchitecture(epsilon: epsilon, rng: &generator)
        let net = architecture.description
        trajectories[net] = trajectory
        return net
    }

    mutating func learn(net: String, reward: Double) throws {
        learner.update(trajectory: try trajectory(of: net), reward: reward)
    }

    /// The state list of `net`, which must be a legal path of the learner's space.
    mutating func trajectory(of net: String) throws -> [State] {
        if let known = trajectories[net] { return known }
        let states = try learner.trajectory(for: Architecture(parsing: net))
        trajectories[net] = states
        return states
    }
}
