import QLearning
import Reporting
import SearchSpace

/// What a report needs from a Q table: mean-Q samples by layer type and depth, and the greedy net.
public enum ReportQValues {
    /// One sample per stored (state, action) pair, keyed by the action's layer type and depth;
    /// a terminate action counts as `terminate` (the SM layer), whatever type it copies.
    public static func samples(_ table: QTable) -> [QValueSample] {
        table.states.flatMap { state in
            (table[state] ?? []).map { entry in
                QValueSample(
                    layerType: entry.action.terminate ? "terminate" : entry.action.layerType.rawValue,
                    depth: entry.action.layerDepth, utility: entry.value)
            }
        }
    }

    /// The greedy net of `learner`'s table (`QLearner.greedyNet`, the one tie rule, so `metaqnn
    /// replay` names the same net for the same table). The caller's table is untouched.
    public static func greedy(_ learner: QLearner) -> GreedyArchitecture {
        let greedy = learner.greedyNet()
        return GreedyArchitecture(net: greedy.architecture.description, expectedAccuracy: greedy.expectedAccuracy)
    }
}
