/// Typed operations on one experiment inside one write transaction of an `ExperimentStore`.
///
/// A transaction is only valid inside the closure it was handed to; everything done through it
/// commits together when the closure returns, or not at all when it throws. Its operations throw
/// `StoreError` (see `ExperimentStore` for the error story).
public protocol ExperimentTransaction: AnyObject {
    /// The experiment as it was when the transaction began, kept current by the setters.
    var experiment: ExperimentRecord { get }

    /// Persists the search's random generator state.
    func setRNGState(_ state: UInt64, at time: Double) throws
    /// Sets the experiment's status.
    func setStatus(_ status: ExperimentRecord.Status, at time: Double) throws

    /// The stored outcome of `net` (canonical string), if any.
    func net(_ net: String) throws -> TrainedNetRecord?
    /// Every stored net outcome, in insertion order.
    func nets() throws -> [TrainedNetRecord]
    /// Trained (not failed) nets per schedule stage: the search's position in its ε schedule.
    func trainedCountsByStage() throws -> [Int: Int]
    /// Stores a net's outcome and returns it with its assigned identifier; throws `duplicateNet`
    /// when the net already has one.
    func insertNet(_ record: TrainedNetRecord) throws -> TrainedNetRecord

    /// Number of replay rows.
    func replayCount() throws -> Int
    /// The sequence number, net and reward of every replay row numbered above `sequence` (the row's
    /// best validation accuracy: its own for an imported row, else its net's reward, predicted for a
    /// net stopped early), in sequence order. Rows are only ever appended, with the next sequence
    /// number, so a reader that holds rows 1…n reads only what came after them.
    func replayRewards(after sequence: Int) throws -> [(sequence: Int, net: String, reward: Double)]
    /// Appends a replay row for a trained net; its sequence number is the next one. `ownResult`
    /// and `importedUpdateIndex` are for rows of an imported experiment only; give both or neither.
    @discardableResult
    func appendReplayRow(netID: Int64, epsilon: Double, finishedAt: Double, machine: String,
                         ownResult: RowResult?, importedUpdateIndex: Double?) throws -> ReplayRowRecord

    /// The whole Q table.
    func qValues() throws -> [QValueRecord]
    /// The entries of the given (bucketed) states, in `QValueRecord.inStoreOrder`: what a search step
    /// reads instead of the whole table, since it only touches the states on its trajectories.
    func qValues(states: [StoredLayerState]) throws -> [QValueRecord]
    /// Inserts or updates the given entries (typically the ones a step changed).
    func saveQValues(_ entries: some Sequence<QValueRecord>) throws
    /// Replaces the whole Q table.
    func replaceQValues(_ entries: some Sequence<QValueRecord>) throws
    /// Saves what a search step changed: `qValues` as `saveQValues` does and, unless nil, the random
    /// stream as `setRNGState` does. A server store writes both in one statement, since the step
    /// holds the experiment's lock while it waits for each answer.
    func saveStep(qValues: [QValueRecord], rngState: UInt64?, at time: Double) throws

    /// Every lease of the experiment, oldest first.
    func leases() throws -> [LeaseRecord]
    /// `replayRewards(after: sequence)` and, when `countsAndLeases`, `trainedCountsByStage()` and
    /// `leases()`: what a step reads right after taking the experiment's lock. A server store makes
    /// them one statement, since the step holds the lock while it waits for each answer.
    func stepReads(replayAfter sequence: Int, countsAndLeases: Bool) throws -> StepReads
    /// Takes a lease on a net; fails if the net is already leased.
    func insertLease(_ lease: LeaseRecord) throws -> LeaseRecord
    /// Hands an existing lease (of a dead worker) to another worker; false if it no longer exists.
    func reassignLease(id: Int64, worker: String, pid: Int32, host: String, at time: Double) throws -> Bool
    /// Removes a lease; false if it did not exist.
    @discardableResult
    func deleteLease(id: Int64) throws -> Bool

    /// The stored finalist trainings, by selection rank then seed.
    func finalists() throws -> [FinalistRecord]
    /// Stores one finished (net, seed); throws `duplicateFinalist` when it is already there.
    func insertFinalist(_ record: FinalistRecord) throws -> FinalistRecord
    /// Replaces the experiment's ensemble table with `records`.
    func replaceEnsembles(_ records: [EnsembleRecord]) throws
}

extension ExperimentTransaction {
    /// Every replay row's sequence number, net and reward, in sequence order (see `replayRewards(after:)`).
    public func replayRewards() throws -> [(sequence: Int, net: String, reward: Double)] {
        try replayRewards(after: 0)
    }

    /// `saveQValues` then `setRNGState`, one statement each.
    public func saveStep(qValues: [QValueRecord], rngState: UInt64?, at time: Double) throws {
        try saveQValues(qValues)
        if let rngState { try setRNGState(rngState, at: time) }
    }

    /// `trainedCountsByStage()`, `leases()` and `replayRewards(after:)`, one statement each.
    public func stepReads(replayAfter sequence: Int, countsAndLeases: Bool) throws -> StepReads {
        StepReads(trainedCountsByStage: countsAndLeases ? try trainedCountsByStage() : [:],
                  leases: countsAndLeases ? try leases() : [],
                  replayRewards: try replayRewards(after: sequence))
    }

    /// Appends a replay row of a search (no result or update index of its own).
    @discardableResult
    public func appendReplayRow(netID: Int64, epsilon: Double, finishedAt: Double, machine: String) throws
        -> ReplayRowRecord
    {
        try appendReplayRow(netID: netID, epsilon: epsilon, finishedAt: finishedAt, machine: machine,
                            ownResult: nil, importedUpdateIndex: nil)
    }
}
