/// A store of experiments: the one interface the search, replay, import, export, reports and
/// finalize use, whatever backend holds the data (an SQLite file today).
///
/// Records cross it as the typed values of this module, never as SQL or CSV text.
///
/// Errors: reads throw `StoreError` (typed). `write` and `createExperiment` rethrow whatever their
/// body throws; a failure of the store itself inside them is a `StoreError` too, and so is every
/// failure of an `ExperimentTransaction` operation. A backend reports what only it can fail at as
/// `StoreError.backend` with its own sentence, so callers never need a backend's error type.
public protocol ExperimentStore: AnyObject, Sendable {
    /// Where the store is, as a user may read it: a file path, or a URL with its password hidden.
    var locationDescription: String { get }
    /// The file holding the store, for what is kept beside it (finalist weights) and for outputs
    /// that must not overwrite it; nil for a store that is no file.
    var filePath: String? { get }

    /// Every experiment with its counts and best net, by name.
    func experiments() throws(StoreError) -> [ExperimentSummary]
    /// The experiment called `name`, or nil.
    func experimentIfPresent(named name: String) throws(StoreError) -> ExperimentRecord?
    /// The experiment called `name`; throws `experimentNotFound` when there is none.
    func experiment(named name: String) throws(StoreError) -> ExperimentRecord
    /// Creates an experiment and fills it through `populate` in the same transaction, so a failing
    /// import leaves no trace; throws `experimentExists` when the name is taken.
    @discardableResult
    func createExperiment(_ record: ExperimentRecord,
                          populate: (any ExperimentTransaction) throws -> Void) throws -> ExperimentRecord
    /// Runs `body` on experiment `name` inside one write transaction, serialised with every other
    /// writer of that experiment: all of it commits or none.
    func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T
    /// Records that a lease's worker is alive; false if the lease is gone.
    @discardableResult
    func heartbeat(lease id: Int64, at time: Double) throws(StoreError) -> Bool

    /// Every net outcome of the experiment, in insertion order.
    func nets(experiment name: String) throws(StoreError) -> [TrainedNetRecord]
    /// The experiment's replay rows, trained nets per stage, best net and early stops, counted by the store.
    func searchTally(experiment name: String) throws(StoreError) -> SearchTally
    /// Every replay row joined with its net, in sequence order.
    func replayEntries(experiment name: String) throws(StoreError) -> [ReplayEntry]
    /// The experiment's Q table, sorted by state then action.
    func qValues(experiment name: String) throws(StoreError) -> [QValueRecord]
    /// The experiment's nets in flight.
    func leases(experiment name: String) throws(StoreError) -> [LeaseRecord]
    /// What the backend's own consistency checks find wrong with the store; empty when it is sound.
    func integrityProblems() throws(StoreError) -> [String]
    /// Every finished finalist training of the experiment, by selection rank then seed.
    func finalists(experiment name: String) throws(StoreError) -> [FinalistRecord]
    /// The experiment's stored ensemble accuracies, by size.
    func ensembles(experiment name: String) throws(StoreError) -> [EnsembleRecord]
}

extension ExperimentStore {
    /// Creates an empty experiment; throws `experimentExists` when the name is taken.
    @discardableResult
    public func createExperiment(_ record: ExperimentRecord) throws -> ExperimentRecord {
        try createExperiment(record, populate: { _ in })
    }
}
