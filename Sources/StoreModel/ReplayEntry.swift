/// A replay row joined with the net it references: everything a reference replay file row holds.
public struct ReplayEntry: Hashable, Sendable {
    /// The row itself.
    public var row: ReplayRowRecord
    /// The trained net it references.
    public var net: TrainedNetRecord

    /// A joined row.
    public init(row: ReplayRowRecord, net: TrainedNetRecord) {
        self.row = row
        self.net = net
    }

    /// The row's result: its own for an imported row, else its net's one result (replay rows
    /// only reference trained nets, whose accuracy and iteration fields the schema requires).
    public var result: RowResult {
        row.ownResult ?? net.result
    }

    /// The `ix_q_value_update` to export: as imported, else the sequence number.
    public var updateIndex: Double { row.importedUpdateIndex ?? Double(row.sequence) }
}
