import SearchSpace

/// The MetaQNN agent: a Q table over one search space, ε-greedy sampling and the replay update
/// of spec §4. A value type; store it (it is `Codable`) to resume a search.
public struct QLearner: Hashable, Sendable, Codable {
    /// The state machine the agent walks.
    public let space: StateSpace
    /// The Q values learned so far.
    public var table: QTable

    /// A fresh agent with an empty (lazily enumerated) Q table.
    public init(settings: SearchSpaceSettings) {
        self.init(space: StateSpace(settings: settings), table: QTable())
    }

    /// An agent resuming from `table`; states it holds that lack some of their actions (as an
    /// imported `q_values.csv` may) get them at `init_utility`, so every known state is complete.
    public init(space: StateSpace, table: QTable) {
        self.space = space
        self.table = table
        for state in table.states {
            self.table.enumerate(state, actions: space.actions(from: state), initial: space.settings.initUtility)
        }
    }

    /// The settings of the agent's space.
    public var settings: SearchSpaceSettings { space.settings }

    /// The legal actions of bucketed `state` with their Q values, in spec order, enumerating
    /// the state at `init_utility` if it is new.
    public mutating func actionValues(at state: State) -> [QTable.Entry] {
        let actions = space.actions(from: state)
        table.enumerate(state, actions: actions, initial: settings.initUtility)
        return actions.map { QTable.Entry(action: $0, value: table.value(state, $0)!) }
    }

    /// One ε-greedy episode: true states from start to terminal. With probability ε an action
    /// is uniform over the legal ones, otherwise uniform over those of maximal Q.
    public mutating func sampleTrajectory(epsilon: Double, rng: inout some RandomNumberGenerator) -> [State] {
        sampleTrajectory(epsilon: epsilon, rng: &rng, stored: { _ in [:] })
    }

    /// `sampleTrajectory(epsilon:rng:)` over a table read lazily: `stored` gives the stored entries
    /// of the states the table lacks (none for a state never stored), which join the table by `adopt`.
    ///
    /// An exploring move is uniform over the legal actions, which the space gives without any Q
    /// value, so the states an episode explores are asked for only when a greedy move needs the
    /// table, together with that move's state, or once at the end: an episode asks `stored` once
    /// plus once per greedy move from a state the table lacks, rather than once per state. The
    /// states join the table in trajectory order either way, so the table, the trajectory and the
    /// random draws are those of a whole table.
    public mutating func sampleTrajectory(
        epsilon: Double, rng: inout some RandomNumberGenerator, stored: ([State]) throws -> [State: [QTable.Entry]]
    ) rethrows -> [State] {
        var current = space.startState
        var trajectory = [current]
        var unread: [State] = []
        while !current.terminate {
            let state = space.bucketed(current)
            if table[state] == nil { unread.append(state) }
            let chosen: State
            if Double.random(in: 0..<1, using: &rng) < epsilon {
                let actions = space.actions(from: state)
                chosen = actions[Int.random(in: 0..<actions.count, using: &rng)]
            } else {
                try adoptAll(unread, stored: stored)
                unread = []
                let candidates = actionValues(at: state)
                let best = candidates.map(\.value).max()!
                let ties = candidates.filter { $0.value == best }
                chosen = ties[Int.random(in: 0..<ties.count, using: &rng)].action
            }
            current = space.apply(chosen, to: current)
            trajectory.append(current)
        }
        try adoptAll(unread, stored: stored)
        return trajectory
    }

    /// Adds `states`, which the table lacks, in their order: with their entries from `stored`
    /// (asked once for all of them) when it has any, else enumerated at `init_utility`.
    private mutating func adoptAll(_ states: [State], stored: ([State]) throws -> [State: [QTable.Entry]]) rethrows {
        guard !states.isEmpty else { return }
        let entries = try stored(states)
        for state in states {
            if let stored = entries[state], !stored.isEmpty {
                adopt(state, stored: stored)
            } else {
                enumerateIfNew(state)
            }
        }
    }

