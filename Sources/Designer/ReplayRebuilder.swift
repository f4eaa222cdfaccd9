import Foundation
import QLearning
import ReplayStore
import SearchSpace

/// Rebuilds a Q table from `init_utility` by replaying an experiment's stored transitions (`metaqnn replay`).
public struct ReplayRebuilder: Sendable {
    /// Which transitions are replayed, in what order.
    public enum Order: String, CaseIterable, Sendable {
        /// Every replay row once, in sequence order, with its net's best validation accuracy as reward.
        case stored
        /// The search's own schedule: after each row is appended, `replay_number` uniform draws
        /// with replacement from the rows so far.
        case sampled
    }

    /// The store to read.
    public var store: ReplayStore

    /// A rebuilder reading `store`.
    public init(store: ReplayStore) {
        self.store = store
    }

    /// Replays experiment `name` `passes` times in `order` (draws seeded by `seed`) into a fresh table.
    public func rebuild(experiment name: String, order: Order, passes: Int = 1, seed: UInt64 = 1) throws -> ReplayRebuild {
        precondition(passes >= 1, "at least one pass")
        let experiment = try store.experiment(named: name)
        let settings: SearchSpaceSettings
        do {
            settings = try JSONDecoder().decode(SearchSpaceSettings.self, from: Data(experiment.searchSpaceJSON.utf8))
        } catch {
            throw StoredExperimentError.unreadableSettings(experiment: name, reason: decodingReason(error))
        }
        var learner = QLearner(settings: settings)
        // Each distinct net is parsed once; the store only holds nets that were legal when recorded.
        var trajectories: [String: [State]] = [:]
        var memory: [(trajectory: [State], reward: Double)] = []
        for entry in try store.replayEntries(experiment: name) {
            let net = entry.net.net
            if trajectories[net] == nil {
                do {
                    trajectories[net] = try learner.trajectory(for: Architecture(parsing: net))
                } catch {
                    throw ReplayRebuildError.illegalStoredNet(experiment: name, sequence: entry.row.sequence, net: net,
                                                              reason: "\(error)")
                }
            }
            memory.append((trajectories[net]!, entry.net.bestValidationAccuracy ?? 0))
        }
        var rng = SplitMix64(seed: seed)
        var updates = 0
        for _ in 0..<passes {
            switch order {
            case .stored:
                for row in memory { learner.update(trajectory: row.trajectory, reward: row.reward) }
                updates += memory.count
            case .sampled:
                for appended in memory.indices {
                    for index in QLearner.replayIndices(count: settings.replayNumber, rowCount: appended + 1, rng: &rng) {
                        learner.update(trajectory: memory[index].trajectory, reward: memory[index].reward)
                    }
                    updates += settings.replayNumber
                }
            }
        }
        return ReplayRebuild(learner: learner, rows: memory.count, updates: updates)
    }
}
