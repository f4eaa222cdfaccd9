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

    /// The net built with ε = 0 from `learner`'s table; ties are broken by a fixed seed so the
    /// same table always gives the same report. Works on a copy: the caller's table is untouched.
    public static func greedy(_ learner: QLearner, tieSeed: UInt64 = 0) -> GreedyArchitecture {
        var copy = learner
        var rng = SplitMix64(seed: tieSeed)
        let start = copy.space.bucketed(copy.space.startState)
        let expected = copy.actionValues(at: start).map(\.value).max()
        let net = copy.sampleArchitecture(epsilon: 0, rng: &rng).architecture
        return GreedyArchitecture(net: net.description, expectedAccuracy: expected)
    }
}
