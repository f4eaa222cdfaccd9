import StoreModel

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
    func stepReads(replayAfter sequence: Int, countsAndLeases: Bool) throws -> StepReads {
        try base.stepReads(replayAfter: sequence, countsAndLeases: countsAndLeases)
    }
    func insertLease(_ lease: LeaseRecord) throws -> LeaseRecord { try base.insertLease(lease) }
    func reassignLease(id: Int64, worker: String, pid: Int32, host: String, at time: Double) throws -> Bool {
        try base.reassignLease(id: id, worker: worker, pid: pid, host: host, at: time)
    }
    func deleteLease(id: Int64) throws -> Bool { try base.deleteLease(id: id) }
    func finalists() throws -> [FinalistRecord] { try base.finalists() }
    func insertFinalist(_ record: FinalistRecord) throws -> FinalistRecord { try base.insertFinalist(record) }
    func replaceEnsembles(_ records: [EnsembleRecord]) throws { try base.replaceEnsembles(records) }
}
