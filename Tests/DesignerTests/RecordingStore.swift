import Foundation
import StoreModel
import Synchronization

/// An `ExperimentStore` that passes everything to `base` and logs what the transactions of its
/// writes read and save of the Q table: how a test sees which rows a search step touches.
final class RecordingStore: ExperimentStore {
    /// What one write transaction did to the Q table.
    struct Log: Sendable {
        /// Whole-table reads.
        var wholeTableReads = 0
        /// The states asked for by `qValues(states:)`, every call's in order.
        var statesRead: [StoredLayerState] = []
        /// The entries given to `saveQValues`.
        var saved: [QValueRecord] = []
    }

    let base: any ExperimentStore
    private let logs = Mutex<[Log]>([])

    init(_ base: any ExperimentStore) {
        self.base = base
    }

    /// The log of every write so far, in order.
    var writes: [Log] { logs.withLock { $0 } }

    var locationDescription: String { base.locationDescription }
    var filePath: String? { base.filePath }

    func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T {
        var log = Log()
        let result = try base.write(experiment: name) { transaction in
            let recording = RecordingTransaction(transaction)
            defer { log = recording.log }
            return try body(recording)
        }
        logs.withLock { $0.append(log) }
        return result
    }

    func createExperiment(_ record: ExperimentRecord, populate: (any ExperimentTransaction) throws -> Void) throws -> ExperimentRecord {
        try base.createExperiment(record, populate: populate)
    }

    func experiments() throws(StoreError) -> [ExperimentSummary] { try base.experiments() }
    func experimentIfPresent(named name: String) throws(StoreError) -> ExperimentRecord? { try base.experimentIfPresent(named: name) }
    func experiment(named name: String) throws(StoreError) -> ExperimentRecord { try base.experiment(named: name) }
    func heartbeat(lease id: Int64, at time: Double) throws(StoreError) -> Bool { try base.heartbeat(lease: id, at: time) }
    func nets(experiment name: String) throws(StoreError) -> [TrainedNetRecord] { try base.nets(experiment: name) }
    func searchTally(experiment name: String) throws(StoreError) -> SearchTally { try base.searchTally(experiment: name) }
    func replayEntries(experiment name: String) throws(StoreError) -> [ReplayEntry] { try base.replayEntries(experiment: name) }
    func qValues(experiment name: String) throws(StoreError) -> [QValueRecord] { try base.qValues(experiment: name) }
    func leases(experiment name: String) throws(StoreError) -> [LeaseRecord] { try base.leases(experiment: name) }
    func integrityProblems() throws(StoreError) -> [String] { try base.integrityProblems() }
    func finalists(experiment name: String) throws(StoreError) -> [FinalistRecord] { try base.finalists(experiment: name) }
    func ensembles(experiment name: String) throws(StoreError) -> [EnsembleRecord] { try base.ensembles(experiment: name) }
}

/// The transaction of a `RecordingStore` write: `base`'s, with its Q-table traffic logged.
final class RecordingTransaction: ExperimentTransaction {
    let base: any ExperimentTransaction
    var log = RecordingStore.Log()

    init(_ base: any ExperimentTransaction) {
        self.base = base
    }

    var experiment: ExperimentRecord { base.experiment }
    func setRNGState(_ state: UInt64, at time: Double) throws { try base.setRNGState(state, at: time) }
    func setStatus(_ status: ExperimentRecord.Status, at time: Double) throws { try base.setStatus(status, at: time) }
    func net(_ net: String) throws -> TrainedNetRecord? { try base.net(net) }
    func nets() throws -> [TrainedNetRecord] { try base.nets() }
    func trainedCountsByStage() throws -> [Int: Int] { try base.trainedCountsByStage() }
    func insertNet(_ record: TrainedNetRecord) throws -> TrainedNetRecord { try base.insertNet(record) }
    func replayCount() throws -> Int { try base.replayCount() }
    func replayRewards(after sequence: Int) throws -> [(sequence: Int, net: String, reward: Double)] {
        try base.replayRewards(after: sequence)
    }
    func appendReplayRow(netID: Int64, epsilon: Double, finishedAt: Double, machine: String, ownResult: RowResult?,
                         importedUpdateIndex: Double?) throws -> ReplayRowRecord {
        try base.appendReplayRow(netID: netID, epsilon: epsilon, finishedAt: finishedAt, machine: machine, ownResult: ownResult,
                                 importedUpdateIndex: importedUpdateIndex)
    }
    func qValues() throws -> [QValueRecord] {
        log.wholeTableReads += 1
        return try base.qValues()
    }
    func qValues(states: [StoredLayerState]) throws -> [QValueRecord] {
        log.statesRead += states
        return try base.qValues(states: states)
    }
    func saveQValues(_ entries: some Sequence<QValueRecord>) throws {
        let entries = Array(entries)
        log.saved += entries
        try base.saveQValues(entries)
    }
    func replaceQValues(_ entries: some Sequence<QValueRecord>) throws { try base.replaceQValues(entries) }
    func leases() throws -> [LeaseRecord] { try base.leases() }
    func insertLease(_ lease: LeaseRecord) throws -> LeaseRecord { try base.insertLease(lease) }
    func reassignLease(id: Int64, worker: String, pid: Int32, host: String, at time: Double) throws -> Bool {
        try base.reassignLease(id: id, worker: worker, pid: pid, host: host, at: time)
    }
    func deleteLease(id: Int64) throws -> Bool { try base.deleteLease(id: id) }
    func finalists() throws -> [FinalistRecord] { try base.finalists() }
    func insertFinalist(_ record: FinalistRecord) throws -> FinalistRecord { try base.insertFinalist(record) }
    func replaceEnsembles(_ records: [EnsembleRecord]) throws { try base.replaceEnsembles(records) }
}
