import PostgresStore
import ReplayStore

// The operations both stores offer, written once so that the contract runs the same sequence on
// each. The conformances below are empty: they compile only while both stores have every
// operation with the same name, signature and record types.

/// The transaction-level operations of a store.
protocol ContractTransaction: AnyObject {
    var experiment: ExperimentRecord { get }
    func setRNGState(_ state: UInt64, at time: Double) throws
    func setStatus(_ status: ExperimentRecord.Status, at time: Double) throws
    func net(_ net: String) throws -> TrainedNetRecord?
    func nets() throws -> [TrainedNetRecord]
    func trainedCountsByStage() throws -> [Int: Int]
    func insertNet(_ record: TrainedNetRecord) throws -> TrainedNetRecord
    func replayCount() throws -> Int
    func replayRewards() throws -> [(net: String, reward: Double)]
    func appendReplayRow(netID: Int64, epsilon: Double, finishedAt: Double, machine: String, ownResult: RowResult?,
                         importedUpdateIndex: Double?) throws -> ReplayRowRecord
    func qValues() throws -> [QValueRecord]
    func saveQValues(_ entries: some Sequence<QValueRecord>) throws
    func replaceQValues(_ entries: some Sequence<QValueRecord>) throws
    func leases() throws -> [LeaseRecord]
    func insertLease(_ lease: LeaseRecord) throws -> LeaseRecord
    func reassignLease(id: Int64, worker: String, pid: Int32, host: String, at time: Double) throws -> Bool
    func deleteLease(id: Int64) throws -> Bool
    func finalists() throws -> [FinalistRecord]
    func insertFinalist(_ record: FinalistRecord) throws -> FinalistRecord
    func replaceEnsembles(_ records: [EnsembleRecord]) throws
}

/// The store-level operations of a store.
protocol ContractStore {
    associatedtype Transaction: ContractTransaction
    /// Where the store is, as its error sentences name it.
    var locator: String { get }
    func experiments() throws -> [ExperimentSummary]
    func experimentIfPresent(named name: String) throws -> ExperimentRecord?
    func experiment(named name: String) throws -> ExperimentRecord
    func createExperiment(_ record: ExperimentRecord, populate: (Transaction) throws -> Void) throws -> ExperimentRecord
    func write<T>(experiment name: String, _ body: (Transaction) throws -> T) throws -> T
    func heartbeat(lease id: Int64, at time: Double) throws -> Bool
    func nets(experiment name: String) throws -> [TrainedNetRecord]
    func replayEntries(experiment name: String) throws -> [ReplayEntry]
    func qValues(experiment name: String) throws -> [QValueRecord]
    func leases(experiment name: String) throws -> [LeaseRecord]
    func integrityProblems() throws -> [String]
    func finalists(experiment name: String) throws -> [FinalistRecord]
    func ensembles(experiment name: String) throws -> [EnsembleRecord]
}

extension StoreTransaction: ContractTransaction {}
extension PostgresTransaction: ContractTransaction {}

extension ReplayStore: ContractStore {
    typealias Transaction = StoreTransaction
    var locator: String { path }
}

extension PostgresStore: ContractStore {
    typealias Transaction = PostgresTransaction
    var locator: String { url.description }
}
