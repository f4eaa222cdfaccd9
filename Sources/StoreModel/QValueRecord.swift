/// One Q-table entry: the utility of taking `action` in `state` (both as reference tuples).
public struct QValueRecord: Hashable, Sendable {
    /// The bucketed state.
    public var state: StoredLayerState
    /// The bucketed action (the state it leads to, as stored).
    public var action: StoredLayerState
    /// Q value.
    public var utility: Double

    /// An entry.
    public init(state: StoredLayerState, action: StoredLayerState, utility: Double) {
        self.state = state
        self.action = action
        self.utility = utility
    }

    /// `records` in the order every store returns them: by state, then by action, each compared as
    /// its `referenceText` byte for byte.
    ///
    /// Stores kept that text until `v5-typed-q-values` and returned rows in its order. The order
    /// is kept because it is the order of each state's actions in the table a search step reads,
    /// which decides which of several equally valued actions a seeded episode draws.
    public static func inStoreOrder(_ records: some Sequence<QValueRecord>) -> [QValueRecord] {
        records.map { (key: (Array($0.state.referenceText.utf8), Array($0.action.referenceText.utf8)), record: $0) }
            .sorted { lhs, rhs in
                lhs.key.0 == rhs.key.0 ? lhs.key.1.lexicographicallyPrecedes(rhs.key.1) : lhs.key.0.lexicographicallyPrecedes(rhs.key.0)
            }
            .map(\.record)
    }
}
