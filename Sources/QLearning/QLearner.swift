import SearchSpace

/// The MetaQNN agent: ε-greedy episodes over a `StateSpace`, the sequence update of spec §4
/// and experience replay. A plain value: store it, copy it, resume it.
public struct QLearner: Hashable, Sendable, Codable {
    /// The space the agent walks.
    public let space: StateSpace
    /// The Q table (bucketed states).
    public var table: QTable

    /// An agent for `settings` starting from `table` (empty by default).
    public init(settings: SearchSpaceSettings, table: QTable = QTable()) {
        space = StateSpace(settings: settings)
        self.table = table
    }

    /// The settings of the space (α, γ, replay number, init utility among them).
    public var settings: SearchSpaceSettings { space.settings }

    /// Samples one net ε-greedily: uniform over actions with probability ε, else uniform among
    /// the maximal ones; visited states are added to the table.
    public mutating func sampleEpisode<G: RandomNumberGenerator>(epsilon: Double, using rng: inout G) -> Episode {
        var state = space.startState
        var states = [state]
        while !state.terminate {
            let actions = table.enumerate(space.bucketed(state), in: space)
            let action: LayerState
            // Always draw the coin first so that the random stream does not depend on ε.
            if Double.random(in: 0..<1, using: &rng) < epsilon {
                action = actions.randomElement(using: &rng)!.action
            } else {
                let best = actions.map(\.utility).max()!
                action = actions.filter { $0.utility == best }.randomElement(using: &rng)!.action
            }
            state = space.apply(action, to: state)
            states.append(state)
        }
        return Episode(architecture: space.architecture(for: states).withDropout, states: states)
    }

    /// The net that always takes the first best action (no exploration, no randomness).
    public func greedyEpisode() -> Episode {
        var state = space.startState
        var states = [state]
        while !state.terminate {
            let key = space.bucketed(state)
            let actions = table[key] ?? space.actions(from: key).map { ActionValue(action: $0, utility: settings.initUtility) }
            let best = actions.map(\.utility).max()!
            state = space.apply(actions.first { $0.utility == best }!.action, to: state)
            states.append(state)
        }
        return Episode(architecture: space.architecture(for: states).withDropout, states: states)
    }

    /// The spec §4 update for one trajectory: the terminal transition gets `reward`, then each
    /// earlier transition moves toward γ·max Q of its next state, from the end backwards.
    public mutating func update(trajectory states: [LayerState], reward: Double) throws(QLearningError) {
        guard states.count >= 2 else { throw .trajectoryTooShort(states.count) }
        let last = states.count - 1
        try updateTransition(from: states[last - 1], to: states[last], reward: reward)
        for t in stride(from: last - 2, through: 0, by: -1) {
            try updateTransition(from: states[t], to: states[t + 1], reward: 0)
        }
    }

    /// Runs the update for a net (dropout ignored) that must be legal in the space.
    public mutating func update(net: Architecture, reward: Double) throws(QLearningError) {
        try update(experience: Experience(net: net, reward: reward, in: space))
    }

    /// Runs the update for one experience.
    public mutating func update(experience: Experience) throws(QLearningError) {
        try update(trajectory: experience.states, reward: experience.reward)
    }

    /// Experience replay: `replayNumber` uniform draws with replacement from `memory`, each
    /// followed by its update; nothing happens when `memory` is empty.
    public mutating func replay<G: RandomNumberGenerator>(_ memory: [Experience], using rng: inout G) throws(QLearningError) {
        for index in Self.replayDraws(count: settings.replayNumber, from: memory.count, using: &rng) {
            try update(experience: memory[index])
        }
    }

    /// The indices replay draws: `count` uniform picks with replacement from `0..<rows`.
    public static func replayDraws<G: RandomNumberGenerator>(count: Int, from rows: Int, using rng: inout G) -> [Int] {
        guard rows > 0 else { return [] }
        return (0..<count).map { _ in Int.random(in: 0..<rows, using: &rng) }
    }

    private mutating func updateTransition(from state: LayerState, to next: LayerState, reward: Double) throws(QLearningError) {
        let key = space.bucketed(state)
        let actions = table.enumerate(key, in: space)
        let nextActions = table.enumerate(space.bucketed(next), in: space)
        let action = space.action(from: state, to: next)
        guard let index = actions.firstIndex(where: { $0.action == action }) else {
            throw .unknownAction(state: key, action: action)
        }
        let future = next.terminate ? 0 : nextActions.map(\.utility).max()!
        let q = actions[index].utility
        table.setUtility(q + settings.learningRate * (reward + settings.discount * future - q), state: key, index: index)
    }
}
