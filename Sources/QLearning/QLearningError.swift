import SearchSpace

/// Why a Q-learning update or a Q-table import failed; one sentence each.
public enum QLearningError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The net to learn from is not a path of the space.
    case illegalNet(IllegalNetError)
    /// A trajectory has fewer than two states (start and terminal).
    case trajectoryTooShort(Int)
    /// A trajectory step is not an action the table holds for its state.
    case unknownAction(state: LayerState, action: LayerState)
    /// A `q_values.csv` file is malformed at `line`.
    case csv(line: Int, reason: String)

    /// One sentence naming the problem.
    public var description: String {
        switch self {
        case let .illegalNet(error):
            error.description
        case let .trajectoryTooShort(count):
            "A trajectory needs at least a start and a terminal state but has \(count) state\(count == 1 ? "" : "s")."
        case let .unknownAction(state, action):
            "The Q table has no action \(action) from state \(state); the net was not sampled from this search space."
        case let .csv(line, reason):
            "q_values.csv line \(line): \(reason)."
        }
    }
}
