import SearchSpace

/// Q values keyed by bucketed state, each state's actions kept in the order they were
/// enumerated (spec order for enumerated states, file order for imported ones).
///
/// A state enters the table with all its actions at `init_utility` the first time it is
/// visited or updated (spec §6); terminal states have no actions and are never stored.
public struct QTable: Hashable, Sendable, Codable {
    /// One (action, Q value) pair of a state.
    public struct Entry: Hashable, Sendable, Codable {
        /// The stored action: the bucketed state it leads to.
        public var action: State
        /// Its Q value.
        public var value: Double

        /// An entry of `action` with Q value `value`.
        public init(action: State, value: Double) {
            self.action = action
            self.value = value
        }
    }

    /// The entries per bucketed state.
    public private(set) var entries: [State: [Entry]] = [:]

    /// An empty table.
    public init() {}

    /// Number of (state, action) pairs, i.e. rows of `q_values.csv`.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// The states known to the table, sorted.
    public var states: [State] { entries.keys.sorted() }

    /// The entries of bucketed `state`, or nil if it has never been enumerated.
    public subscript(state: State) -> [Entry]? { entries[state] }

    /// Q(state, action), or nil if the pair is unknown.
    public func value(_ state: State, _ action: State) -> Double? {
        entries[state]?.first(where: { $0.action == action })?.value
    }

    /// Adds bucketed `state` with `actions` at `initial`, and any of `actions` it lacks.
    public mutating func enumerate(_ state: State, actions: [State], initial: Double) {
        guard !actions.isEmpty else { return }
        var list = entries[state] ?? []
        for action in actions where !list.contains(where: { $0.action == action }) {
            list.append(Entry(action: action, value: initial))
        }
        entries[state] = list
    }

    /// Sets Q(state, action), adding the pair if it is new.
    public mutating func setValue(_ value: Double, _ state: State, _ action: State) {
        var list = entries[state] ?? []
        if let index = list.firstIndex(where: { $0.action == action }) {
            list[index].value = value
        } else {
            list.append(Entry(action: action, value: value))
        }
        entries[state] = list
    }

    /// The largest Q value over the state's actions, 0 for a terminal or unknown-action state.
    public func maxValue(_ state: State) -> Double {
        entries[state]?.map(\.value).max() ?? 0
    }

    /// One flat (state, action, value) triple: a row of `q_values.csv` or of a store's table.
    public struct Row: Hashable, Sendable, Codable {
        /// The bucketed state.
        public var state: State
        /// The stored action.
        public var action: State
        /// Q(state, action).
        public var value: Double

        /// A row for Q(`state`, `action`) = `value`.
        public init(state: State, action: State, value: Double) {
            self.state = state
            self.action = action
            self.value = value
        }
    }

    /// Every (state, action, value), states sorted and actions in table order.
    public var rows: [Row] {
        states.flatMap { state in entries[state]!.map { Row(state: state, action: $0.action, value: $0.value) } }
    }

    /// A table holding `rows` (later rows for the same pair win), in their order.
    public init(rows: some Sequence<Row>) {
        for row in rows { setValue(row.value, row.state, row.action) }
    }

    /// The rows of this table that are new or differ from `old`: what to save after an update.
    public func changedRows(since old: QTable) -> [Row] {
        rows.filter { old.value($0.state, $0.action) != $0.value }
    }

    private struct StateRow: Codable {
        var state: State
        var actions: [Entry]
    }

    /// Decodes the sorted list of `{state, actions}` rows written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let rows = try decoder.singleValueContainer().decode([StateRow].self)
        for row in rows { entries[row.state] = row.actions }
    }

    /// Encodes as a list of `{state, actions}` rows sorted by state, so equal tables encode equally.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(states.map { StateRow(state: $0, actions: entries[$0]!) })
    }
}
