import QLearning
import SearchSpace

/// The search's agent: the QLearning learner over a Q table read state by state, with each net's
/// trajectory parsed once and cached because replay revisits the same nets many times per step.
///
/// A step touches only the states on the episodes it samples and the trajectories it replays, so
/// the learner's table starts empty and each state joins it (`QLearner.adopt`) from `read` just
/// before it is first used; `storedRows` keeps what was read, so the rows to save are exactly
/// those the step changed (`changedRows`). The decisions are those of a learner holding the whole
/// stored table, since every value a step reads or writes is of a state it read first.
struct LearnerAgent: SearchAgent {
    /// The learner; its table holds the states read or created so far.
    private(set) var learner: QLearner
    /// The stored rows of the given bucketed states (none for a state never stored), grouped by state.
    private let read: ([State]) throws -> [QTable.Row]
    /// The rows read so far, as stored.
    private var storedRows = QTable()
    /// Every state asked of `read`, stored or not.
    private var asked = Set<State>()
    private var trajectories: [String: [State]] = [:]

    /// An agent over `space` whose Q values come from `read`.
    init(space: StateSpace, read: @escaping ([State]) throws -> [QTable.Row]) {
        learner = QLearner(space: space, table: QTable())
        self.read = read
    }

    /// The rows the step added or changed: what to save.
    var changedRows: [QTable.Row] { learner.table.changedRows(since: storedRows) }

    mutating func sampleNet(epsilon: Double, using generator: inout SplitMix64) throws -> String {
        let read = read
        var fetched: [QTable.Row] = []
        var states: [State] = []
        let (architecture, trajectory) = try learner.sampleArchitecture(epsilon: epsilon, rng: &generator) { asked in
            let rows = try read(asked)
            fetched += rows
            states += asked
            var entries: [State: [QTable.Entry]] = [:]
            for row in rows { entries[row.state, default: []].append(QTable.Entry(action: row.action, value: row.value)) }
            return entries
        }
        for row in fetched { storedRows.setValue(row.value, row.state, row.action) }
        asked.formUnion(states)
        let net = architecture.description
        trajectories[net] = trajectory
        return net
    }

    mutating func prepare(toLearn nets: [String]) throws {
        var missing: [State] = []
        for net in nets {
            for state in learner.statesUpdated(by: try trajectory(of: net))
            where learner.table[state] == nil && asked.insert(state).inserted {
                missing.append(state)
            }
        }
        guard !missing.isEmpty else { return }
        var entries: [State: [QTable.Entry]] = [:]
        for row in try read(missing) {
            entries[row.state, default: []].append(QTable.Entry(action: row.action, value: row.value))
            storedRows.setValue(row.value, row.state, row.action)
        }
        // States never stored stay out: the update enumerates them at init_utility, as a new state.
        for state in missing { if let stored = entries[state] { learner.adopt(state, stored: stored) } }
    }

    mutating func learn(net: String, reward: Double) throws {
        let trajectory = try trajectory(of: net)
        precondition(learner.statesUpdated(by: trajectory).allSatisfy { learner.table[$0] != nil || asked.contains($0) },
                     "a net is learned from only after prepare(toLearn:) read its states")
        learner.update(trajectory: trajectory, reward: reward)
    }

    /// The state list of `net`, which must be a legal path of the learner's space.
    mutating func trajectory(of net: String) throws -> [State] {
        if let known = trajectories[net] { return known }
        let states = try learner.trajectory(for: Architecture(parsing: net))
        trajectories[net] = states
        return states
    }
}
