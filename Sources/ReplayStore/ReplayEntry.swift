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
}
