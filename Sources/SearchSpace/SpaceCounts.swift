import BigInt

/// Sizes of a search space, as `metaqnn space` prints them.
public struct SpaceCounts: Hashable, Sendable {
    /// Distinct bucketed states reachable from the start state, terminal states included.
    public var states: Int
    /// Q-table entries once every reachable state is enumerated (terminal states have none).
    public var stateActions: Int
    /// Distinct legal nets: paths from the start state to a terminal state.
    public var architectures: BigUInt
}

extension StateSpace {
    /// Counts states, state-action pairs and architectures by walking the true-state graph.
    ///
    /// The walk tracks the true R because a pool's next bucket depends on it, not only on the
    /// bucketed state; the counts are then taken over bucketed states.
    public func counts() -> SpaceCounts {
        var pathCounts: [LayerState: BigUInt] = [:]
        var bucketedStates: Set<LayerState> = []
        var stateActions = 0

        func paths(_ state: LayerState) -> BigUInt {
            if let known = pathCounts[state] { return known }
            let key = bucketed(state)
            let moves = actions(from: state)
            if bucketedStates.insert(key).inserted { stateActions += moves.count }
            var total: BigUInt = state.terminate ? 1 : 0
            for action in moves { total += paths(apply(action, to: state)) }
            pathCounts[state] = total
            return total
        }
        let architectures = paths(startState)
        return SpaceCounts(states: bucketedStates.count, stateActions: stateActions, architectures: architectures)
    }
}
