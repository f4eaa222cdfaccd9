import Foundation
import QLearning
import ReplayStore
import SearchSpace

/// How `metaqnn replay` walks the stored replay rows.
public enum ReplayOrder: String, CaseIterable, Sendable {
    /// Every replay row once, in sequence order, reward = that row's best validation accuracy.
    case stored
    /// The search's own schedule: after the k-th row, replay_number uniform draws from rows 1…k.
    case sampled
}

/// Rebuilds a Q table from `init_utility` by replaying stored transitions (`metaqnn replay`).
public enum QReplay {
    /// One replay row as the learner needs it: a net string and its reward.
    public struct Row: Hashable, Sendable {
        /// Canonical net string (dropout is ignored by the learner).
        public var net: String
        /// The net's best validation accuracy.
        public var reward: Double

        /// Creates a row.
        public init(net: String, reward: Double) {
            self.net = net
            self.reward = reward
        }
    }

    /// The learner after `passes` passes over `rows` in `order`; `sampled` draws from a generator seeded with `seed`.
    public static func rebuild(rows: [Row], settings: SearchSpaceSettings, order: ReplayOrder, passes: Int = 1,
                               seed: UInt64 = 1) throws -> QLearner {
        precondition(passes >= 1, "passes must be at least 1")
        var agent = LearnerAgent(learner: QLearner(settings: settings))
        var generator = SplitMix64(seed: seed)
        for _ in 0..<passes {
            switch order {
            case .stored:
                for row in rows { try agent.learn(net: row.net, reward: row.reward) }
            case .sampled:
                for seen in 1...max(rows.count, 1) where !rows.isEmpty {
                    let draws = QLearner.replayIndices(count: settings.replayNumber, rowCount: seen, rng: &generator)
                    for index in draws { try agent.learn(net: rows[index].net, reward: rows[index].reward) }
                }
            }
        }
        return agent.learner
    }

    /// The replay rows and search space of a stored experiment (searched or imported).
    public static func load(experiment: String, from store: ReplayStore) throws -> (rows: [Row], settings: SearchSpaceSettings) {
        let record = try store.experiment(named: experiment)
        let settings: SearchSpaceSettings
        do {
            settings = try SearchSpaceSettings.decode(Data(record.searchSpaceJSON.utf8), path: "experiment '\(experiment)'")
        } catch {
            throw StoredExperimentError.unreadableSettings(experiment: experiment, reason: error.description)
        }
        let rows = try store.replayEntries(experiment: experiment).map {
            Row(net: $0.net.net, reward: $0.net.bestValidationAccuracy ?? 0)
        }
        return (rows, settings)
    }

    /// The `count` largest Q values, largest first (ties in the table's stable row order).
    public static func largest(_ table: QTable, count: Int) -> [QTable.Row] {
        Array(table.rows.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }
            .prefix(count).map(\.element))
    }
}
