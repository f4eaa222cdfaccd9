import QLearning
import SearchSpace

/// A Q table rebuilt by replay, with what a person wants to see of it.
public struct ReplayRebuild: Sendable {
    /// The agent holding the rebuilt table.
    public var learner: QLearner
    /// Replay rows read from the store.
    public var rows: Int
    /// Trajectory updates applied.
    public var updates: Int

    /// The net the rebuilt table picks greedily (`QLearner.greedyNet`, the one tie rule), the
    /// same net a report of this table names.
    public var greedyNet: Architecture { learner.greedyNet().architecture }

    /// The `count` largest Q values (ties by state then action order), as table rows.
    public func largest(_ count: Int) -> [QTable.Row] {
        Array(learner.table.rows.sorted { ($0.value, $1.state, $1.action) > ($1.value, $0.state, $0.action) }.prefix(count))
    }
}
