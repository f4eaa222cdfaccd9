import StoreModel

/// A test store wrapping `base`: every read goes to `base` unchanged, so a wrapper writes only
/// the part it changes (its `write`).
protocol ForwardingStore: ExperimentStore {
    /// The store everything is passed to.
    var base: any ExperimentStore { get }
}

extension ForwardingStore {
    var locationDescription: String { base.locationDescription }
    var filePath: String? { base.filePath }

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
