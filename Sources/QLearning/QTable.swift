import SearchSpace

/// The Q table: bucketed state → its actions in spec order with their Q values.
///
/// States are added lazily, with every action at `init_utility`, the first time they are
/// visited or updated (spec §6); terminal states are stored with no actions.
public struct QTable: Hashable, Sendable, Codable {
    /// The entries by bucketed state.
    public private(set) var entries: [LayerState: [ActionValue]]

    /// An empty table.
    public init() { entries = [:] }

    /// A table holding exactly `entries` (keys must be bucketed states).
    public init(entries: [LayerState: [ActionValue]]) { self.entries = entries }

    /// The actions and values of a bucketed state, nil if the state was never enumerated.
    public subscript(state: LayerState) -> [ActionValue]? { entries[state] }

    /// Q(state, action) for a bucketed state and stored action, nil if unknown.
    public func value(of action: LayerState, in state: LayerState) -> Double? {
        entries[state]?.first { $0.action == action }?.utility
    }

    /// Number of (state, action) entries.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// Every Q value in the table.
    public var allUtilities: [Double] { entries.values.flatMap { $0.map(\.utility) } }

    /// Adds the bucketed state `key` with all its actions at `init_utility` unless present.
    @discardableResult
    public mutating func enumerate(_ key: LayerState, in space: StateSpace) -> [ActionValue] {
        if let known = entries[key] { return known }
        let fresh = space.actions(from: key).map { ActionValue(action: $0, utility: space.settings.initUtility) }
        entries[key] = fresh
        return fresh
    }

    /// Sets the Q value at `index` of the bucketed state `key`'s actions.
    mutating func setUtility(_ value: Double, state key: LayerState, index: Int) {
        entries[key]![index].utility = value
    }

    /// Every (state, action, value) in a stable order: states sorted, actions in spec order.
    public var rows: [QValueRow] {
        entries.keys.sorted().flatMap { state in
            entries[state]!.map { QValueRow(state: state, action: $0.action, utility: $0.utility) }
        }
    }

    private struct Entry: Codable {
        var state: LayerState
        var actions: [ActionValue]
    }

    /// Decodes the sorted list of entries written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let list = try [Entry](from: decoder)
        entries = Dictionary(list.map { ($0.state, $0.actions) }, uniquingKeysWith: { first, _ in first })
    }

    /// Encodes the entries as a list sorted by state, so equal tables encode identically.
    public func encode(to encoder: any Encoder) throws {
        try entries.keys.sorted().map { Entry(state: $0, actions: entries[$0]!) }.encode(to: encoder)
    }
}

/// One row of a Q table: a bucketed state, one of its stored actions and its Q value.
public struct QValueRow: Hashable, Sendable, Codable {
    /// The bucketed source state.
    public var state: LayerState
    /// The stored action.
    public var action: LayerState
    /// Q(state, action).
    public var utility: Double

    /// A row of the table.
    public init(state: LayerState, action: LayerState, utility: Double) {
        self.state = state
        self.action = action
        self.utility = utility
    }
}
