import Foundation
import QLearning
import SearchSpace
import StoreModel

/// Rebuilds a Q table from `init_utility` by replaying an experiment's stored transitions (`metaqnn replay`).
public struct ReplayRebuilder: Sendable {
    /// Which transitions are replayed, in what order (see `ReplayOrder`).
    public typealias Order = ReplayOrder

    /// The store to read.
    public var store: any ExperimentStore

    /// A rebuilder reading `store`.
    public init(store: any ExperimentStore) {
        self.store = store
    }

    /// Replays experiment `name` `passes` times in `order` (draws seeded by `seed`) into a fresh
    /// table; each row is rewarded with its own best validation accuracy.
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
        let memory = ReplayMemory(entries: try store.replayEntries(experiment: name), space: learner.space)
        if let (entry, reason) = memory.rejected.first {
            throw ReplayRebuildError.illegalStoredNet(experiment: name, sequence: entry.row.sequence, net: entry.net.net,
                                                      reason: reason)
        }
        var rng = SplitMix64(seed: seed)
        let updates = learner.rebuild(from: memory.experiences(for: order), order: order, passes: passes, rng: &rng)
        return ReplayRebuild(learner: learner, rows: memory.experiences.count, updates: updates)
    }
}
