import QLearning
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
    /// One stored replay row: a net string and its reward.
    public struct Row: Hashable, Sendable {
        /// Canonical net string (dropout ignored by the learner).
        public var net: String
        /// The net's best validation accuracy.
        public var reward: Double

        /// Creates a row.
        public init(net: String, reward: Double) {
            self.net = net
            self.reward = reward
        }
    }

    /// The learner after `passes` passes over `rows` in `order` (draws seeded with `seed` for `sampled`).
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
                for seen in rows.indices.map({ $0 + 1 }) {
                    for index in QLearner.replayDraws(count: settings.replayNumber, from: seen, using: &generator) {
                        try agent.learn(net: rows[index].net, reward: rows[index].reward)
                    }
                }
            }
        }
        return agent.learner
    }

    /// The `count` largest Q values, largest first (ties in the table's stable order).
    public static func largest(_ table: QTable, count: Int) -> [QValueRow] {
        Array(table.rows.enumerated().sorted { ($0.element.utility, -$0.offset) > ($1.element.utility, -$1.offset) }
            .prefix(count).map(\.element))
    }
}
