/// One sampled model in sequence order (a row of the reference `replay_database.csv`).
public struct ReplayRowRecord: Hashable, Sendable {
    /// 1-based position in the experiment's replay sequence (`ix_q_value_update`).
    public var sequence: Int
    /// The trained net this row replays.
    public var netID: Int64
    /// ε when the model was sampled.
    public var epsilon: Double
    /// When the row was appended, seconds since 1970 (`time_finished`).
    public var finishedAt: Double
    /// Machine that produced the row (`machine_run_on`).
    public var machine: String

    /// A replay row.
    public init(sequence: Int, netID: Int64, epsilon: Double, finishedAt: Double, machine: String) {
        self.sequence = sequence
        self.netID = netID
        self.epsilon = epsilon
        self.finishedAt = finishedAt
        self.machine = machine
    }
}
