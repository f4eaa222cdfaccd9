import BigInt

/// The size of a search space as `metaqnn space` reports it.
public struct SpaceCounts: Hashable, Sendable {
    /// Distinct bucketed states reachable from the start, terminal states included.
    public var states: Int
    /// Q-table entries once every reachable state is enumerated (terminal states have none).
    public var stateActions: Int
    /// Distinct legal nets (start-to-terminal paths), exact.
    public var architectures: BigUInt
    /// Reachable states per layer depth (index = depth), for the breakdown printed below the counts.
    public var statesByDepth: [Int]
}

extension StateSpace {
    /// Counts states, state-actions and architectures by walking every reachable true state.
    ///
    /// The walk is over *true* states because the next bucket depends on the exact side (a
    /// 10×10 and an 8×8 map share bucket 8 but pool to different buckets); each true state is
    /// visited once, and the number of nets is a path count memoised per true state.
    public func counts() -> SpaceCounts {
        var bucketedStates = Set<State>()
        var paths: [State: BigUInt] = [:]

        func walk(_ state: State) -> BigUInt {
            if let known = paths[state] { return known }
            let key = bucketed(state)
            bucketedStates.insert(key)
            var total: BigUInt = state.terminate ? 1 : 0
            for action in actions(from: key) {
                total += walk(apply(action, to: state))
            }
            paths[state] = total
            return total
        }

        let architectures = walk(startState)
        var byDepth = Array(repeating: 0, count: settings.layerLimit + 2)
        var stateActions = 0
        for state in bucketedStates {
            byDepth[state.layerDepth] += 1
            stateActions += actions(from: state).count
        }
        return SpaceCounts(states: bucketedStates.count, stateActions: stateActions,
                           architectures: architectures, statesByDepth: byDepth)
    }
}

extension StateSpace {
    /// Every distinct bucketed state reachable from the start (terminal states included), sorted.
    public func reachableStates() -> [State] {
        var seen = Set<State>(), visited = Set<State>()
        var stack = [startState]
        while let state = stack.popLast() {
            guard visited.insert(state).inserted else { continue }
            let key = bucketed(state)
            seen.insert(key)
            for action in actions(from: key) { stack.append(apply(action, to: state)) }
        }
        return seen.sorted()
    }
}
