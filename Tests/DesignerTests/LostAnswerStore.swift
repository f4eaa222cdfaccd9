import Foundation
import StoreModel
import Synchronization

/// An `ExperimentStore` whose next write commits and then reports a lost connection, as a server
/// store does when the connection breaks after COMMIT reached the server but before its answer came
/// back: the one case in which a retried step finds its own work already done.
final class LostAnswerStore: ExperimentStore {
    let base: any ExperimentStore
    private let armed = Mutex(false)

    init(_ base: any ExperimentStore) {
        self.base = base
    }

    /// Makes the next `write` lose its answer.
    func loseNextAnswer() {
        armed.withLock { $0 = true }
    }

    /// Whether the armed loss has happened.
    var lostAnswer: Bool { !armed.withLock { $0 } }

    var locationDescription: String { base.locationDescription }
    var filePath: String? { base.filePath }

    func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T {
        let result = try base.write(experiment: name, body)
        let lose = armed.withLock { state in
            defer { state = false }
            return state
        }
        if lose { throw StoreError.connectionLost(store: locationDescription) }
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
