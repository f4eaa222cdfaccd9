import QLearning
import ReplayStore
import SearchSpace

/// An experiment's stored replay rows as replay memory: what `metaqnn replay` and the report's
/// Q rebuild both replay, so they learn the same table from the same store.
struct ReplayMemory {
    /// One experience per row whose net the space accepts, in stored order, each rewarded with
    /// the row's own best validation accuracy (spec §4).
    var experiences: [Experience] = []
    /// Rows whose net the space rejects, with the reason; only a hand-edited store, or one written
    /// by a build with other rules, holds any.
    var rejected: [(entry: ReplayEntry, reason: String)] = []

    /// The memory of `entries` in the space `space`; each distinct net is parsed once.
    init(entries: [ReplayEntry], space: StateSpace) {
        var trajectories: [String: [State]] = [:]
        var reasons: [String: String] = [:]
        for entry in entries {
            let net = entry.net.net
            if trajectories[net] == nil && reasons[net] == nil {
                do { trajectories[net] = try space.trajectory(for: Architecture(parsing: net)) } catch {
                    reasons[net] = "\(error)"
                }
            }
            if let trajectory = trajectories[net] {
                experiences.append(Experience(trajectory: trajectory, reward: entry.result.bestValidationAccuracy))
            } else {
                rejected.append((entry, reasons[net]!))
            }
        }
    }
}
