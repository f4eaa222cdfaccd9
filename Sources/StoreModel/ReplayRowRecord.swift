/// One sampled model in sequence order (a row of the reference `replay_database.csv`).
public struct ReplayRowRecord: Hashable, Sendable {
    /// 1-based position in the experiment's replay sequence (file order for imports).
    public var sequence: Int
    /// The trained net this row replays.
    public var netID: Int64
    /// ε when the model was sampled.
    public var epsilon: Double
    /// When the row was appended, seconds since 1970 (`time_finished`).
    public var finishedAt: Double
    /// Machine that produced the row (`machine_run_on`).
    public var machine: String
    /// The row's own result: set on imported rows only (a reference file may repeat a net with
    /// other results); nil on rows of a search, which report their net's one result.
    public var ownResult: RowResult?
    /// The `ix_q_value_update` an imported row was written with (not unique in reference files);
    /// nil on rows of a search, whose index is `sequence`.
    public var importedUpdateIndex: Double?

    /// A replay row.
    public init(sequence: Int, netID: Int64, epsilon: Double, finishedAt: Double, machine: String,
                ownResult: RowResult? = nil, importedUpdateIndex: Double? = nil) {
        self.sequence = sequence
        self.netID = netID
        self.epsilon = epsilon
        self.finishedAt = finishedAt
        self.machine = machine
        self.ownResult = ownResult
        self.importedUpdateIndex = importedUpdateIndex
    }
}