    /// One ε-greedy episode as a net string with dropout inserted (the form that is trained
    /// and stored), and the trajectory (what `update` and replay use).
    public mutating func sampleArchitecture(
        epsilon: Double, rng: inout some RandomNumberGenerator
    ) -> (architecture: Architecture, trajectory: [State]) {
        sampleArchitecture(epsilon: epsilon, rng: &rng, stored: { _ in [:] })
    }

    /// `sampleArchitecture(epsilon:rng:)` over a table read lazily (see `sampleTrajectory(epsilon:rng:stored:)`).
    public mutating func sampleArchitecture(
        epsilon: Double, rng: inout some RandomNumberGenerator, stored: ([State]) throws -> [State: [QTable.Entry]]
    ) rethrows -> (architecture: Architecture, trajectory: [State]) {
        let trajectory = try sampleTrajectory(epsilon: epsilon, rng: &rng, stored: stored)
        return (space.architecture(for: trajectory).withDropout, trajectory)
    }

    /// The trajectory of a stored net (dropout ignored), checked for legality in this space.
    public func trajectory(for net: Architecture) throws(ArchitectureError) -> [State] {
        try space.trajectory(for: net)
    }

    /// The replay memory item of a stored net and its reward (its first recorded accuracy).
    public func experience(for net: Architecture, reward: Double) throws(ArchitectureError) -> Experience {
        Experience(trajectory: try space.trajectory(for: net), reward: reward)
    }

    /// The update of spec §4 for one trajectory s0 … sT with reward r: first
    /// Q(sT−1, a) += α(r − Q(sT−1, a)), then for t = T−2 down to 0
    /// Q(st, a) += α(γ · max Q(st+1, ·) − Q(st, a)).
    public mutating func update(trajectory: [State], reward: Double) {
        precondition(trajectory.count >= 2 && trajectory.last!.terminate, "a trajectory runs from start to terminal")
        let alpha = settings.learningRate, gamma = settings.discount
        for t in stride(from: trajectory.count - 2, through: 0, by: -1) {
            let state = space.bucketed(trajectory[t])
            let action = space.action(from: trajectory[t], to: trajectory[t + 1])
            enumerateIfNew(state)
            let target: Double
            if trajectory[t + 1].terminate {
                target = reward
            } else {
                let next = space.bucketed(trajectory[t + 1])
                enumerateIfNew(next)
                target = gamma * table.maxValue(next)
            }
            let old = table.value(state, action) ?? settings.initUtility
            table.setValue(old + alpha * (target - old), state, action)
        }
    }

    /// Adds bucketed `state`, which the table lacks, with its stored `entries` in their order,
    /// completed as `init(space:table:)` completes a loaded table: the one way a state read from a
    /// store joins a table that is read state by state.
    public mutating func adopt(_ state: State, stored entries: [QTable.Entry]) {
        precondition(table[state] == nil, "a state is adopted once, before it is used")
        for entry in entries { table.setValue(entry.value, state, entry.action) }
        table.enumerate(state, actions: space.actions(from: state), initial: settings.initUtility)
    }

    /// The bucketed states whose entries `update(trajectory:reward:)` reads or writes (every
    /// non-terminal state of the trajectory), in trajectory order: what a table read state by state
    /// must hold before the update, since a state it lacks would start again at init_utility.
    public func statesUpdated(by trajectory: [State]) -> [State] {
        trajectory.filter { !$0.terminate }.map(space.bucketed)
    }

    /// Adds a state with all its actions the first time it is seen. Known states are complete
    /// (see `init(space:table:)`), so replay, which revisits the same states thousands of times,
    /// skips regenerating their action lists.
    private mutating func enumerateIfNew(_ state: State) {
        if table[state] == nil {
            table.enumerate(state, actions: space.actions(from: state), initial: settings.initUtility)
        }
    }
}
