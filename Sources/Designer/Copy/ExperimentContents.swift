import StoreModel

/// Everything a store holds of one experiment, read through `ExperimentStore`: what `StoreCopy`
/// writes into another store (leases aside, which belong to the source's workers).
struct ExperimentContents: Sendable {
    /// The experiment record (name, kind, status, seed, search space, settings, RNG state, times).
    var experiment: ExperimentRecord
    /// Every net outcome, trained or failed, in insertion order.
    var nets: [TrainedNetRecord]
    /// Every replay row with its net, in sequence order (imported rows with their own results).
    var replay: [ReplayEntry]
    /// The Q table.
    var qValues: [QValueRecord]
    /// The finalist trainings, by selection rank then seed.
    var finalists: [FinalistRecord]
    /// The ensemble accuracies, by size.
    var ensembles: [EnsembleRecord]
    /// The nets in flight when it was read.
    var leases: [LeaseRecord]

    /// Reads experiment `name` of `store`; throws `experimentNotFound` when there is none.
    ///
    /// A read-only SQLite store is one in-memory snapshot, so these reads see one moment of it; on a
    /// server the experiment could change between them, which is why `StoreCopy` copies only
    /// experiments no live worker is writing.
    init(experiment name: String, of store: any ExperimentStore) throws(StoreError) {
        experiment = try store.experiment(named: name)
        nets = try store.nets(experiment: name)
        replay = try store.replayEntries(experiment: name)
        qValues = try store.qValues(experiment: name)
        finalists = try store.finalists(experiment: name)
        ensembles = try store.ensembles(experiment: name)
        leases = try store.leases(experiment: name)
    }

    /// The record to create on the target: a search stored as running whose workers all died (every
    /// lease abandoned) becomes stopped, since the copy has no worker and its leases stay behind;
    /// `list` shows such a search as "stopped (interrupted)" already.
    var targetRecord: ExperimentRecord {
        var record = experiment
        record.id = 0
        if record.status == .running { record.status = .stopped }
        return record
    }

    /// Writes the rows into `transaction` (a freshly created experiment): nets first, whose new
    /// identifiers the replay rows are mapped to, then replay rows in sequence order, the Q table,
    /// finalists and ensembles.
    func write(into transaction: any ExperimentTransaction, store: String) throws {
        var netIDs: [Int64: Int64] = [:]
        for net in nets {
            var record = net
            record.id = 0
            netIDs[net.id] = try transaction.insertNet(record).id
        }
        for entry in replay {
            guard let netID = netIDs[entry.row.netID] else {
                throw StoreError.corrupt(store: store, detail: "replay row \(entry.row.sequence) references no stored net")
            }
            let row = try transaction.appendReplayRow(
                netID: netID, epsilon: entry.row.epsilon, finishedAt: entry.row.finishedAt, machine: entry.row.machine,
                ownResult: entry.row.ownResult, importedUpdateIndex: entry.row.importedUpdateIndex)
            // The target numbers rows 1, 2, …; a source numbered otherwise would be renumbered silently.
            guard row.sequence == entry.row.sequence else {
                throw StoreError.corrupt(store: store, detail: "replay row \(entry.row.sequence) follows a gap in the sequence")
            }
        }
        try transaction.saveQValues(qValues)
        for finalist in finalists {
            var record = finalist
            (record.id, record.experimentID) = (nil, 0)
            _ = try transaction.insertFinalist(record)
        }
        if !ensembles.isEmpty {
            try transaction.replaceEnsembles(ensembles.map { ensemble in
                var record = ensemble
                record.experimentID = 0
                return record
            })
        }
    }
}
