import SearchSpace

extension QLearner {
    /// The action the table recommends at bucketed `state`: among the actions of maximal Q, the
    /// first in spec §2 action order, enumerating the state at `init_utility` if it is new.
    ///
    /// This is the one tie rule for "the greedy net" (what `metaqnn replay` prints and what the
    /// report shows): deterministic, so the same table always names the same net. Sampling an
    /// episode with ε = 0 (`sampleTrajectory`) still draws among ties, as spec §4 asks of the search.
    public mutating func greedyEntry(at state: State) -> QTable.Entry {
        let candidates = actionValues(at: state)
        precondition(!candidates.isEmpty, "only terminal states have no actions")
        var best = candidates[0]
        for candidate in candidates.dropFirst() where candidate.value > best.value { best = candidate }
        return best
    }

    /// The greedy episode: true states from start to terminal, each action chosen by `greedyEntry`.
    /// Works on a copy, so the caller's table is untouched (states it lacks are not added).
    public func greedyTrajectory() -> [State] {
        var copy = self
        var current = space.startState
        var trajectory = [current]
        while !current.terminate {
            current = space.apply(copy.greedyEntry(at: space.bucketed(current)).action, to: current)
            trajectory.append(current)
        }
        return trajectory
    }

    /// The greedy net as it would be trained (dropout inserted), with the start state's largest Q:
    /// the accuracy the table expects of it.
    public func greedyNet() -> (architecture: Architecture, expectedAccuracy: Double) {
        var copy = self
        let expected = copy.greedyEntry(at: space.bucketed(space.startState)).value
        return (space.architecture(for: greedyTrajectory()).withDropout, expected)
    }
}
