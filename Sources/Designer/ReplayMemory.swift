import QLearning
import SearchSpace
import StoreModel

/// An experiment's stored replay rows as replay memory: what `metaqnn replay` and the report's
/// Q rebuild both replay, so they learn the same table from the same store.
struct ReplayMemory {
    /// One experience per row whose net the space accepts, in stored order, each rewarded with
    /// the row's own best validation accuracy: what a stored-order pass replays.
    var experiences: [Experience] = []
    /// The same rows, each rewarded with its net's first recorded accuracy: what the search's
    /// draws replay (spec §4), so a sampled rebuild of an imported file whose net was trained
    /// again with another result learns what the search would have learned.
    var firstResultExperiences: [Experience] = []
    /// Rows whose net the space rejects, with the reason; only a hand-edited store, or one written
    /// by a build with other rules, holds any.
    var rejected: [(entry: ReplayEntry, reason: String)] = []

    /// The experiences that a rebuild in `order` replays.
    func experiences(for order: ReplayOrder) -> [Experience] {
        switch order {
        case .stored: experiences
        case .sampled: firstResultExperiences
        }
    }

    /// The memory of `entries` in the space `space`; each distinct net is parsed once.
    init(entries: [ReplayEntry], space: StateSpace) {
        var trajectories: [String: [State]] = [:]
        var reasons: [String: String] = [:]
        var firstRewards: [String: Double] = [:]
        for entry in entries {
            let net = entry.net.net
            if trajectories[net] == nil && reasons[net] == nil {
                do { trajectories[net] = try space.trajectory(for: Architecture(parsing: net)) } catch {
                    reasons[net] = "\(error)"
                }
            }
            if let trajectory = trajectories[net] {
                let reward = entry.result.bestValidationAccuracy
                let firstReward = firstRewards[net, default: reward]
                firstRewards[net] = firstReward
                experiences.append(Experience(trajectory: trajectory, reward: reward))
                firstResultExperiences.append(Experience(trajectory: trajectory, reward: firstReward))
            } else {
                rejected.append((entry, reasons[net]!))
            }
        }
    }
}
